/**
 * The one contract between renderer and main: every call and stream, declared once.
 * Both transports (IPC, WebSocket) and the renderer client derive from it.
 */
import type { z } from 'zod';
import type { CallDef, StreamDef } from './define.js';
import { containersContract } from './containers.js';
import { engineContract } from './engine.js';
import { imagesContract } from './images.js';
import { logsContract } from './logs.js';
import { statsContract } from './stats.js';
import { runContract } from './run.js';

export const calls = {
  ...engineContract.calls,
  ...containersContract.calls,
  ...imagesContract.calls,
  ...runContract.calls,
} as const;

export const streams = {
  ...engineContract.streams,
  ...containersContract.streams,
  ...imagesContract.streams,
  ...logsContract.streams,
  ...statsContract.streams,
  ...runContract.streams,
} as const;

export type Calls = typeof calls;
export type Streams = typeof streams;
export type CallName = keyof Calls;
export type StreamName = keyof Streams;

/** What the caller passes (defaults not yet applied). */
export type CallArgs<C extends CallName> = z.input<Calls[C]['args']>;
/** What the handler receives (after parsing). */
export type ParsedCallArgs<C extends CallName> = z.output<Calls[C]['args']>;
export type CallResult<C extends CallName> = Calls[C] extends CallDef<z.ZodType, infer R> ? R : never;

export type StreamArgs<S extends StreamName> = z.input<Streams[S]['args']>;
export type ParsedStreamArgs<S extends StreamName> = z.output<Streams[S]['args']>;
export type StreamEvent<S extends StreamName> = Streams[S] extends StreamDef<z.ZodType, infer E> ? E : never;

export const callNames = Object.keys(calls) as CallName[];
export const streamNames = Object.keys(streams) as StreamName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(calls, name);
}

export function isStreamName(name: unknown): name is StreamName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(streams, name);
}

export * from './wire.js';
