import { useEffect, useState } from 'react';
import type { ImageDTO } from '../../../../shared/dto.js';
import { useClient } from '../../api/context.js';

/** The live image list, re-sent whole whenever an image changes. */
export function useImages(): { items: ImageDTO[]; loaded: boolean } {
  const client = useClient();
  const [state, setState] = useState<{ items: ImageDTO[]; loaded: boolean }>({ items: [], loaded: false });
  useEffect(
    () => client.subscribe('images:changed', {}, (ev) => setState({ items: ev.items, loaded: true })),
    [client],
  );
  return state;
}
