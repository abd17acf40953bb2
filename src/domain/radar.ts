// Geometry of a radar chart, apart from any drawing: one axis per section, clockwise from
// the top, a score of 100 % at the rim. Rounded to 0.01 so the SVG text stays short.

interface Point {
  x: number;
  y: number;
}

interface RadarFrame {
  center: Point;
  radius: number;
  axes: number;
}

function round(value: number): number {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? 0 : rounded;
}

/** Where axis `index` points, at `fraction` (0–1) of the radius. */
export function axisPoint(frame: RadarFrame, index: number, fraction: number): Point {
  const angle = -Math.PI / 2 + (2 * Math.PI * index) / frame.axes;
  return {
    x: round(frame.center.x + frame.radius * fraction * Math.cos(angle)),
    y: round(frame.center.y + frame.radius * fraction * Math.sin(angle)),
  };
}

/**
 * The shape of a series: a point on each axis that has a score, in axis order. A section
 * without a score is left out rather than drawn at the centre, where it would read as 0 %.
 */
export function radarPoints(frame: RadarFrame, percents: readonly (number | null)[]): Point[] {
  return percents.flatMap((percent, index) =>
    percent === null ? [] : [axisPoint(frame, index, Math.min(100, Math.max(0, percent)) / 100)],
  );
}

/** The rings of the grid (25 %, 50 %, 75 %, 100 %) as closed polygons. */
export function gridRings(frame: RadarFrame, steps = 4): Point[][] {
  return Array.from({ length: steps }, (_, step) =>
    Array.from({ length: frame.axes }, (_, index) => axisPoint(frame, index, (step + 1) / steps)),
  );
}

/** "x,y x,y …" for an SVG polygon. */
export function toSvgPoints(points: readonly Point[]): string {
  return points.map((point) => `${point.x},${point.y}`).join(' ');
}

/** Which side of its axis tip a label goes, so it reads away from the chart. */
export function labelAnchor(frame: RadarFrame, index: number): 'start' | 'middle' | 'end' {
  const { x } = axisPoint(frame, index, 1);
  if (Math.abs(x - frame.center.x) < frame.radius * 0.1) return 'middle';
  return x > frame.center.x ? 'start' : 'end';
}

/** Where a label's lines stack from its point: upward above the chart, downward below it. */
export function labelBlock(frame: RadarFrame, index: number): 'above' | 'middle' | 'below' {
  const { y } = axisPoint(frame, index, 1);
  if (Math.abs(y - frame.center.y) < frame.radius * 0.35) return 'middle';
  return y < frame.center.y ? 'above' : 'below';
}

/**
 * An axis name on at most `maxLines` lines of `maxChars`, words kept whole where they fit; a
 * name that does not fit ends in "…" (the chart's table and the label's tooltip give it whole).
 */
export function labelLines(name: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let cut = false;
  for (const word of name.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= maxChars) lines[lines.length - 1] = `${last} ${word}`;
    else if (lines.length < maxLines) lines.push(word);
    else {
      cut = true;
      break;
    }
  }
  return lines.map((line, index) => {
    const ends = cut && index === lines.length - 1;
    if (!ends && line.length <= maxChars) return line;
    return `${ends && line.length < maxChars ? line : line.slice(0, maxChars - 1)}…`;
  });
}
