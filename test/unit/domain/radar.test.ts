import { describe, expect, test } from 'vitest';
import {
  axisPoint,
  gridRings,
  labelAnchor,
  labelBlock,
  labelLines,
  radarPoints,
  toSvgPoints,
} from '../../../src/domain/radar';

const square = { center: { x: 100, y: 100 }, radius: 80, axes: 4 };

describe('radar geometry', () => {
  test('puts the first axis at the top and turns clockwise', () => {
    expect(radarPoints(square, [100, 100, 100, 100])).toEqual([
      { x: 100, y: 20 },
      { x: 180, y: 100 },
      { x: 100, y: 180 },
      { x: 20, y: 100 },
    ]);
  });

  test('places a score at its fraction of the radius, and leaves a missing one out instead of drawing a 0', () => {
    expect(radarPoints(square, [50, 25, null, 0])).toEqual([
      { x: 100, y: 60 },
      { x: 120, y: 100 },
      { x: 100, y: 100 },
    ]);
  });

  test('six axes are 60° apart', () => {
    const frame = { center: { x: 0, y: 0 }, radius: 100, axes: 6 };
    expect(axisPoint(frame, 1, 1)).toEqual({ x: 86.6, y: -50 });
    expect(axisPoint(frame, 3, 1)).toEqual({ x: 0, y: 100 });
  });

  test('keeps scores outside 0–100 on the chart', () => {
    expect(radarPoints(square, [140, -10, 100, 100]).slice(0, 2)).toEqual([
      { x: 100, y: 20 },
      { x: 100, y: 100 },
    ]);
  });

  test('draws four rings, the last one at the rim', () => {
    const rings = gridRings(square);
    expect(rings).toHaveLength(4);
    expect(toSvgPoints(rings[3] ?? [])).toBe('100,20 180,100 100,180 20,100');
    expect(toSvgPoints(rings[0] ?? [])).toBe('100,80 120,100 100,120 80,100');
  });

  test('sets labels away from the chart', () => {
    expect([0, 1, 2, 3].map((index) => labelAnchor(square, index))).toEqual(['middle', 'start', 'middle', 'end']);
  });
});

describe('axis labels', () => {
  test('wrap a section name on whole words, and shorten what does not fit with "…"', () => {
    expect(labelLines('1. Identité', 14, 2)).toEqual(['1. Identité']);
    expect(labelLines('3. Modèle économique & financement', 14, 2)).toEqual(['3. Modèle', 'économique &…']);
    expect(labelLines('2. Gouvernance & prise de décision', 14, 2)).toEqual(['2. Gouvernance', '& prise de…']);
    expect(labelLines('9. Intercommunalités', 14, 2)).toEqual(['9.', 'Intercommunal…']);
  });

  test('stack upward above the chart, downward below it, around the point on the sides', () => {
    expect([0, 1, 2, 3].map((index) => labelBlock(square, index))).toEqual(['above', 'middle', 'below', 'middle']);
  });
});
