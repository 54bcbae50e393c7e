import { t } from '../i18n/index.js';
import type { ExitReportDTO } from './spec.js';

/**
 * The likely reason a container stopped right after it started, as the tutorial's "container dies
 * straight away" troubleshooting reads: look at the logs, then the usual causes by exit code.
 */
export function likelyCause(r: Pick<ExitReportDTO, 'name' | 'exitCode' | 'oomKilled' | 'error' | 'lines'>): string {
  const logs = r.lines.join('\n');
  if (r.oomKilled) return t('run.cause.oom');
  if (/address already in use|port is already allocated|EADDRINUSE/i.test(logs + r.error)) return t('run.cause.port');
  if (/permission denied/i.test(logs + r.error)) return t('run.cause.permission');
  switch (r.exitCode) {
    case 0:
      return t('run.cause.finished');
    case 126:
      return t('run.cause.notExecutable');
    case 127:
      return t('run.cause.notFound');
    case 137:
      return t('run.cause.killed');
    case 139:
      return t('run.cause.segfault');
    case 143:
      return t('run.cause.terminated');
    default:
      return t('run.cause.error', { code: r.exitCode, name: r.name });
  }
}
