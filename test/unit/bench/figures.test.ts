import { describe, expect, it } from 'vitest';
import { derived, formatLine, formatTable, meetsGoal, parseFigures, summarise } from '../../bench/figures';

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

  it('reads back every figure line of a bench output, ignoring the rest', () => {
    const figures = [summarise('a.ms', 'ms', [1, 2, 3], '<= 20'), derived('b.ratio', 'x', 0.93, '>= 0.9')];
    const output = ['machine: 2 cores', ...figures.map(formatLine), '| table |'].join('\n');
    expect(parseFigures(output)).toEqual(figures);
  });

  it('tells whether a goal is met', () => {
    expect(meetsGoal(derived('r', 'x', 0.8, '>= 0.9'))).toBe(false);
    expect(meetsGoal(summarise('t', 'ms', [10], '<= 20'))).toBe(true);
    expect(meetsGoal(summarise('t', 'ms', [10]))).toBeNull();
  });

  it('prints a table that flags a missed goal', () => {
    expect(formatTable([derived('app.put_vs_raw', 'x', 0.5, '>= 0.9')])).toMatch(/app\.put_vs_raw .*\| NO/);
  });
});
