import { describe, expect, it } from 'vitest';
import { formatLine, formatTable, meetsGoal, pairedRatio, parseFigures, summarise } from '../../bench/figures';

describe('benchmark figures', () => {
  it('reports the median of the runs with their min and max', () => {
    expect(summarise('visits.save_ms', 'ms', [9, 3, 5, 4, 7])).toMatchObject({
      value: 5,
      median: 5,
      min: 3,
      max: 9,
      runs: 5,
    });
    expect(summarise('x', 'ms', [1, 2, 3, 4]).median).toBe(2.5);
  });

  it("pairs ratios by round: the median of each round's ratio, not the ratio of the medians", () => {
    // Round 3 ran on a machine more than twice as slow for both sides: the medians of each side
    // (40 and 100) would pair round 1's app with rounds 1 and 2's raw, and say 0.4.
    const ratio = pairedRatio('app.put_vs_raw', [40, 60, 20], [100, 100, 40], '>= 0.9');
    expect(ratio).toMatchObject({ unit: 'ratio', median: 0.5, min: 0.4, max: 0.6, runs: 3, goal: '>= 0.9' });
    expect(() => pairedRatio('r', [1, 2], [1])).toThrow(/2 measures against 1/);
  });

  it('reads back every figure line of a bench output, ignoring the rest', () => {
    const figures = [summarise('a.ms', 'ms', [1, 2, 3], '<= 20'), pairedRatio('b.ratio', [0.93], [1], '>= 0.9')];
    const output = ['machine: 2 cores', ...figures.map(formatLine), '| table |'].join('\n');
    expect(parseFigures(output)).toEqual(figures);
  });

  it('tells whether a goal is met', () => {
    expect(meetsGoal(pairedRatio('r', [0.8], [1], '>= 0.9'))).toBe(false);
    expect(meetsGoal(summarise('t', 'ms', [10], '<= 20'))).toBe(true);
    expect(meetsGoal(summarise('t', 'ms', [10]))).toBeNull();
  });

  it('prints a table that flags a missed goal', () => {
    expect(formatTable([pairedRatio('app.put_vs_raw', [0.5], [1], '>= 0.9')])).toMatch(/app\.put_vs_raw .*\| NO/);
  });
});
