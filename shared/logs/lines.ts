/**
 * Splitting decoded log text into lines. A chunk may end in the middle of a line; that partial line is
 * kept until its end arrives (or the stream ends). Pure.
 */

/**
 * Receives each complete line: its text without the line end, and the timestamp of the message that
 * started it (the engine stamps each message; a line longer than 16 KiB arrives as several messages).
 */
export type LineSink = (text: string, ts: string | undefined) => void;

/** One output's line splitter (stdout and stderr each need their own: their partial lines differ). */
export class LineSplitter {
  private parts: string[] = [];
  private ts: string | undefined;
  private open = false;

  constructor(private readonly sink: LineSink) {}

  /** Whether a partial line is waiting for its end. */
  get pending(): boolean {
    return this.open;
  }

  /**
   * Feed text; `ts` is the timestamp of the message this text begins, used when it starts a new line.
   * A line ends at `\n`; a `\r` just before it is part of the `\r\n` line end, not of the line.
   */
  push(text: string, ts?: string): void {
    let from = 0;
    let nl = text.indexOf('\n');
    while (nl >= 0) {
      let piece = text.slice(from, nl);
      let lineTs = ts;
      if (this.open) {
        this.parts.push(piece);
        piece = this.parts.join('');
        lineTs = this.ts;
        this.parts = [];
        this.open = false;
      }
      this.sink(piece.endsWith('\r') ? piece.slice(0, -1) : piece, lineTs);
      from = nl + 1;
      nl = text.indexOf('\n', from);
    }
    if (from < text.length) {
      if (!this.open) {
        this.open = true;
        this.ts = ts;
      }
      this.parts.push(text.slice(from));
    }
  }

  /** The stream ended: hand over the partial line, if any, as a line. */
  flush(): void {
    if (!this.open) return;
    const piece = this.parts.join('');
    this.parts = [];
    this.open = false;
    this.sink(piece.endsWith('\r') ? piece.slice(0, -1) : piece, this.ts);
  }
}
