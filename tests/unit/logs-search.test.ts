import { describe, expect, it } from 'vitest';
import { renderLine } from '../../shared/logs/ansi.js';
import { RingBuffer } from '../../shared/logs/ring-buffer.js';
import { findInText, markSegments, matcher, SearchIndex } from '../../shared/logs/search.js';

function source(r: RingBuffer<string>) {
  return { epoch: r.epoch, firstSeq: r.firstSeq, endSeq: r.total, plainAt: (seq: number) => r.bySeq(seq) ?? '' };
}

describe('search', () => {
  it('finds every occurrence, case-insensitively, with regex characters taken literally', () => {
    const re = matcher('a.B');
    expect(re && findInText('xa.bya.Bza-b', re)).toEqual([
      [1, 4],
      [5, 8],
    ]);
    expect(matcher('')).toBeUndefined();
  });

  it('keeps up with a live buffer: scans new lines only, forgets dropped ones', () => {
    const r = new RingBuffer<string>(4);
    r.push(['line-1', 'err-1', 'line-2']);
    const idx = new SearchIndex('line');
    expect(idx.update(source(r))).toBe(0);
    expect(idx.count).toBe(2);
    r.push(['line-3', 'line-4', 'err-2']);
    // line-1 and err-1 dropped: one match forgotten, two new found.
    expect(idx.update(source(r))).toBe(1);
    expect(Array.from({ length: idx.count }, (_, i) => idx.at(i)?.seq)).toEqual([2, 3, 4]);
    expect(idx.indexAtOrAfter(3)).toBe(1);
    expect(idx.indexAtOrAfter(5)).toBe(3);
  });

  it('starts over when the buffer was cleared and refilled', () => {
    const r = new RingBuffer<string>(10);
    r.push(['aa', 'ab', 'aa']);
    const idx = new SearchIndex('a');
    idx.update(source(r));
    expect(idx.count).toBe(5);
    r.clear();
    r.push(['b']);
    idx.update(source(r));
    expect(idx.count).toBe(0);
    // Refilled past where it was before the next look: still a fresh scan, not a continuation.
    r.clear();
    r.push(['xx', 'xx', 'xx', 'xa', 'a']);
    idx.update(source(r));
    expect(Array.from({ length: idx.count }, (_, i) => idx.at(i)?.seq)).toEqual([3, 4]);
  });

  it('cuts styled segments at match boundaries and marks the current one', () => {
    const segs = renderLine('\u001b[31mred\u001b[0m and red');
    expect(
      markSegments(
        segs,
        [
          [1, 5],
          [8, 11],
        ],
        1,
      ),
    ).toEqual([
      { text: 'r', style: { fg: 1 } },
      { text: 'ed', style: { fg: 1 }, mark: 'match' },
      { text: ' a', style: {}, mark: 'match' },
      { text: 'nd ', style: {} },
      { text: 'red', style: {}, mark: 'current' },
    ]);
  });
});
