import type { EndpointDTO } from './dto.js';
import { t } from './i18n/index.js';
import type { KapalError } from './result.js';

/** What the engine layer knows about a failure, with nothing from dockerode itself. */
export interface RawEngineError {
  /** HTTP status from the engine, when it answered. */
  statusCode?: number;
  /** Node socket error code: ECONNREFUSED, ENOENT, EACCES, … */
  errno?: string;
  /** The engine's own message (`{"message": …}`), or the socket error's text. */
  message: string;
}

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOENT',
  'ECONNRESET',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
]);

/** Short reason for the status bar: "connection refused", "socket not found", "permission denied". */
export function reasonText(err: RawEngineError): string {
  switch (err.errno) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOENT':
      return 'socket not found';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'connection closed by the engine';
    case 'ETIMEDOUT':
      return 'timed out';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host name not found';
    default:
      return err.message || 'unknown error';
  }
}

/** Per-platform steps to get an engine answering, as Docker's install guides put them. */
export function unreachableHints(platform: string, endpoint: EndpointDTO, permission: boolean): string[] {
  const hints: string[] = [];
  if (endpoint.kind === 'tcp' || endpoint.kind === 'ssh') {
    hints.push(t('hint.remote', { endpoint: endpoint.url }));
    if (endpoint.tls) hints.push(t('hint.tls'));
  } else if (platform === 'win32') {
    hints.push(t('hint.win.wsl'), t('hint.win.install'), t('hint.win.start'));
  } else if (platform === 'darwin') {
    hints.push(t('hint.mac.install'), t('hint.mac.start'), t('hint.mac.alt'));
  } else if (permission) {
    hints.push(t('hint.linux.group'), t('hint.linux.rootless'));
  } else {
    hints.push(t('hint.linux.install'), t('hint.linux.start'), t('hint.linux.rootless'));
  }
  hints.push(t('hint.endpoint'));
  return hints;
}

/**
 * Map an engine failure to the contract's error, once, for every call. `what` names the object
 * acted on ("Container web"), for NOT_FOUND.
 */
export function mapEngineError(
  err: RawEngineError,
  ctx: { endpoint: EndpointDTO; platform: string; what?: string },
): KapalError {
  const msg = err.message.trim();
  if (err.errno === 'EACCES' || err.errno === 'EPERM') {
    return {
      code: 'PERMISSION_DENIED',
      message: t('err.permission', { endpoint: ctx.endpoint.url }),
      hint: unreachableHints(ctx.platform, ctx.endpoint, true)[0],
    };
  }
  if (err.errno === 'ETIMEDOUT' || err.errno === 'ESOCKETTIMEDOUT') {
    return { code: 'TIMEOUT', message: t('err.timeout'), hint: t('err.timeout.hint') };
  }
  if ((err.errno && UNREACHABLE.has(err.errno)) || (err.statusCode === undefined && /socket hang up/i.test(msg))) {
    return {
      code: 'ENGINE_UNREACHABLE',
      message: t('err.unreachable', { endpoint: ctx.endpoint.url, reason: reasonText(err) }),
      hint: unreachableHints(ctx.platform, ctx.endpoint, false)[0],
    };
  }
  if (/port is already allocated|address already in use|ports are not available/i.test(msg)) {
    return { code: 'PORT_IN_USE', message: t('err.portInUse', { detail: msg }), hint: t('err.portInUse.hint') };
  }
  if (/is already in use by container/i.test(msg)) {
    const name = /name "\/?([^"]+)"/.exec(msg)?.[1] ?? '';
    return { code: 'NAME_IN_USE', message: t('err.nameInUse', { name }), hint: t('err.nameInUse.hint') };
  }
  // "unable to delete … - image is referenced in multiple repositories" is a conflict, not a container using it.
  if (/image is being used|unable to remove repository reference|image has dependent child/i.test(msg)) {
    return { code: 'IMAGE_IN_USE', message: t('err.imageInUse', { detail: msg }), hint: t('err.imageInUse.hint') };
  }
  if (/cannot remove a running container|stop the container before|container is running/i.test(msg)) {
    return { code: 'CONFLICT', message: t('err.runningContainer'), hint: t('err.runningContainer.hint') };
  }
  switch (err.statusCode) {
    case 404:
      return { code: 'NOT_FOUND', message: t('err.notFound', { what: ctx.what ?? msg }), hint: msg };
    case 409:
      return { code: 'CONFLICT', message: t('err.conflict', { detail: msg }) };
    case 400:
      return { code: 'INVALID_INPUT', message: t('err.invalid', { detail: msg }) };
    case 401:
    case 403:
      return { code: 'PERMISSION_DENIED', message: t('err.engine', { detail: msg }), hint: t('hint.tls') };
    default:
      return { code: 'ENGINE_ERROR', message: t('err.engine', { detail: msg }), hint: t('err.engine.hint') };
  }
}
