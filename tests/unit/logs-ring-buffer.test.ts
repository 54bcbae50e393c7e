import { describe, expect, it } from 'vitest';
import { RingBuffer } from '../../shared/logs/ring-buffer.js';

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('RingBuffer', () => {
  it('holds up to its capacity, then drops the oldest and counts them', () => {
    const r = new RingBuffer<number>(5);
    r.push([0, 1, 2]);
    expect([r.size, r.total, r.dropped, r.firstSeq]).toEqual([3, 3, 0, 0]);
    r.push([3, 4, 5, 6]);
    expect(r.toArray()).toEqual([2, 3, 4, 5, 6]);
    expect([r.size, r.total, r.dropped, r.firstSeq]).toEqual([5, 7, 2, 2]);
    expect(r.at(0)).toBe(2);
    expect(r.at(4)).toBe(6);
    expect(r.at(5)).toBeUndefined();
    expect(r.at(-1)).toBeUndefined();
  });

  it('finds items by sequence number while they are held', () => {
    const r = new RingBuffer<string>(3);
    r.push(['a', 'b', 'c', 'd']);
    expect(r.bySeq(0)).toBeUndefined();
    expect(r.bySeq(1)).toBe('b');
    expect(r.bySeq(3)).toBe('d');
    expect(r.bySeq(4)).toBeUndefined();
  });

  it('a batch larger than the buffer keeps its last items', () => {
    const r = new RingBuffer<number>(4);
    r.push([100]);
    r.push(range(0, 10));
    expect(r.toArray()).toEqual([6, 7, 8, 9]);
    expect(r.total).toBe(11);
    expect(r.dropped).toBe(7);
    expect(r.bySeq(10)).toBe(9);
  });

  it('wraps many times and stays in order; clear starts over', () => {
    const r = new RingBuffer<number>(7);
    for (let i = 0; i < 1000; i += 3) r.push(range(i, i + 3));
    expect(r.toArray()).toEqual(range(995, 1002));
    expect(r.firstSeq).toBe(995);
    const epoch = r.epoch;
    r.clear();
    expect([r.size, r.total, r.dropped]).toEqual([0, 0, 0]);
    expect(r.epoch).toBe(epoch + 1);
    r.push([1]);
    expect(r.toArray()).toEqual([1]);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
    expect(() => new RingBuffer(1.5)).toThrow(RangeError);
  });
});
