import type { Result } from '../../../shared/result.js';

/** `down`: reconnecting; `unauthorized`: the server answers but refuses this page's token. */
export type LinkState = 'up' | 'down' | 'unauthorized';

/** How the renderer reaches the main side: IPC in Electron, a WebSocket in browser mode. */
export interface Transport {
  invoke(channel: string, args: unknown): Promise<Result<unknown>>;
  subscribe(channel: string, args: unknown, onEvent: (payload: unknown) => void): () => void;
  /** Whether the link to the main side itself is up (always 'up' over IPC). */
  onLink(listener: (state: LinkState) => void): () => void;
}
