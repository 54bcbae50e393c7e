import { useState, type ReactNode } from 'react';
import type { ContainerDTO } from '../../../../shared/dto.js';
import { createdAgo } from '../../../../shared/format/duration.js';
import { liveStatus } from '../../../../shared/format/status.js';
import { portsText } from '../../../../shared/format/ports.js';
import { t, type MessageKey } from '../../../../shared/i18n/index.js';
import { useNow } from '../../components/useNow.js';
import { StatsTab } from '../stats/StatsTab.js';
import { LogsTab } from '../logs/LogsTab.js';

/** A tab of the detail panel: its label key and what it shows. Logs and stats tabs are added here. */
export interface DetailTab {
  id: string;
  label: MessageKey;
  render: (c: ContainerDTO) => ReactNode;
}

function InfoTab({ c }: { c: ContainerDTO }) {
  const now = useNow(1000);
  const rows: Array<[MessageKey, string]> = [
    ['detail.id', c.id],
    ['containers.col.image', c.image],
    ['detail.command', c.command],
    ['containers.col.status', liveStatus(c, now)],
    ['containers.col.ports', portsText(c.ports) || '—'],
    ['containers.col.created', createdAgo(c.created, now)],
  ];
  const labels = Object.entries(c.labels);
  return (
    <dl className="info">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{t(k)}</dt>
          <dd className={k === 'detail.id' || k === 'detail.command' ? 'mono' : undefined}>{v}</dd>
        </div>
      ))}
      {labels.length > 0 && (
        <div>
          <dt>{t('detail.labels')}</dt>
          <dd className="mono">
            {labels.map(([k, v]) => (
              <span key={k} className="label-chip">
                {k}={v}
              </span>
            ))}
          </dd>
        </div>
      )}
    </dl>
  );
}

const TABS: DetailTab[] = [
  { id: 'info', label: 'detail.tab.info', render: (c) => <InfoTab c={c} /> },
  { id: 'logs', label: 'detail.tab.logs', render: (c) => <LogsTab c={c} /> },
  { id: 'stats', label: 'detail.tab.stats', render: (c) => <StatsTab c={c} /> },
];

/** The selected container: tabs (role="tablist") over its info, logs and stats. */
export function ContainerDetail({ c, onClose }: { c: ContainerDTO; onClose: () => void }) {
  const [tab, setTab] = useState(TABS[0]?.id ?? 'info');
  const current = TABS.find((x) => x.id === tab) ?? TABS[0];
  return (
    <section id="container-detail" className="detail" aria-label={t('detail.label', { name: c.name })}>
      <header className="detail-head">
        <h3>{c.name}</h3>
        <div role="tablist" aria-label={t('detail.tabs')}>
          {TABS.map((x) => (
            <button
              key={x.id}
              type="button"
              role="tab"
              id={`tab-${x.id}`}
              aria-selected={x.id === tab}
              aria-controls={`panel-${x.id}`}
              onClick={() => setTab(x.id)}
            >
              {t(x.label)}
            </button>
          ))}
        </div>
        <button type="button" className="close" aria-label={t('detail.close', { name: c.name })} onClick={onClose}>
          ×
        </button>
      </header>
      {current && (
        <div role="tabpanel" id={`panel-${current.id}`} aria-labelledby={`tab-${current.id}`} className="detail-body">
          {current.render(c)}
        </div>
      )}
    </section>
  );
}
