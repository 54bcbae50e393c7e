import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { t } from '../../../../shared/i18n/index.js';
import type { Match } from '../../../../shared/logs/search.js';
import type { RingBuffer } from '../../../../shared/logs/ring-buffer.js';
import { LINE_HEIGHT, LogLine } from './LogLine.js';
import type { LogEntry } from './useContainerLogs.js';

const OVERSCAN = 20;

interface Props {
  name: string;
  ring: RingBuffer<LogEntry>;
  version: number;
  showTs: boolean;
  search: RegExp | undefined;
  current: Match | undefined;
  /** Bumped when the user navigates to a match, so the view scrolls to it even if it is the same one. */
  reveal: number;
}

/**
 * The log lines, virtualised: a fixed line height, only the lines in view (plus a margin) in the DOM.
 * It sticks to the newest line until the user scrolls up, and keeps the lines under the user's eyes in
 * place when old lines are dropped from the top.
 */
export function LogView({ name, ring, version, showTs, search, current, reveal }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const firstSeq = useRef(0);
  const [stuck, setStuck] = useState(true);
  const [range, setRange] = useState({ start: 0, end: 60 });

  const measure = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const start = Math.max(0, Math.floor(el.scrollTop / LINE_HEIGHT) - OVERSCAN);
    const end = start + Math.ceil(el.clientHeight / LINE_HEIGHT) + OVERSCAN * 2;
    setRange((r) => (r.start === start && r.end === end ? r : { start, end }));
  }, []);

  const onScroll = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < LINE_HEIGHT * 1.5;
    stick.current = atBottom;
    setStuck(atBottom);
    measure();
  }, [measure]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => {
      if (stick.current) el.scrollTop = el.scrollHeight;
      measure();
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [measure]);

  // After each repaint: follow the newest line, or hold the lines in view still while old ones drop.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const shift = ring.firstSeq - firstSeq.current;
    firstSeq.current = ring.firstSeq;
    if (stick.current) el.scrollTop = el.scrollHeight;
    else if (shift > 0) el.scrollTop = Math.max(0, el.scrollTop - shift * LINE_HEIGHT);
    measure();
  }, [version, ring, measure]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || !current || reveal === 0) return;
    const index = current.seq - ring.firstSeq;
    stick.current = false;
    setStuck(false);
    el.scrollTop = Math.max(0, index * LINE_HEIGHT - el.clientHeight / 2 + LINE_HEIGHT / 2);
    measure();
    // Only a navigation (reveal) moves the view to the match; new lines arriving do not.
  }, [reveal]);

  const size = ring.size;
  const end = Math.min(size, range.end);
  const rows = [];
  for (let i = range.start; i < end; i++) {
    const entry = ring.at(i);
    if (!entry) continue;
    const seq = ring.firstSeq + i;
    rows.push(
      <LogLine
        key={seq}
        entry={entry}
        top={i * LINE_HEIGHT}
        showTs={showTs}
        search={search}
        currentStart={current?.seq === seq ? current.start : undefined}
      />,
    );
  }

  return (
    <div className="log-frame">
      <div
        ref={ref}
        className="log-view mono"
        role="log"
        aria-label={t('logs.region', { name })}
        tabIndex={0}
        onScroll={onScroll}
        data-total-lines={ring.total}
        data-dropped-lines={ring.dropped}
      >
        <div className="log-lines" style={{ height: size * LINE_HEIGHT }}>
          {rows}
        </div>
        {size === 0 && <p className="log-empty">{t('logs.empty')}</p>}
      </div>
      {!stuck && (
        <button
          type="button"
          className="log-jump"
          onClick={() => {
            const el = ref.current;
            stick.current = true;
            setStuck(true);
            if (el) el.scrollTop = el.scrollHeight;
          }}
        >
          {t('logs.jump')} ↓
        </button>
      )}
    </div>
  );
}
