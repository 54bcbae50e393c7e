import type { EngineStatusDTO } from '../../../../shared/dto.js';
import { bytesSize } from '../../../../shared/format/size.js';
import { t } from '../../../../shared/i18n/index.js';
import { useClient } from '../../api/context.js';
import type { LinkState } from '../../api/transport.js';
import { useNow } from '../../components/useNow.js';

/** Always on screen: connected (with engine facts) or unreachable (why, and what to do). */
export function EngineStatusBar({ status, link }: { status: EngineStatusDTO | undefined; link: LinkState }) {
  const client = useClient();
  const unreachable = status?.state === 'unreachable';
  const now = useNow(1000, unreachable);
  if (link === 'unauthorized') {
    return (
      <section
        className="status status-down"
        role="alert"
        aria-label={t('engine.statusLabel')}
        data-state="unauthorized"
      >
        <p>
          <strong>{t('link.unauthorized')}</strong>
        </p>
        <p>{t('link.unauthorized.hint')}</p>
      </section>
    );
  }
  if (link === 'down') {
    return (
      <section className="status status-down" role="alert" aria-label={t('engine.statusLabel')} data-state="link-down">
        <p>{t('link.down')}</p>
      </section>
    );
  }
  if (!status || status.state === 'connecting') {
    return (
      <section className="status" role="status" aria-label={t('engine.statusLabel')} data-state="connecting">
        <p>{t('engine.connecting', { endpoint: status?.endpoint.url ?? '' })}</p>
      </section>
    );
  }
  if (status.state === 'connected') {
    const i = status.info;
    return (
      <section className="status status-ok" role="status" aria-label={t('engine.statusLabel')} data-state="connected">
        <p>
          <span className="dot" aria-hidden="true" />
          {t('engine.connected', {
            version: i.version,
            api: i.apiVersion,
            os: i.os,
            cpus: i.cpus,
            memory: bytesSize(i.memoryBytes),
          })}
        </p>
        <p className="muted">
          {t('engine.endpoint', { endpoint: status.endpoint.url, source: status.endpoint.source })}
        </p>
      </section>
    );
  }
  const seconds = status.retryAt ? Math.max(0, Math.ceil((status.retryAt - now) / 1000)) : undefined;
  return (
    <section className="status status-down" role="alert" aria-label={t('engine.statusLabel')} data-state="unreachable">
      <p>
        <strong>{t('engine.unreachable', { endpoint: status.endpoint.url, reason: status.reason })}</strong>
        {seconds !== undefined && <span className="muted"> · {t('engine.retryIn', { seconds })}</span>}{' '}
        <button type="button" onClick={() => void client.call('engine:reconnect', {})}>
          {t('engine.retryNow')}
        </button>
      </p>
      <ul>
        {status.hints.map((h) => (
          <li key={h}>{h}</li>
        ))}
      </ul>
    </section>
  );
}
