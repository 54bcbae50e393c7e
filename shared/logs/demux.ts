/**
 * The Engine's multiplexed stream format (non-TTY `logs` and `attach`): each frame is an 8-byte header
 * `[STREAM, 0, 0, 0, SIZE (big-endian uint32)]` then SIZE bytes of payload. STREAM is 0 stdin (written
 * to stdout, as the CLI's stdcopy does), 1 stdout, 2 stderr, 3 an error from the daemon. Frames arrive
 * cut anywhere by the transport: split across chunks, or many in one chunk. Pure, on Uint8Array.
 */

export const FRAME_HEADER_BYTES = 8;

/** One reassembled frame. `payload` is a view; copy it if it must outlive the next `push`. */
export type Frame =
  | { stream: 'stdout' | 'stderr'; payload: Uint8Array }
  /** STREAM 3: the daemon reports an error inside the stream (stdcopy's "error from daemon in stream"). */
  | { stream: 'system'; payload: Uint8Array };

/** A header whose stream byte is not 0-3: the bytes are not multiplexed (a TTY stream read as non-TTY). */
export class DemuxError extends Error {
  constructor(readonly streamByte: number) {
    super(`Unrecognized input header: ${streamByte}`);
    this.name = 'DemuxError';
  }
}

const EMPTY = new Uint8Array(0);

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Reassembles frames from chunks in whatever sizes the transport delivers them. */
export class FrameDemuxer {
  private rest: Uint8Array = EMPTY;

  /** Bytes held back: the start of a frame whose end has not arrived yet. */
  get buffered(): number {
    return this.rest.length;
  }

  /** Feed one chunk; returns the frames it completes, in order. Throws {@link DemuxError} on a foreign header. */
  push(chunk: Uint8Array): Frame[] {
    const buf = this.rest.length ? concat(this.rest, chunk) : chunk;
    const frames: Frame[] = [];
    let off = 0;
    while (buf.length - off >= FRAME_HEADER_BYTES) {
      const type = buf[off] ?? 0;
      if (type > 3) {
        this.rest = EMPTY;
        throw new DemuxError(type);
      }
      const size =
        (((buf[off + 4] ?? 0) << 24) >>> 0) +
        ((buf[off + 5] ?? 0) << 16) +
        ((buf[off + 6] ?? 0) << 8) +
        (buf[off + 7] ?? 0);
      const end = off + FRAME_HEADER_BYTES + size;
      if (end > buf.length) break;
      const payload = buf.subarray(off + FRAME_HEADER_BYTES, end);
      frames.push({ stream: type === 2 ? 'stderr' : type === 3 ? 'system' : 'stdout', payload });
      off = end;
    }
    // Copy the tail so a large chunk is not kept alive by a few leftover bytes.
    this.rest = off === buf.length ? EMPTY : buf.slice(off);
    return frames;
  }
}

/**
 * The non-follow path: the engine's whole answer in one buffer. Throws {@link DemuxError} on a foreign
 * header. A frame cut short at the end (the connection dropped mid-frame) is left out.
 */
export function demuxBuffer(buffer: Uint8Array): Frame[] {
  return new FrameDemuxer().push(buffer);
}
