import { memo } from 'react';
import type { ContainerDTO } from '../../../../shared/dto.js';
import { isRunning } from '../../../../shared/format/containers.js';
import { createdAgo } from '../../../../shared/format/duration.js';
import { liveStatus } from '../../../../shared/format/status.js';
import { portMappings } from '../../../../shared/format/ports.js';
import { memUsageText, memUsedText, percentText } from '../../../../shared/format/stats.js';
import type { StatsSummaryDTO } from '../../../../shared/dto-stats.js';
import { t } from '../../../../shared/i18n/index.js';

export type ContainerAction = 'start' | 'stop' | 'restart' | 'remove';

interface Props {
  c: ContainerDTO;
  index: number;
  now: number;
  /** The action in flight for this row, if any. */
  busy: ContainerAction | undefined;
  selected: boolean;
  /** CPU and memory from the list's stats summary, while the row is on screen and running. */
  stats?: StatsSummaryDTO | undefined;
  onAction: (c: ContainerDTO, action: ContainerAction) => void;
  onSelect: (id: string) => void;
}

function Ports({ c }: { c: ContainerDTO }) {
  const maps = portMappings(c.ports);
  if (maps.length === 0) return null;
  return (
    <ul className="ports">
      {maps.map((m) => (
        <li key={m.text}>
          {m.published && m.type === 'tcp' && m.hostPort !== undefined && m.hostPort === m.hostPortEnd ? (
            <a
              href={`http://localhost:${m.hostPort}`}
              target="_blank"
              rel="noreferrer noopener"
              title={t('containers.openPort', { port: m.hostPort })}
            >
              {m.text}
            </a>
          ) : (
            <span>{m.text}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** One row of the containers table; presentational. */
export const ContainerRow = memo(function ContainerRow({
  c,
  index,
  now,
  busy,
  selected,
  stats,
  onAction,
  onSelect,
}: Props) {
  const running = isRunning(c);
  const live = running && stats?.running ? stats : undefined;
  return (
    <tr aria-rowindex={index + 2} data-state={c.state} data-name={c.name} className={selected ? 'selected' : undefined}>
      <th scope="row" className="name">
        {/* The button's text is the name alone, so the row header reads exactly the container's name. */}
        <button
          type="button"
          className="linkish"
          title={c.name}
          aria-expanded={selected}
          aria-controls="container-detail"
          onClick={() => onSelect(c.id)}
        >
          {c.name}
        </button>
      </th>
      <td className="image" title={c.image}>
        {c.image}
      </td>
      <td>
        <span className={`badge badge-${c.state}`}>{c.state}</span>
      </td>
      <td className="status-text">
        {busy ? <span aria-live="polite">{t(`containers.busy.${busy}`)}</span> : liveStatus(c, now)}
      </td>
      <td className="num" data-col="cpu">
        {live
          ? percentText(live.cpuPercent)
          : running && <span className="muted">{t('containers.stats.reading')}</span>}
      </td>
      <td
        className="num"
        data-col="memory"
        title={live ? t('containers.stats.memTitle', { usage: memUsageText(live) }) : undefined}
      >
        {live ? memUsedText(live.memUsed) : running && <span className="muted">{t('containers.stats.reading')}</span>}
      </td>
      <td>
        <Ports c={c} />
      </td>
      <td className="muted">{createdAgo(c.created, now)}</td>
      <td className="actions">
        {running ? (
          <button
            type="button"
            disabled={busy !== undefined}
            aria-label={t('containers.stop', { name: c.name })}
            onClick={() => onAction(c, 'stop')}
          >
            {t('action.stop')}
          </button>
        ) : (
          <button
            type="button"
            disabled={busy !== undefined}
            aria-label={t('containers.start', { name: c.name })}
            onClick={() => onAction(c, 'start')}
          >
            {t('action.start')}
          </button>
        )}
        <button
          type="button"
          disabled={busy !== undefined}
          aria-label={t('containers.restart', { name: c.name })}
          onClick={() => onAction(c, 'restart')}
        >
          {t('action.restart')}
        </button>
        <button
          type="button"
          disabled={busy !== undefined}
          aria-label={t('containers.remove', { name: c.name })}
          onClick={() => onAction(c, 'remove')}
        >
          {t('action.remove')}
        </button>
      </td>
    </tr>
  );
});
