/**
 * Search in a live log: every occurrence of a plain-text needle (case-insensitive) in the lines held,
 * kept up to date as lines arrive and old ones are dropped, without rescanning everything. Pure.
 */
import type { Segment } from './ansi.js';

/** One occurrence: the line's sequence number and the range in its plain text. */
export interface Match {
  seq: number;
  start: number;
  end: number;
}

/** What the index reads: the window of sequence numbers held and each line's plain text. */
export interface SearchSource {
  /** Changes when the source was cleared and refilled (sequence numbers start again). */
  epoch: number;
  firstSeq: number;
  endSeq: number;
  plainAt(seq: number): string;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A case-insensitive matcher for the needle; matching works on the original string, so offsets stay true. */
export function matcher(needle: string): RegExp | undefined {
  return needle ? new RegExp(escapeRegExp(needle), 'giu') : undefined;
}

/** The ranges of every occurrence of `re` in `text`, left to right, not overlapping. */
export function findInText(text: string, re: RegExp): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

/** Occurrences of one needle over a sliding window of lines. */
export class SearchIndex {
  readonly re: RegExp | undefined;
  private matches: Match[] = [];
  /** Index in `matches` of the first one still held (older ones are dropped lazily). */
  private head = 0;
  private scannedTo = 0;
  private epoch: number | undefined;

  constructor(readonly needle: string) {
    this.re = matcher(needle);
  }

  /** Occurrences held. */
  get count(): number {
    return this.matches.length - this.head;
  }

  /** The i-th occurrence held, oldest first. */
  at(i: number): Match | undefined {
    return this.matches[this.head + i];
  }

  /**
   * Catch up with the source: forget occurrences in dropped lines, scan only lines not scanned yet.
   * Returns how many occurrences were forgotten from the front, so a "current match" index can follow.
   */
  update(src: SearchSource): number {
    if (src.epoch !== this.epoch) {
      // The source was cleared and refilled: start over.
      this.epoch = src.epoch;
      this.matches = [];
      this.head = 0;
      this.scannedTo = 0;
    }
    let forgotten = 0;
    while (this.head < this.matches.length && (this.matches[this.head]?.seq ?? 0) < src.firstSeq) {
      this.head++;
      forgotten++;
    }
    if (this.head > 4096 && this.head * 2 > this.matches.length) {
      this.matches = this.matches.slice(this.head);
      this.head = 0;
    }
    const re = this.re;
    for (let seq = Math.max(this.scannedTo, src.firstSeq); re && seq < src.endSeq; seq++) {
      for (const [start, end] of findInText(src.plainAt(seq), re)) this.matches.push({ seq, start, end });
    }
    this.scannedTo = src.endSeq;
    return forgotten;
  }

  /** The index of the first occurrence on or after line `seq` (count when there is none). */
  indexAtOrAfter(seq: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.at(mid)?.seq ?? 0) < seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** A segment of a rendered line, marked when it is part of a match (`current`: the one navigated to). */
export interface MarkedSegment extends Segment {
  mark?: 'match' | 'current';
}

/**
 * Cut styled segments at match boundaries so matches can be wrapped in `<mark>` without losing colours.
 * `ranges` are in plain-text offsets (the concatenated segment texts), sorted and not overlapping.
 */
export function markSegments(
  segments: readonly Segment[],
  ranges: ReadonlyArray<readonly [number, number]>,
  current?: number,
): MarkedSegment[] {
  if (ranges.length === 0) return segments.slice();
  const out: MarkedSegment[] = [];
  let pos = 0;
  let r = 0;
  for (const seg of segments) {
    let from = 0;
    const len = seg.text.length;
    while (from < len) {
      while (r < ranges.length && (ranges[r]?.[1] ?? 0) <= pos + from) r++;
      const range = ranges[r];
      const abs = pos + from;
      if (!range || range[0] >= pos + len) {
        out.push({ text: seg.text.slice(from), style: seg.style });
        break;
      }
      if (range[0] > abs) {
        out.push({ text: seg.text.slice(from, range[0] - pos), style: seg.style });
        from = range[0] - pos;
        continue;
      }
      const to = Math.min(len, range[1] - pos);
      out.push({ text: seg.text.slice(from, to), style: seg.style, mark: r === current ? 'current' : 'match' });
      from = to;
    }
    pos += len;
  }
  return out;
}
