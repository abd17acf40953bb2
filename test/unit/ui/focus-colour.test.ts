// The focus ring's colour against the page and against the error's red: a focused empty field
// read as a field in error when the ring was rust (#b4451f) beside the error's #a3221b.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const sheet = readFileSync(join(import.meta.dirname, '../../../src/ui/styles.css'), 'utf8');
const token = (name: string): string => sheet.match(new RegExp(`--color-${name}:\\s*(#[0-9a-f]{6})`))?.[1] ?? '';
const channels = (hex: string) => [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255);

/** WCAG 2 relative luminance and contrast ratio. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r = 0, g = 0, b = 0] = channels(hex).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}

function hue(hex: string): number {
  const [r = 0, g = 0, b = 0] = channels(hex);
  const max = Math.max(r, g, b);
  const span = max - Math.min(r, g, b);
  const sixth = max === r ? (g - b) / span : max === g ? (b - r) / span + 2 : (r - g) / span + 4;
  return (sixth * 60 + 360) % 360;
}

test('the focus ring stands out of every background a control sits on (WCAG 1.4.11: 3:1)', () => {
  for (const background of ['bg', 'surface', 'primary-soft', 'info-bg', 'warning-bg', 'error-bg', 'success-bg']) {
    expect(contrast(token('focus'), token(background)), background).toBeGreaterThanOrEqual(3);
  }
});

test('the focus ring is not a red: a third of the colour wheel away from the error’s', () => {
  const apart = Math.abs(hue(token('focus')) - hue(token('error')));
  expect(Math.min(apart, 360 - apart)).toBeGreaterThanOrEqual(120);
});
