import type { Result } from '../../../shared/result.js';

/** How the renderer reaches the main side: IPC in Electron, a WebSocket in browser mode. */
export interface Transport {
  invoke(channel: string, args: unknown): Promise<Result<unknown>>;
  subscribe(channel: string, args: unknown, onEvent: (payload: unknown) => void): () => void;
  /** Whether the link to the main side itself is up (always true over IPC). */
  onLink(listener: (up: boolean) => void): () => void;
}
