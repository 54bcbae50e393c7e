import { z } from 'zod';

/**
 * Messages on the browser-mode WebSocket. IPC carries the same payloads on its own channels.
 * Client → server: call, subscribe, unsubscribe. Server → client: result, event, end.
 */
export const clientMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('call'),
    id: z.number().int().nonnegative(),
    channel: z.string().max(64),
    args: z.unknown(),
  }),
  z.object({
    type: z.literal('subscribe'),
    id: z.number().int().nonnegative(),
    channel: z.string().max(64),
    args: z.unknown(),
  }),
  z.object({ type: z.literal('unsubscribe'), id: z.number().int().nonnegative() }),
]);

export type ClientMessage = z.infer<typeof clientMessage>;

export type ServerMessage =
  | { type: 'result'; id: number; result: unknown }
  | { type: 'event'; id: number; payload: unknown }
  | { type: 'end'; id: number; error?: unknown };

/** IPC channel names used by the preload bridge and the main-side adapter. */
export const IPC = {
  call: 'kapal:call',
  subscribe: 'kapal:subscribe',
  unsubscribe: 'kapal:unsubscribe',
  event: 'kapal:event',
} as const;
