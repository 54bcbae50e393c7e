import { calls, isCallName, isStreamName, streams } from '../../shared/contract/index.js';
import { t } from '../../shared/i18n/index.js';
import { fail, KapalFailure, ok, type KapalError, type Result } from '../../shared/result.js';
import type { Dispose } from '../engine/index.js';
import type { Handlers } from './handlers.js';

function invalid(detail: string): KapalError {
  return { code: 'INVALID_INPUT', message: t('err.invalidInput', { detail }) };
}

function toKapalError(err: unknown): KapalError {
  if (err instanceof KapalFailure) return err.error;
  const detail = err instanceof Error ? err.message : String(err);
  return { code: 'INTERNAL', message: t('err.internal', { detail }), hint: t('err.internal.hint') };
}

function issues(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string {
  return error.issues
    .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/**
 * Run one call: the channel must be in the contract, the arguments must parse with its schema,
 * and whatever happens the answer is an envelope. Nothing throws past here.
 */
export async function dispatchCall(handlers: Handlers, channel: unknown, rawArgs: unknown): Promise<Result<unknown>> {
  if (!isCallName(channel)) return fail(invalid(t('err.unknownChannel', { channel: String(channel).slice(0, 64) })));
  const parsed = calls[channel].args.safeParse(rawArgs ?? {});
  if (!parsed.success) return fail(invalid(issues(parsed.error)));
  try {
    const handler = handlers.calls[channel] as (args: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (err) {
    return fail(toKapalError(err));
  }
}

/** Open one stream after the same checks; returns its dispose, or the error. */
export function dispatchStream(
  handlers: Handlers,
  channel: unknown,
  rawArgs: unknown,
  emit: (payload: unknown) => void,
): Result<Dispose> {
  if (!isStreamName(channel)) return fail(invalid(t('err.unknownChannel', { channel: String(channel).slice(0, 64) })));
  const parsed = streams[channel].args.safeParse(rawArgs ?? {});
  if (!parsed.success) return fail(invalid(issues(parsed.error)));
  try {
    const open = handlers.streams[channel] as (args: unknown, emit: (p: unknown) => void) => Dispose;
    return ok(open(parsed.data, emit));
  } catch (err) {
    return fail(toKapalError(err));
  }
}
