import { useEffect, useState } from 'react';
import type { ContainerDTO } from '../../../../shared/dto.js';
import { applyContainerDelta } from '../../../../shared/format/containers.js';
import { useClient } from '../../api/context.js';

/** The live container list: a snapshot, then deltas from the engine's events. */
export function useContainers(): { items: ContainerDTO[]; loaded: boolean } {
  const client = useClient();
  const [state, setState] = useState<{ items: ContainerDTO[]; loaded: boolean }>({ items: [], loaded: false });
  useEffect(
    () =>
      client.subscribe('containers:changed', {}, (ev) => {
        if (ev.kind === 'snapshot') setState({ items: ev.items, loaded: true });
        else setState((s) => ({ items: applyContainerDelta(s.items, ev.upserts, ev.removed), loaded: true }));
      }),
    [client],
  );
  return state;
}
