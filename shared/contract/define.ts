import type { z } from 'zod';

/** A request/response call: its argument schema, and (as a type only) its result. */
export interface CallDef<A extends z.ZodType, R> {
  readonly kind: 'call';
  readonly args: A;
  /** Phantom: never set at run time, only carries the result type. */
  readonly result?: R;
}

/** A stream: its argument schema, and (as a type only) the event it pushes. */
export interface StreamDef<A extends z.ZodType, E> {
  readonly kind: 'stream';
  readonly args: A;
  /** Phantom: never set at run time, only carries the event type. */
  readonly event?: E;
}

/** `call<Result>()(argsSchema)`: the result type is given, the argument type is inferred. */
export function call<R>() {
  return <A extends z.ZodType>(args: A): CallDef<A, R> => ({ kind: 'call', args });
}

/** `stream<Event>()(argsSchema)`. */
export function stream<E>() {
  return <A extends z.ZodType>(args: A): StreamDef<A, E> => ({ kind: 'stream', args });
}
