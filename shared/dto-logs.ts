/**
 * What the `logs:container` stream pushes: batches of log lines and a few control events.
 * Plain data only; the engine layer builds these from the Engine's `/containers/{id}/logs` bytes.
 */
import type { KapalError } from './result.js';

/** One complete log line, as `docker logs` prints it (without its line end). */
export interface LogLineDTO {
  /** Which output the line came from. A TTY container has one merged output, reported as `stdout`. */
  stream: 'stdout' | 'stderr';
  /**
   * The line's text exactly as the container wrote it, decoded as UTF-8 (invalid bytes become U+FFFD).
   * It keeps ANSI escape sequences and carriage returns; the renderer resolves them as a terminal would.
   */
  text: string;
  /**
   * When the engine logged the line: RFC 3339 with nanoseconds, as `docker logs -t` prints it
   * (`2024-01-02T15:04:05.123456789Z`). Present only when the subscription asked for timestamps.
   */
  ts?: string;
}

/**
 * Why a log stream stopped delivering lines.
 * - `complete`: not following; everything up to now has been sent. Nothing more comes.
 * - `stopped`: following, and the container stopped. Lines resume (event `resumed`) when it starts again.
 * - `engine-lost`: following, and the engine went away. Lines resume when Kapal reconnects.
 * - `removed`: the container was removed. Nothing more comes.
 */
export type LogsEndReason = 'complete' | 'stopped' | 'engine-lost' | 'removed';

/** One event of the `logs:container` stream. */
export type LogsEvent =
  /** First event of every (re)subscription: forget what was shown, a fresh read follows. `tty`: one merged output. */
  | { kind: 'reset'; tty: boolean }
  /** Lines in the order the engine logged them; batched (every 50 ms, or sooner once 500 are waiting). */
  | { kind: 'lines'; lines: LogLineDTO[] }
  | { kind: 'ended'; reason: LogsEndReason }
  /** Following again after `ended` with `stopped` or `engine-lost`; no line already sent is sent again. */
  | { kind: 'resumed' }
  /**
   * The logs could not be read. Codes: NOT_FOUND (no such container), ENGINE_UNREACHABLE,
   * ENGINE_ERROR (for example a logging driver that does not support reading). When the engine is
   * unreachable and the subscription follows, reading resumes on reconnect.
   */
  | { kind: 'error'; error: KapalError };
