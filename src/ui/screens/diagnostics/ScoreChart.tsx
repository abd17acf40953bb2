// Section scores drawn as inline SVG: a radar from three sections on, bars below that (a
// radar of two axes is a line). Axes carry the section's number; the table beside names them.
import { axisPoint, gridRings, labelAnchor, radarPoints, toSvgPoints } from '../../../domain/radar';

export interface ChartSeries {
  /** Shown in the legend when there are several series. */
  label: string;
  percents: readonly (number | null)[];
}

const SIZE = 320;
const FRAME_RADIUS = 118;

export function ScoreChart({ series, label }: { series: readonly ChartSeries[]; label: string }) {
  const axes = series[0]?.percents.length ?? 0;
  if (axes === 0) return null;
  return axes >= 3 ? <Radar series={series} label={label} axes={axes} /> : <Bars series={series} label={label} />;
}

function Radar({ series, label, axes }: { series: readonly ChartSeries[]; label: string; axes: number }) {
  const frame = { center: { x: SIZE / 2, y: SIZE / 2 }, radius: FRAME_RADIUS, axes };
  return (
    <svg class="score-chart score-chart--radar" viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={label}>
      {gridRings(frame).map((ring, step) => (
        <polygon key={step} class="score-chart__ring" points={toSvgPoints(ring)} />
      ))}
      {Array.from({ length: axes }, (_, index) => {
        const tip = axisPoint(frame, index, 1);
        const text = axisPoint(frame, index, 1.14);
        return (
          <g key={index}>
            <line class="score-chart__axis" x1={frame.center.x} y1={frame.center.y} x2={tip.x} y2={tip.y} />
            <text
              class={`score-chart__label${series.every((entry) => entry.percents[index] === null) ? ' score-chart__label--empty' : ''}`}
              x={text.x}
              y={text.y}
              text-anchor={labelAnchor(frame, index)}
              dominant-baseline="middle"
            >
              {index + 1}
            </text>
          </g>
        );
      })}
      {series.map((entry, index) => {
        const points = radarPoints(frame, entry.percents);
        return (
          <g key={entry.label} class={`score-chart__series score-chart__series--${index}`}>
            {points.length >= 2 ? <polygon points={toSvgPoints(points)} /> : null}
            {points.map((point) => (
              <circle key={`${point.x},${point.y}`} cx={point.x} cy={point.y} r="4" />
            ))}
          </g>
        );
      })}
    </svg>
  );
}

const BAR_HEIGHT = 18;
const BAR_GAP = 10;
const BAR_LEFT = 28;
const BAR_WIDTH = 260;

function Bars({ series, label }: { series: readonly ChartSeries[]; label: string }) {
  const axes = series[0]?.percents.length ?? 0;
  const rowHeight = series.length * BAR_HEIGHT + BAR_GAP;
  const height = axes * rowHeight;
  return (
    <svg
      class="score-chart score-chart--bars"
      viewBox={`0 0 ${BAR_LEFT + BAR_WIDTH + 4} ${height}`}
      role="img"
      aria-label={label}
    >
      {Array.from({ length: axes }, (_, axis) => (
        <g key={axis} transform={`translate(0 ${axis * rowHeight})`}>
          <text class="score-chart__label" x="4" y={(series.length * BAR_HEIGHT) / 2} dominant-baseline="middle">
            {axis + 1}
          </text>
          <rect class="score-chart__track" x={BAR_LEFT} y="0" width={BAR_WIDTH} height={series.length * BAR_HEIGHT} />
          {series.map((entry, index) => (
            <rect
              key={entry.label}
              class={`score-chart__bar score-chart__series--${index}`}
              x={BAR_LEFT}
              y={index * BAR_HEIGHT + 2}
              width={(BAR_WIDTH * Math.max(0, Math.min(100, entry.percents[axis] ?? 0))) / 100}
              height={BAR_HEIGHT - 4}
            />
          ))}
        </g>
      ))}
    </svg>
  );
}
