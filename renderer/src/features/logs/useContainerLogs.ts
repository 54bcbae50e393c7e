import { useEffect, useState } from 'react';
import type { LogLineDTO, LogsEndReason } from '../../../../shared/dto-logs.js';
import type { Segment } from '../../../../shared/logs/ansi.js';
import { RingBuffer } from '../../../../shared/logs/ring-buffer.js';
import type { KapalError } from '../../../../shared/result.js';
import { useClient } from '../../api/context.js';

/** Lines kept in the renderer; older ones are dropped (and counted) so a flood cannot exhaust memory. */
export const LOG_CAPACITY = 100_000;
/** The shortest time between two repaints of the view while lines keep arriving. */
const REPAINT_MS = 50;

/** A line as kept: the wire line, plus what rendering it computed (filled lazily, for lines on screen). */
export interface LogEntry extends LogLineDTO {
  plain?: string;
  segments?: Segment[];
}

export interface LogOptions {
  tail: number | 'all';
  timestamps: boolean;
  /** Unix seconds. */
  since?: number;
  follow: boolean;
}

export type LogPhase = 'loading' | 'following' | LogsEndReason;

export interface LogState {
  phase: LogPhase;
  tty: boolean;
  error?: KapalError;
}

/**
 * The `logs:container` stream for one container while the component using it is mounted: lines go into a
 * bounded ring buffer (mutated in place), and `version` moves at most once per frame and every 50 ms, so a
 * flood re-renders the view some 20 times a second, not once per batch. Changing an option reopens the stream.
 */
export function useContainerLogs(id: string, opts: LogOptions, capacity = LOG_CAPACITY) {
  const client = useClient();
  const [ring] = useState(() => new RingBuffer<LogEntry>(capacity));
  const [version, setVersion] = useState(0);
  const [state, setState] = useState<LogState>({ phase: 'loading', tty: false });
  const { tail, timestamps, since, follow } = opts;

  useEffect(() => {
    let frame = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let painted = 0;
    const paint = () => {
      frame = requestAnimationFrame(() => {
        frame = 0;
        painted = performance.now();
        setVersion((v) => v + 1);
      });
    };
    // At most one repaint per frame, and during a flood at most every REPAINT_MS: nobody reads lines
    // scrolling by faster than that, and the main thread stays free for input.
    const repaint = () => {
      if (frame || timer) return;
      const wait = painted + REPAINT_MS - performance.now();
      if (wait <= 0) paint();
      else
        timer = setTimeout(() => {
          timer = undefined;
          paint();
        }, wait);
    };
    ring.clear();
    setState({ phase: 'loading', tty: false });
    repaint();
    const off = client.subscribe(
      'logs:container',
      { id, tail, timestamps, follow, ...(since === undefined ? {} : { since }) },
      (e) => {
        switch (e.kind) {
          case 'reset':
            ring.clear();
            setState({ phase: follow ? 'following' : 'loading', tty: e.tty });
            break;
          case 'lines':
            ring.push(e.lines);
            break;
          case 'ended':
            setState((s) => ({ ...s, phase: e.reason }));
            break;
          case 'resumed':
            setState((s) => ({ tty: s.tty, phase: 'following' }));
            break;
          case 'error':
            setState((s) => ({ ...s, error: e.error }));
            break;
        }
        repaint();
      },
    );
    return () => {
      off();
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [client, ring, id, tail, timestamps, since, follow]);

  return { ring, version, state };
}
