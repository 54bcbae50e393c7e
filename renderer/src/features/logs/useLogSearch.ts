import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RingBuffer } from '../../../../shared/logs/ring-buffer.js';
import { SearchIndex } from '../../../../shared/logs/search.js';
import { entryPlain } from './LogLine.js';
import type { LogEntry } from './useContainerLogs.js';

/**
 * Search over the lines held: the index follows the live buffer (new lines scanned once, dropped ones
 * forgotten), and a current match moves with next / previous. A new needle starts at the newest match.
 */
export function useLogSearch(ring: RingBuffer<LogEntry>, version: number, needle: string) {
  const index = useRef<SearchIndex | undefined>(undefined);
  const current = useRef(-1);
  /** Bumped by next / previous: re-renders, and tells the view to scroll to the match. */
  const [reveal, setReveal] = useState(0);

  // `version` is the buffer's change counter (the ring is mutated in place), so it is what re-runs this.
  const count = useMemo(() => {
    let idx = index.current;
    const fresh = !idx || idx.needle !== needle;
    if (fresh) {
      idx = needle ? new SearchIndex(needle) : undefined;
      index.current = idx;
    }
    if (!idx) {
      current.current = -1;
      return 0;
    }
    const forgotten = idx.update({
      epoch: ring.epoch,
      firstSeq: ring.firstSeq,
      endSeq: ring.total,
      plainAt: (seq) => {
        const e = ring.bySeq(seq);
        return e ? entryPlain(e) : '';
      },
    });
    if (fresh) current.current = idx.count - 1;
    else current.current = Math.min(idx.count - 1, Math.max(idx.count ? 0 : -1, current.current - forgotten));
    return idx.count;
  }, [ring, version, needle]);

  // A new needle: show its newest match once it has one.
  const shownFor = useRef('');
  useEffect(() => {
    if (!needle) shownFor.current = '';
    else if (count > 0 && shownFor.current !== needle) {
      shownFor.current = needle;
      setReveal((x) => x + 1);
    }
  }, [needle, count]);

  const step = useCallback((delta: 1 | -1) => {
    const n = index.current?.count ?? 0;
    if (n === 0) return;
    current.current = (current.current + delta + n) % n;
    setReveal((x) => x + 1);
  }, []);

  return {
    re: index.current?.re,
    count,
    /** 1-based position of the current match, 0 when there is none. */
    position: count ? current.current + 1 : 0,
    current: index.current?.at(current.current),
    reveal,
    next: () => step(1),
    previous: () => step(-1),
  };
}
