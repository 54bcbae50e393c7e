import { useEffect, useState } from 'react';
import type { EngineStatusDTO } from '../../../../shared/dto.js';
import { useClient } from '../../api/context.js';
import type { LinkState } from '../../api/transport.js';

/** The engine status, pushed by main; `link` is whether the Kapal server/IPC link itself is up. */
export function useEngineStatus(): { status: EngineStatusDTO | undefined; link: LinkState } {
  const client = useClient();
  const [status, setStatus] = useState<EngineStatusDTO>();
  const [link, setLink] = useState<LinkState>('up');
  useEffect(() => client.subscribe('engine:status', {}, setStatus), [client]);
  useEffect(() => client.onLink(setLink), [client]);
  return { status, link };
}
