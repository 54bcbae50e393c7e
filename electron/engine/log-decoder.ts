/**
 * From the bytes of `GET /containers/{id}/logs` to lines: demultiplex (non-TTY) or read raw (TTY),
 * take the engine's timestamp off each message, decode UTF-8 per output with a streaming decoder (a
 * character cut across frames stays whole), and split lines, holding a partial last line until it ends.
 */
import type { LogLineDTO } from '../../shared/dto-logs.js';
import { DemuxError, FrameDemuxer } from '../../shared/logs/demux.js';
import { LineSplitter } from '../../shared/logs/lines.js';
import { readTimestamp, splitTimestamp } from '../../shared/logs/timestamp.js';

/** A decoded line. */
export type DecodedLine = LogLineDTO;

export interface LogDecoderOptions {
  /** The container's `Config.Tty`: raw bytes, one merged output, instead of multiplexed frames. */
  tty: boolean;
  /** The bytes were requested with `timestamps=1`: every message starts with `TIMESTAMP SPACE`. */
  timestamps: boolean;
  /** Keep each line's timestamp in `ts` (default true); false still reads them, for `accept`. */
  keepTimestamps?: boolean;
  /** Asked once per message that has a timestamp; false drops the message (already delivered before a reopen). */
  accept?: (ts: string) => boolean;
  /** An error the daemon wrote into the stream (frame type 3), or bytes that are not multiplexed. */
  onError?: (message: string) => void;
}

type Output = 'stdout' | 'stderr';
const STREAM = { stream: true };

function isAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if ((b[i] ?? 0) > 0x7f) return false;
  return true;
}

/** Whether the bytes end inside a multi-byte character (so the decoder holds its first bytes back). */
function endsMidCharacter(b: Uint8Array): boolean {
  let i = b.length - 1;
  let cont = 0;
  while (i >= 0 && cont < 3 && ((b[i] ?? 0) & 0xc0) === 0x80) {
    i--;
    cont++;
  }
  const lead = b[i];
  if (lead === undefined || lead < 0xc0) return false;
  const need = lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : 1;
  return cont < need;
}

/** One output's UTF-8 decoder and line splitter. ASCII bytes skip the decoder when nothing is held back. */
class OutputDecoder {
  private readonly utf8 = new TextDecoder('utf-8');
  private held = false;
  readonly lines: LineSplitter;

  constructor(sink: (text: string, ts: string | undefined) => void) {
    this.lines = new LineSplitter(sink);
  }

  decode(bytes: Uint8Array): string {
    if (!this.held && bytes.length < 4096 && isAscii(bytes)) {
      return String.fromCharCode.apply(null, bytes as unknown as number[]);
    }
    this.held = endsMidCharacter(bytes);
    return this.utf8.decode(bytes, STREAM);
  }

  end(): void {
    const rest = this.utf8.decode();
    this.held = false;
    if (rest) this.lines.push(rest);
    this.lines.flush();
  }
}

export class LogDecoder {
  private readonly demux = new FrameDemuxer();
  private readonly outputs: Record<Output, OutputDecoder>;
  private out: DecodedLine[] = [];
  private broken = false;

  constructor(private readonly opts: LogDecoderOptions) {
    const keep = opts.keepTimestamps ?? true;
    const sink = (stream: Output) => (text: string, ts: string | undefined) => {
      if (opts.tty && opts.timestamps) {
        // Raw bytes carry no message boundaries; each line starts with its message's timestamp.
        const split = splitTimestamp(text);
        if (split.ts !== undefined && opts.accept && !opts.accept(split.ts)) return;
        ts = split.ts;
        text = split.text;
      }
      this.out.push(keep && ts !== undefined ? { stream, text, ts } : { stream, text });
    };
    this.outputs = { stdout: new OutputDecoder(sink('stdout')), stderr: new OutputDecoder(sink('stderr')) };
  }

  /** Feed one chunk (from the follow stream, or the whole non-follow buffer); returns the lines it completes. */
  push(chunk: Uint8Array): DecodedLine[] {
    if (this.broken) return [];
    if (this.opts.tty) {
      const o = this.outputs.stdout;
      o.lines.push(o.decode(chunk));
      return this.take();
    }
    let frames;
    try {
      frames = this.demux.push(chunk);
    } catch (err) {
      if (!(err instanceof DemuxError)) throw err;
      this.broken = true;
      this.opts.onError?.(err.message);
      return this.take();
    }
    for (const f of frames) {
      if (f.stream === 'system') {
        this.opts.onError?.(new TextDecoder().decode(f.payload));
        continue;
      }
      let payload = f.payload;
      let ts: string | undefined;
      if (this.opts.timestamps) {
        const stamp = readTimestamp(payload);
        if (stamp) {
          ts = stamp.ts;
          if (this.opts.accept && !this.opts.accept(ts)) continue;
          payload = payload.subarray(stamp.textStart);
        }
      }
      const o = this.outputs[f.stream];
      o.lines.push(o.decode(payload), ts);
    }
    return this.take();
  }

  /** The stream ended: flush half characters (as U+FFFD) and partial lines. */
  end(): DecodedLine[] {
    this.outputs.stdout.end();
    this.outputs.stderr.end();
    return this.take();
  }

  private take(): DecodedLine[] {
    const lines = this.out;
    this.out = [];
    return lines;
  }
}
