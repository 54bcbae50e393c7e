import { useEffect, useState } from 'react';
import type { StatsOs, StatsSampleDTO } from '../../../../shared/dto-stats.js';
import type { KapalError } from '../../../../shared/result.js';
import { appendBounded } from '../../../../shared/stats/history.js';
import { useClient } from '../../api/context.js';
import { usePageVisible } from './usePageVisible.js';

export interface ContainerStatsState {
  /** The container these samples belong to. */
  id: string;
  os: StatsOs;
  /** Oldest first, at most 5 minutes. */
  samples: StatsSampleDTO[];
  error?: KapalError;
}

/**
 * Live stats of one container while the component using it is mounted and the page is visible; the
 * engine stream stops when it unmounts (the Stats tab closes) or the page is hidden.
 */
export function useContainerStats(id: string): ContainerStatsState {
  const client = useClient();
  const visible = usePageVisible();
  const [state, setState] = useState<ContainerStatsState>({ id, os: 'linux', samples: [] });
  useEffect(() => {
    if (!visible) return;
    return client.subscribe('stats:container', { id }, (ev) => {
      if (ev.kind === 'history') setState({ id, os: ev.os, samples: ev.samples });
      else if (ev.kind === 'sample')
        setState((s) => ({ id, os: s.os, samples: appendBounded(s.id === id ? s.samples : [], ev.sample) }));
      else setState((s) => ({ ...(s.id === id ? s : { os: s.os, samples: [] }), id, error: ev.error }));
    });
  }, [client, id, visible]);
  // Another container was selected: its history is on the way, show nothing of the previous one meanwhile.
  return state.id === id ? state : { id, os: state.os, samples: [] };
}
