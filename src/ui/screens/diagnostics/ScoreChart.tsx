// Section scores drawn as inline SVG: a radar from three sections on, bars below that (a
// radar of two axes is a line). Axes carry the section's name, on up to three short lines so
// it reads on a 360 px phone; a longer name ends in "…", whole in its tooltip and in the table.
// A name is as wide as the device's font makes it: once drawn, the chart's frame takes in every
// name, and the whole chart scales into its card, never past it.
import type { RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import {
  axisPoint,
  gridRings,
  labelAnchor,
  labelBlock,
  labelLines,
  radarPoints,
  toSvgPoints,
} from '../../../domain/radar';
import { classes } from '../../components/classes';
import styles from './ScoreChart.module.css';

interface ChartSeries {
  /** Shown in the legend when there are several series. */
  label: string;
  percents: readonly (number | null)[];
}

// Room for three lines of 11 characters on each side of an 88-unit radius; the frame is then
// fitted to what the names really take (useFittedViewBox).
const WIDTH = 400;
const HEIGHT = 328;
const FRAME_RADIUS = 88;
const LINE_CHARS = 11;
const LINES = 3;
const LINE_HEIGHT = 17;

interface ChartProps {
  series: readonly ChartSeries[];
  /** The sections' names, in the order of the percents. */
  axisNames: readonly string[];
  label: string;
}

/** The first series solid, the second dashed (the legend of a comparison draws the same). */
const seriesClass = (index: number) => (index === 0 ? styles.series0 : styles.series1);

export function ScoreChart(props: ChartProps) {
  const axes = props.series[0]?.percents.length ?? 0;
  if (axes === 0) return null;
  return axes >= 3 ? <Radar {...props} axes={axes} /> : <Bars {...props} />;
}

/** An axis name's lines, stacked away from the chart from the point where its axis ends. */
function AxisName({ name, x, y, anchor, block, empty }: AxisNameProps) {
  const lines = labelLines(name, LINE_CHARS, LINES);
  const shift = block === 'above' ? lines.length - 1 : block === 'middle' ? (lines.length - 1) / 2 : 0;
  return (
    <text
      class={classes(styles.label, empty && styles.empty)}
      x={x}
      y={y - shift * LINE_HEIGHT}
      text-anchor={anchor}
      dominant-baseline="middle"
    >
      <title>{name}</title>
      {lines.map((line, index) => (
        <tspan key={index} x={x} dy={index === 0 ? 0 : LINE_HEIGHT}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

interface AxisNameProps {
  name: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  block: 'above' | 'middle' | 'below';
  empty: boolean;
}

/** Room kept around what is drawn, in the chart's units (a dot's outline, a glyph's overhang). */
const FIT_MARGIN = 4;

/**
 * The chart's viewBox: first the nominal one, then, before the browser paints, the box of what
 * is drawn (names included) with a margin. The box is in the chart's own units, so it does
 * not depend on the chart's width on screen. Left nominal where nothing is laid out (a hidden
 * chart, a test without layout).
 */
function useFittedViewBox(nominal: string, drawn: string): [RefObject<SVGSVGElement | null>, string] {
  const ref = useRef<SVGSVGElement>(null);
  const [viewBox, setViewBox] = useState(nominal);
  useLayoutEffect(() => {
    let box: DOMRect | undefined;
    try {
      box = ref.current?.getBBox();
    } catch {
      // Firefox throws for a chart that is not rendered.
    }
    if (!box || box.width === 0 || box.height === 0) return setViewBox(nominal);
    const x = Math.floor(box.x - FIT_MARGIN);
    const y = Math.floor(box.y - FIT_MARGIN);
    const width = Math.ceil(box.x + box.width + FIT_MARGIN) - x;
    const height = Math.ceil(box.y + box.height + FIT_MARGIN) - y;
    setViewBox(`${x} ${y} ${width} ${height}`);
  }, [nominal, drawn]);
  return [ref, viewBox];
}

function Radar({ series, axisNames, label, axes }: ChartProps & { axes: number }) {
  const frame = { center: { x: WIDTH / 2, y: HEIGHT / 2 }, radius: FRAME_RADIUS, axes };
  const [ref, viewBox] = useFittedViewBox(`0 0 ${WIDTH} ${HEIGHT}`, axisNames.join('\n'));
  return (
    <svg ref={ref} class={styles.chart} data-chart="radar" viewBox={viewBox} role="img" aria-label={label}>
      {gridRings(frame).map((ring, step) => (
        <polygon key={step} class={styles.ring} points={toSvgPoints(ring)} />
      ))}
      {Array.from({ length: axes }, (_, index) => {
        const tip = axisPoint(frame, index, 1);
        const text = axisPoint(frame, index, 1.1);
        return (
          <g key={index}>
            <line class={styles.axis} x1={frame.center.x} y1={frame.center.y} x2={tip.x} y2={tip.y} />
            <AxisName
              name={axisNames[index] ?? String(index + 1)}
              x={text.x}
              y={text.y}
              anchor={labelAnchor(frame, index)}
              block={labelBlock(frame, index)}
              empty={series.every((entry) => entry.percents[index] === null)}
            />
          </g>
        );
      })}
      {series.map((entry, index) => {
        const points = radarPoints(frame, entry.percents);
        return (
          <g key={entry.label} class={seriesClass(index)} data-series={index}>
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
const BAR_LEFT = 4;
const BAR_WIDTH = 284;
/** The name above each bar. */
const BAR_NAME = 20;

function Bars({ series, axisNames, label }: ChartProps) {
  const axes = series[0]?.percents.length ?? 0;
  const rowHeight = BAR_NAME + series.length * BAR_HEIGHT + BAR_GAP;
  const height = axes * rowHeight;
  const [ref, viewBox] = useFittedViewBox(`0 0 ${BAR_LEFT + BAR_WIDTH + 4} ${height}`, axisNames.join('\n'));
  return (
    <svg ref={ref} class={styles.chart} data-chart="bars" viewBox={viewBox} role="img" aria-label={label}>
      {Array.from({ length: axes }, (_, axis) => (
        <g key={axis} transform={`translate(0 ${axis * rowHeight})`}>
          <text class={styles.label} x={BAR_LEFT} y={BAR_NAME / 2} dominant-baseline="middle">
            {labelLines(axisNames[axis] ?? String(axis + 1), 34, 1)[0]}
            <title>{axisNames[axis]}</title>
          </text>
          <rect class={styles.track} x={BAR_LEFT} y={BAR_NAME} width={BAR_WIDTH} height={series.length * BAR_HEIGHT} />
          {series.map((entry, index) => (
            <rect
              key={entry.label}
              class={classes(styles.bar, seriesClass(index))}
              x={BAR_LEFT}
              y={BAR_NAME + index * BAR_HEIGHT + 2}
              width={(BAR_WIDTH * Math.max(0, Math.min(100, entry.percents[axis] ?? 0))) / 100}
              height={BAR_HEIGHT - 4}
            />
          ))}
        </g>
      ))}
    </svg>
  );
}
