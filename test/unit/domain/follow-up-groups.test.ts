import { describe, expect, test } from 'vitest';
import { dayAfter } from '../../../src/domain/days';
import { dueGroup, groupByDue } from '../../../src/domain/follow-up-groups';

// 2026-03-11 is a Wednesday; its French week ends on Sunday 2026-03-15.
const today = '2026-03-11';

describe('follow-ups grouped by due day', () => {
  test('sorts each day into overdue, today, this week (up to Sunday), later or undated', () => {
    expect(dueGroup('2026-03-10', today)).toBe('overdue');
    expect(dueGroup(today, today)).toBe('today');
    expect(dueGroup('2026-03-15', today)).toBe('thisWeek');
    expect(dueGroup('2026-03-16', today)).toBe('later');
    expect(dueGroup(null, today)).toBe('undated');
  });

  test('on a Sunday, Monday is already later', () => {
    expect(dueGroup('2026-03-16', '2026-03-15')).toBe('later');
  });

  test('lists groups in order, oldest first inside each, leaving empty groups out', () => {
    const items = [
      { text: 'b', dueDate: '2026-03-09' },
      { text: 'c', dueDate: null },
      { text: 'a', dueDate: '2026-03-01' },
      { text: 'd', dueDate: '2026-04-01' },
    ];
    expect(groupByDue(items, today).map((entry) => [entry.group, entry.items.map((item) => item.text)])).toEqual([
      ['overdue', ['a', 'b']],
      ['later', ['d']],
      ['undated', ['c']],
    ]);
  });

  test('adds days across a month end and goes back across a year end', () => {
    expect(dayAfter('2026-02-27', 3)).toBe('2026-03-02');
    expect(dayAfter('2026-01-01', -1)).toBe('2025-12-31');
  });
});
