import { describe, expect, it } from 'vitest';
import { LineSplitter } from '../../shared/logs/lines.js';

function collect() {
  const lines: Array<[string, string | undefined]> = [];
  const s = new LineSplitter((text, ts) => lines.push([text, ts]));
  return { s, lines };
}

describe('LineSplitter', () => {
  it('splits at \\n and keeps a partial last line until it completes', () => {
    const { s, lines } = collect();
    s.push('one\ntwo\nthr');
    expect(lines).toEqual([
      ['one', undefined],
      ['two', undefined],
    ]);
    expect(s.pending).toBe(true);
    s.push('ee');
    expect(lines).toHaveLength(2);
    s.push('\nfour\n');
    expect(lines.map((l) => l[0])).toEqual(['one', 'two', 'three', 'four']);
    expect(s.pending).toBe(false);
  });

  it('treats \\r\\n as a line end but keeps a \\r inside the line', () => {
    const { s, lines } = collect();
    s.push('a\r\nb 10%\rb 20%\r');
    s.push('\n');
    expect(lines.map((l) => l[0])).toEqual(['a', 'b 10%\rb 20%']);
  });

  it('gives a line the timestamp of the message that started it', () => {
    const { s, lines } = collect();
    s.push('first part ', 'T1');
    s.push('second part\n', 'T2');
    s.push('next\n', 'T3');
    expect(lines).toEqual([
      ['first part second part', 'T1'],
      ['next', 'T3'],
    ]);
  });

  it('keeps empty lines, and flush hands over the partial line once', () => {
    const { s, lines } = collect();
    s.push('\n\nend', 'T');
    s.flush();
    s.flush();
    expect(lines).toEqual([
      ['', 'T'],
      ['', 'T'],
      ['end', 'T'],
    ]);
  });

  it('a line delivered one character at a time is one line', () => {
    const { s, lines } = collect();
    for (const ch of 'line-1\nline-2\n') s.push(ch);
    expect(lines.map((l) => l[0])).toEqual(['line-1', 'line-2']);
  });
});
