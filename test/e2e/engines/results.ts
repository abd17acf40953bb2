// The README's engine × journey table, written by the suite's own run: each engine file
// records its journeys in test-results/engines/<engine>.json; test-results/engines.md is
// rebuilt from every engine's latest record after each journey.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Engine, EngineName } from '../drivers/backend';
import { RESULTS } from '../helpers/paths';

export const JOURNEYS: Record<number, string> = {
  1: 'Cold start offline (server stopped)',
  2: 'Quick capture, reload',
  3: 'Draft survives a killed tab',
  4: 'Photo offline, synced to another engine',
  5: 'Join by invitation, sync both ways',
  6: 'Update with unsaved input',
  7: 'Backup saved and restored',
  8: 'Radar and report charts',
  9: 'Hostile names within a phone’s width',
  10: 'Previous schema version’s database updated (WebKit only)',
};

interface EngineRecord {
  version: string;
  date: string;
  journeys: Record<string, 'passed' | 'failed'>;
}

const FOLDER = join(RESULTS, 'engines');
const ORDER: EngineName[] = ['chromium', 'firefox', 'webkit'];

function read(name: EngineName): EngineRecord | undefined {
  const path = join(FOLDER, `${name}.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as EngineRecord) : undefined;
}

export function recordJourney(
  engine: Pick<Engine, 'name' | 'version'>,
  journey: number,
  status: 'passed' | 'failed',
): void {
  mkdirSync(FOLDER, { recursive: true });
  const day = new Date().toISOString().slice(0, 10);
  const record = read(engine.name);
  const journeys = record?.date === day && record.version === engine.version ? record.journeys : {};
  journeys[journey] = status;
  writeFileSync(join(FOLDER, `${engine.name}.json`), JSON.stringify({ version: engine.version, date: day, journeys }));
  writeFileSync(join(RESULTS, 'engines.md'), renderTable());
}

function statusText(status: 'passed' | 'failed' | undefined): string {
  return status === 'passed' ? 'passed' : status === 'failed' ? '**failed**' : 'not run';
}

function renderTable(): string {
  const records = ORDER.map((name) => [name, read(name)] as const);
  const header = `| journey | ${records.map(([name, record]) => `${name}${record ? ` — ${record.version}, ${record.date}` : ''}`).join(' | ')} |`;
  const rows = Object.entries(JOURNEYS).map(
    ([id, title]) =>
      `| ${id}. ${title} | ${records.map(([, record]) => statusText(record?.journeys[id])).join(' | ')} |`,
  );
  return [header, `|---|${records.map(() => '---').join('|')}|`, ...rows, ''].join('\n');
}
