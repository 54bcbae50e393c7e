import { t } from '../../../../shared/i18n/index.js';
import { likelyCause } from '../../../../shared/run/exit-cause.js';
import type { ExitReportDTO } from '../../../../shared/run/spec.js';

/** "exited with code N", its last log lines and the likely cause: the tutorial's troubleshooting. */
export function ExitReport({ report, onDismiss }: { report: ExitReportDTO; onDismiss: () => void }) {
  return (
    <section className="exit-report error" role="alert" aria-labelledby="exit-title">
      <h3 id="exit-title">{t('run.exited', { name: report.name, code: report.exitCode })}</h3>
      {report.error && <p>{report.error}</p>}
      <h4>{t('run.exited.logs')}</h4>
      {report.lines.length > 0 ? (
        <pre className="mono" aria-label={t('run.exited.logs')}>
          {report.lines.join('\n')}
        </pre>
      ) : (
        <p className="muted">{t('run.exited.noLogs')}</p>
      )}
      <h4>{t('run.exited.cause')}</h4>
      <p>{likelyCause(report)}</p>
      <button type="button" onClick={onDismiss}>
        {t('action.dismiss')}
      </button>
    </section>
  );
}
