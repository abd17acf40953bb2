// One figure of the benchmark: the median of several runs, with min and max, printed as one
// JSON line (machine-readable) and gathered into a table at the end.

export interface Figure {
  name: string;
  value: number;
  unit: string;
  median: number;
  min: number;
  max: number;
  runs: number;
  /** The goal we hold, e.g. "<= 20" or ">= 0.9"; absent when there is none. */
  goal?: string;
}

export function summarise(name: string, unit: string, samples: readonly number[], goal?: string): Figure {
  if (samples.length === 0) throw new Error(`no samples for ${name}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] as number)
      : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return {
    name,
    value: round(median),
    unit,
    median: round(median),
    min: round(sorted[0] as number),
    max: round(sorted.at(-1) as number),
    runs: samples.length,
    ...(goal ? { goal } : {}),
  };
}

/**
 * A ratio of two measures taken in the same rounds (`numerators[i]` beside `denominators[i]`):
 * the median of the rounds' ratios, with their min and max. A ratio of the two medians would
 * pair measures taken minutes apart, and move with whatever the machine did in between.
 */
export function pairedRatio(
  name: string,
  numerators: readonly number[],
  denominators: readonly number[],
  goal?: string,
): Figure {
  if (numerators.length !== denominators.length)
    throw new Error(`${name}: ${numerators.length} measures against ${denominators.length}`);
  return summarise(
    name,
    'ratio',
    numerators.map((numerator, round) => numerator / (denominators[round] as number)),
    goal,
  );
}

export function meetsGoal(figure: Figure): boolean | null {
  const match = figure.goal?.match(/^(<=|>=)\s*([\d.]+)$/);
  if (!match) return null;
  return match[1] === '<=' ? figure.value <= Number(match[2]) : figure.value >= Number(match[2]);
}

export function formatLine(figure: Figure): string {
  return JSON.stringify(figure);
}

/** Reads back the figures of a bench output (every line that is a figure's JSON). */
export function parseFigures(output: string): Figure[] {
  const figures: Figure[] = [];
  for (const line of output.split('\n')) {
    if (!line.startsWith('{"name":')) continue;
    const parsed = JSON.parse(line) as Figure;
    if (typeof parsed.name === 'string' && typeof parsed.value === 'number') figures.push(parsed);
  }
  return figures;
}

export function formatTable(figures: readonly Figure[]): string {
  const rows = figures.map((figure) => {
    const met = meetsGoal(figure);
    return [
      figure.name,
      `${figure.value} ${figure.unit}`,
      `${figure.min}–${figure.max}`,
      figure.goal ?? '',
      met === null ? '' : met ? 'yes' : 'NO',
    ];
  });
  const header = ['figure', 'median', 'min–max', 'goal', 'met'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] as string).length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] as number)).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

function round(value: number): number {
  return Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
}
