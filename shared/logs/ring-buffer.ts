/**
 * A bounded first-in-first-out buffer: once full, each new item pushes out the oldest. Items keep a
 * sequence number (0 for the first ever pushed) so a view can tell which lines were dropped. Pure.
 */
export class RingBuffer<T> {
  private items: Array<T | undefined>;
  private head = 0;
  private count = 0;
  private pushed = 0;
  private clears = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    this.items = new Array<T | undefined>(capacity);
  }

  /** Moves on every clear, so a reader can tell "refilled" from "grew". */
  get epoch(): number {
    return this.clears;
  }

  /** Items held now. */
  get size(): number {
    return this.count;
  }

  /** Items ever pushed since the last clear. */
  get total(): number {
    return this.pushed;
  }

  /** Items pushed out to make room (the oldest ones). */
  get dropped(): number {
    return this.pushed - this.count;
  }

  /** Sequence number of the oldest item held. */
  get firstSeq(): number {
    return this.pushed - this.count;
  }

  push(batch: readonly T[]): void {
    const cap = this.capacity;
    // A batch larger than the buffer: only its last `cap` items could survive.
    const skip = Math.max(0, batch.length - cap);
    this.pushed += skip;
    if (skip > 0) this.count = 0;
    for (let i = skip; i < batch.length; i++) {
      const slot = (this.head + this.count) % cap;
      this.items[slot] = batch[i];
      if (this.count < cap) this.count++;
      else this.head = (this.head + 1) % cap;
      this.pushed++;
    }
  }

  /** The item at `index` (0 = oldest held); undefined outside 0..size-1. */
  at(index: number): T | undefined {
    if (index < 0 || index >= this.count) return undefined;
    return this.items[(this.head + index) % this.capacity];
  }

  /** The item with this sequence number, if it is still held. */
  bySeq(seq: number): T | undefined {
    return this.at(seq - this.firstSeq);
  }

  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.items[(this.head + i) % this.capacity] as T);
    return out;
  }

  clear(): void {
    this.items = new Array<T | undefined>(this.capacity);
    this.head = 0;
    this.count = 0;
    this.pushed = 0;
    this.clears++;
  }
}
