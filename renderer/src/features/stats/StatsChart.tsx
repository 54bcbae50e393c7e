import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartPoint, ValueAxis } from '../../../../shared/stats/series.js';
import { secondsAgoTick, timeTicks, valueTick } from '../../../../shared/stats/series.js';
import { t } from '../../../../shared/i18n/index.js';

export interface ChartLine {
  key: Exclude<keyof ChartPoint, 't'>;
  label: string;
  /** A CSS colour, normally a variable from styles.css so it follows the theme. */
  color: string;
}

interface Props {
  /** The accessible name, and the visible title. */
  name: string;
  points: ChartPoint[];
  lines: ChartLine[];
  windowSeconds: number;
  yLabel: string;
  /** The y axis, with round ticks, from shared/stats/series. */
  yAxis: ValueAxis;
  /** The unit a tooltip value is in ("%", "MiB", "kB/s"). */
  unit: string;
}

const axisTick = { fill: 'var(--muted)', fontSize: 11 };
const axisLabel = { fill: 'var(--muted)', fontSize: 11 };

/** One time-series chart of the Stats tab: presentational, drawn from ready series. */
export const StatsChart = memo(function StatsChart({ name, points, lines, windowSeconds, yLabel, yAxis, unit }: Props) {
  return (
    <figure className="stats-chart">
      <figcaption>{name}</figcaption>
      <div role="img" aria-label={name} className="stats-chart-plot">
        <LineChart
          responsive
          style={{ width: '100%', height: '100%' }}
          data={points}
          margin={{ top: 6, right: 12, bottom: 18, left: 4 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis
            dataKey="t"
            type="number"
            domain={[-windowSeconds, 0]}
            ticks={timeTicks(windowSeconds)}
            tickFormatter={secondsAgoTick}
            allowDataOverflow
            stroke="var(--border)"
            tick={axisTick}
            label={{ value: t('stats.axis.time'), position: 'insideBottom', offset: -12, style: axisLabel }}
          />
          <YAxis
            type="number"
            domain={[0, yAxis.max]}
            ticks={yAxis.ticks}
            allowDataOverflow
            tickFormatter={valueTick}
            width={52}
            stroke="var(--border)"
            tick={axisTick}
            label={{
              value: yLabel,
              angle: -90,
              position: 'insideLeft',
              offset: 10,
              style: { ...axisLabel, textAnchor: 'middle' },
            }}
          />
          <Tooltip
            isAnimationActive={false}
            contentStyle={{ background: 'var(--panel)', border: '1px solid var(--border)', color: 'var(--text)' }}
            labelFormatter={(v) => t('stats.tooltip.ago', { seconds: secondsAgoTick(Number(v)) })}
            formatter={(v) => `${valueTick(Number(v))} ${unit}`}
          />
          {lines.length > 1 && (
            <Legend verticalAlign="top" height={18} wrapperStyle={{ fontSize: 11, color: 'var(--text)' }} />
          )}
          {lines.map((l) => (
            <Line
              key={l.key}
              type="linear"
              dataKey={l.key}
              name={l.label}
              stroke={l.color}
              strokeWidth={1.6}
              dot={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </div>
    </figure>
  );
});
