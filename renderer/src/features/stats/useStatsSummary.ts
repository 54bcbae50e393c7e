import { useEffect, useRef, useState } from 'react';
import { STATS_SUMMARY_MAX_IDS } from '../../../../shared/contract/stats.js';
import type { StatsSummaryDTO } from '../../../../shared/dto-stats.js';
import { useClient } from '../../api/context.js';
import { usePageVisible } from './usePageVisible.js';

/** Scrolling changes the rows on screen many times a second; re-subscribe once it settles. */
const SETTLE_MS = 250;

/**
 * CPU and memory for the given container ids (the running rows on screen), from `stats:summary`.
 * When the set changes, the new subscription opens before the old one closes, so the engine streams of
 * rows that stay on screen are not torn down and reopened.
 */
export function useStatsSummary(ids: readonly string[]): ReadonlyMap<string, StatsSummaryDTO> {
  const client = useClient();
  const visible = usePageVisible();
  const key = visible ? [...ids].slice(0, STATS_SUMMARY_MAX_IDS).sort().join(',') : '';
  const [settled, setSettled] = useState(key);
  const [values, setValues] = useState<ReadonlyMap<string, StatsSummaryDTO>>(new Map());
  const current = useRef<(() => void) | undefined>(undefined);

  useEffect(() => {
    if (key === settled) return;
    const timer = setTimeout(() => setSettled(key), settled && key ? SETTLE_MS : 0);
    return () => clearTimeout(timer);
  }, [key, settled]);

  useEffect(() => {
    const list = settled ? settled.split(',') : [];
    const previous = current.current;
    current.current =
      list.length > 0
        ? client.subscribe('stats:summary', { ids: list }, (ev) =>
            setValues((m) => {
              const next = new Map(m);
              for (const item of ev.items) next.set(item.id, item);
              return next;
            }),
          )
        : undefined;
    previous?.();
    const keep = new Set(list);
    setValues((m) => new Map([...m].filter(([id]) => keep.has(id))));
  }, [client, settled]);

  useEffect(
    () => () => {
      current.current?.();
      current.current = undefined;
    },
    [],
  );
  return values;
}
