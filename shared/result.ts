/**
 * The result envelope every call returns, over IPC and over the browser-mode WebSocket alike.
 * Errors carry a domain code, a message a person can read, and a hint that says what to do next.
 */

/** Domain error codes, mapped once from Engine HTTP statuses and socket errors (see `errors.ts`). */
export const ERROR_CODES = [
  'ENGINE_UNREACHABLE',
  'PERMISSION_DENIED',
  'NOT_FOUND',
  'NAME_IN_USE',
  'PORT_IN_USE',
  'IMAGE_IN_USE',
  'CONFLICT',
  'INVALID_INPUT',
  'UNAUTHORIZED',
  'TIMEOUT',
  'ENGINE_ERROR',
  'INTERNAL',
] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** A user-facing error: `message` says what happened, `hint` what to do about it. */
export interface KapalError {
  code: ErrorCode;
  message: string;
  hint?: string;
  /** Extra facts for the UI, such as the containers that use an image. */
  details?: Record<string, unknown>;
}

/** `{ ok: true, value }` or `{ ok: false, error }`. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: KapalError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: KapalError): Result<T> {
  return { ok: false, error };
}

/** An Error that carries a {@link KapalError}, thrown inside the main side and turned into an envelope once. */
export class KapalFailure extends Error {
  constructor(readonly error: KapalError) {
    super(error.message);
    this.name = 'KapalFailure';
  }
}
