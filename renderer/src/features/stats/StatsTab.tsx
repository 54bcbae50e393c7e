import { useMemo } from 'react';
import type { ContainerDTO } from '../../../../shared/dto.js';
import type { StatsOs, StatsSampleDTO } from '../../../../shared/dto-stats.js';
import {
  blockIOText,
  memPercentText,
  memUsageText,
  netIOText,
  percentText,
  pidsText,
  rateText,
} from '../../../../shared/format/stats.js';
import { t, type MessageKey } from '../../../../shared/i18n/index.js';
import { statsSeries } from '../../../../shared/stats/series.js';
import { StatsChart } from './StatsChart.js';
import { useContainerStats } from './useContainerStats.js';

function Current({ s, os }: { s: StatsSampleDTO; os: StatsOs }) {
  const rows: Array<[string, MessageKey, string]> = [
    ['cpu', 'stats.cpu', percentText(s.cpuPercent)],
    ['mem', 'stats.memory', memUsageText(s, os)],
    ['memPercent', 'stats.memPercent', memPercentText(s, os)],
    ['net', 'stats.net', netIOText(s)],
    ['netRate', 'stats.netRate', `${rateText(s.netRxRate)} / ${rateText(s.netTxRate)}`],
    ['block', 'stats.block', blockIOText(s)],
    ['blockRate', 'stats.blockRate', `${rateText(s.blkReadRate)} / ${rateText(s.blkWriteRate)}`],
    ['pids', 'stats.pids', pidsText(s, os)],
  ];
  return (
    <dl className="stats-now" aria-label={t('stats.now')}>
      {rows.map(([id, label, value]) => (
        <div key={id} data-stat={id}>
          <dt>{t(label)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The Stats tab: the latest numbers as `docker stats` prints them, and the last 5 minutes as charts. */
export function StatsTab({ c }: { c: ContainerDTO }) {
  const { samples, os, error } = useContainerStats(c.id);
  const series = useMemo(() => statsSeries(samples), [samples]);
  const latest = samples[samples.length - 1];
  const rate = (unit: string) => t('stats.axis.rate', { unit });
  return (
    <div className="stats-tab">
      {error && (
        <p className="error" role="alert">
          {error.message}
          {error.hint ? ` ${error.hint}` : ''}
        </p>
      )}
      {latest ? <Current s={latest} os={os} /> : <p className="muted">{t('stats.waiting')}</p>}
      {latest && !latest.running && (
        <p className="muted" role="status">
          {t('stats.stopped')}
        </p>
      )}
      <div className="stats-charts">
        <StatsChart
          name={t('stats.chart.cpu')}
          points={series.points}
          lines={[{ key: 'cpu', label: t('stats.series.cpu'), color: 'var(--chart-1)' }]}
          windowSeconds={series.windowSeconds}
          yLabel={t('stats.axis.cpu')}
          yAxis={series.cpuAxis}
          unit="%"
        />
        <StatsChart
          name={t('stats.chart.memory')}
          points={series.points}
          lines={[{ key: 'mem', label: t('stats.series.memory'), color: 'var(--chart-1)' }]}
          windowSeconds={series.windowSeconds}
          yLabel={t('stats.axis.memory', { unit: series.memUnit.symbol })}
          yAxis={series.memAxis}
          unit={series.memUnit.symbol}
        />
        <StatsChart
          name={t('stats.chart.net')}
          points={series.points}
          lines={[
            { key: 'netRx', label: t('stats.series.rx'), color: 'var(--chart-1)' },
            { key: 'netTx', label: t('stats.series.tx'), color: 'var(--chart-2)' },
          ]}
          windowSeconds={series.windowSeconds}
          yLabel={rate(series.netUnit.symbol)}
          yAxis={series.netAxis}
          unit={series.netUnit.symbol}
        />
        <StatsChart
          name={t('stats.chart.block')}
          points={series.points}
          lines={[
            { key: 'blkRead', label: t('stats.series.read'), color: 'var(--chart-1)' },
            { key: 'blkWrite', label: t('stats.series.write'), color: 'var(--chart-2)' },
          ]}
          windowSeconds={series.windowSeconds}
          yLabel={rate(series.blkUnit.symbol)}
          yAxis={series.blkAxis}
          unit={series.blkUnit.symbol}
        />
      </div>
    </div>
  );
}
