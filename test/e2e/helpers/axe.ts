// Accessibility scan with axe-core inside the page. The script is evaluated through the
// DevTools protocol, so a Content-Security-Policy that forbids inline scripts does not block it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
export const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: string[]; failureSummary?: string; html: string }[];
}

/** Every axe rule that applies (WCAG A/AA and best practices); returns the violations. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(axeViolations);
}

/** Runs in the page once axe is loaded (sent as source text, so self-contained; any engine). */
export async function axeViolations(): Promise<AxeViolation[]> {
  const axe = (
    window as unknown as {
      axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> };
    }
  ).axe;
  const results = await axe.run(document, { resultTypes: ['violations'] });
  return results.violations.map(({ id, impact, help, helpUrl, nodes }) => ({
    id,
    impact,
    help,
    helpUrl,
    nodes: nodes.map(({ target, failureSummary, html }) => ({ target, failureSummary, html })),
  }));
}

/** A readable list for a failing assertion. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help}\n` +
        violation.nodes.map((node) => `  ${node.target.join(' ')} — ${node.failureSummary ?? ''}`).join('\n'),
    )
    .join('\n');
}
