import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Fixed-height row windowing for a scrollable table body: only the rows in view (plus a margin)
 * are in the DOM, spacer rows keep the scroll height true.
 */
export function useVirtualRows(count: number, rowHeight: number, overscan = 10) {
  const ref = useRef<HTMLDivElement>(null);
  const [range, setRange] = useState({ start: 0, end: Math.min(count, 60) });
  const update = useCallback(() => {
    const el = ref.current;
    if (!el) return;
    const start = Math.max(0, Math.floor(el.scrollTop / rowHeight) - overscan);
    const visible = Math.ceil(el.clientHeight / rowHeight) + overscan * 2;
    setRange((r) => {
      const end = Math.min(count, start + visible);
      return r.start === start && r.end === end ? r : { start, end };
    });
  }, [count, rowHeight, overscan]);
  useEffect(() => {
    update();
    const el = ref.current;
    if (!el) return;
    el.addEventListener('scroll', update, { passive: true });
    const ro = new ResizeObserver(update);
    ro.observe(el);
    return () => {
      el.removeEventListener('scroll', update);
      ro.disconnect();
    };
  }, [update]);
  return {
    ref,
    start: range.start,
    end: Math.min(range.end, count),
    padTop: range.start * rowHeight,
    padBottom: Math.max(0, (count - Math.min(range.end, count)) * rowHeight),
  };
}
