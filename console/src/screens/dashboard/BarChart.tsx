import { Decimal } from '@postal/money';
import { useId } from 'react';
import { barFraction } from './cash';

export interface BarSegment {
  /** Exact decimal string. */
  amount: string;
  /** Names the segment's colour in dashboard.css and in the legend. */
  series: string;
}

export interface BarRow {
  key: string;
  label: string;
  segments: BarSegment[];
  /** The exact total, formatted for people (lakh/crore): what the bar's end says. */
  totalText: string;
  /** The exact total, as a decimal string: what the bar's length is drawn from. */
  total: string;
}

export interface BarChartProps {
  title: string;
  /** The chart in words, for screen readers (the figures themselves are in the table beside it). */
  description: string;
  rows: BarRow[];
  series: { id: string; label: string }[];
}

const ROW_HEIGHT = 26;
const LABEL_WIDTH = 120;
const BAR_WIDTH = 380;
const VALUE_WIDTH = 150;
const WIDTH = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH;

/**
 * Horizontal bars, one per row, stacked by series: hand-built SVG, a few hundred bytes of code instead of a chart
 * library on the first screen after sign-in. The SVG is one image to assistive technology (role="img" with <title>
 * and <desc>); the figures it draws are in a table next to it. Bar lengths come from barFraction, a number used for
 * drawing only; every figure shown is the exact decimal string, formatted.
 */
export function BarChart({ title, description, rows, series }: BarChartProps) {
  const id = useId();
  const largest = rows.reduce((max, row) => Decimal.max(max, row.total), new Decimal(0)).toFixed();
  const height = rows.length * ROW_HEIGHT + 8;
  return (
    <figure className="bar-chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-labelledby={`${id}-title ${id}-desc`} preserveAspectRatio="xMinYMin meet">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {rows.map((row, index) => {
          const y = index * ROW_HEIGHT + 4;
          let x = LABEL_WIDTH;
          return (
            <g key={row.key} className="bar-row">
              <text x={LABEL_WIDTH - 8} y={y + ROW_HEIGHT / 2} className="bar-label" textAnchor="end" dominantBaseline="middle">
                {row.label}
              </text>
              {row.segments.map((segment) => {
                const width = barFraction(segment.amount, largest) * BAR_WIDTH;
                const rect = <rect key={segment.series} x={x} y={y + 4} width={width} height={ROW_HEIGHT - 8} className={`bar-segment bar-${segment.series}`} />;
                x += width;
                return rect;
              })}
              <text x={x + 6} y={y + ROW_HEIGHT / 2} className="bar-value" dominantBaseline="middle">
                {row.totalText}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="bar-legend" aria-hidden="true">
        {series.map((entry) => (
          <span key={entry.id} className="bar-legend-item">
            <svg width="12" height="12" viewBox="0 0 12 12" focusable="false">
              <rect width="12" height="12" className={`bar-${entry.id}`} />
            </svg>{' '}
            {entry.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
