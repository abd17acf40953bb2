// A report's summary as text to paste into the network's wiki: Markdown or MediaWiki
// wikitext, in French (or English), numbers written as the language writes them.

import type { ExportLanguage } from './exports';
import { frenchDay } from './exports';
import { labelOf } from './label-of';
import { markdownCell, wikiCell } from './markup-text';
import { formatNumber, formatPercent } from './numbers';
import type { Report } from './report';
import { SERVICE_LABELS } from './services';

const WORDS = {
  fr: {
    title: (from: string, to: string) => `Activité du réseau du ${from} au ${to}`,
    figures: 'Chiffres clés',
    visits: 'Visites',
    lieux: 'Lieux accompagnés',
    newOrganisations: 'Nouveaux lieux',
    events: 'Événements',
    followUpsDone: 'Suivis faits sur la période',
    followUpsOpen: 'Suivis ouverts',
    followUpsOverdue: (count: string) => `dont ${count} en retard`,
    diagnostics: 'Diagnostics remplis',
    byService: 'Par service du réseau',
    service: 'Service',
    byMonth: 'Visites et événements par mois',
    month: 'Mois',
    byTerritory: 'Visites par territoire',
    territory: 'Territoire',
    unknownTerritory: 'Non renseigné',
    count: 'Nombre',
    sections: 'Diagnostics\u00a0: moyenne par section',
    grid: 'Grille',
    section: 'Section',
    average: 'Moyenne',
    colon: '\u00a0: ',
  },
  en: {
    title: (from: string, to: string) => `Network activity from ${from} to ${to}`,
    figures: 'Key figures',
    visits: 'Visits',
    lieux: 'Places supported',
    newOrganisations: 'New places',
    events: 'Events',
    followUpsDone: 'Follow-ups done in the period',
    followUpsOpen: 'Open follow-ups',
    followUpsOverdue: (count: string) => `${count} overdue`,
    diagnostics: 'Diagnostics filled',
    byService: 'Per network service',
    service: 'Service',
    byMonth: 'Visits and events per month',
    month: 'Month',
    byTerritory: 'Visits per territory',
    territory: 'Territory',
    unknownTerritory: 'Not given',
    count: 'Count',
    sections: 'Diagnostics: average per section',
    grid: 'Grid',
    section: 'Section',
    average: 'Average',
    colon: ': ',
  },
} as const;

interface Table {
  title: string;
  header: string[];
  rows: string[][];
}

function tablesOf(
  report: Report,
  lang: ExportLanguage,
): { title: string; figures: [string, string][]; tables: Table[] } {
  const w = WORDS[lang];
  const number = (value: number) => formatNumber(value, lang);
  const figures: [string, string][] = [
    [w.visits, number(report.visits)],
    [w.lieux, number(report.lieuxVisited)],
    [w.newOrganisations, number(report.newOrganisations)],
    [w.events, number(report.events)],
    [w.followUpsDone, number(report.followUps.doneInPeriod)],
    [w.followUpsOpen, `${number(report.followUps.open)} (${w.followUpsOverdue(number(report.followUps.overdue))})`],
    [w.diagnostics, number(report.diagnostics.filled)],
  ];
  const eventsByService = new Map(report.eventsByService.map(({ key, count }) => [key, count]));
  const tables: Table[] = [
    {
      title: w.byService,
      header: [w.service, w.visits, w.events],
      rows: report.visitsByService
        .filter(({ key, count }) => count > 0 || (eventsByService.get(key) ?? 0) > 0)
        .map(({ key, count }) => [
          labelOf(SERVICE_LABELS, key, lang),
          number(count),
          number(eventsByService.get(key) ?? 0),
        ]),
    },
    {
      title: w.byMonth,
      header: [w.month, w.visits, w.events],
      rows: report.visitsByMonth.map(({ key, count }, index) => [
        `${key.slice(5)}/${key.slice(0, 4)}`,
        number(count),
        number(report.eventsByMonth[index]?.count ?? 0),
      ]),
    },
    {
      title: w.byTerritory,
      header: [w.territory, w.visits],
      rows: report.visitsByTerritory.map(({ key, count }) => [key || w.unknownTerritory, number(count)]),
    },
  ];
  if (report.diagnostics.sections.length > 0) {
    tables.push({
      title: w.sections,
      header: [w.grid, w.section, w.average],
      rows: report.diagnostics.sections.map((row) => [
        row.grid,
        row.section,
        row.average === null ? '—' : formatPercent(row.average, lang, 1),
      ]),
    });
  }
  const day = (value: string) => (lang === 'fr' ? frenchDay(value) : value);
  return { title: w.title(day(report.period.from), day(report.period.to)), figures, tables };
}

export function reportMarkdown(report: Report, lang: ExportLanguage): string {
  const { title, figures, tables } = tablesOf(report, lang);
  const { colon } = WORDS[lang];
  const lines = [
    `## ${title}`,
    '',
    ...figures.map(([label, value]) => `- **${markdownCell(label)}**${colon}${markdownCell(value)}`),
  ];
  for (const table of tables) {
    lines.push('', `### ${table.title}`, '', `| ${table.header.map(markdownCell).join(' | ')} |`);
    lines.push(`|${table.header.map((_, index) => (index === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
    for (const row of table.rows) lines.push(`| ${row.map(markdownCell).join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

export function reportWikitext(report: Report, lang: ExportLanguage): string {
  const { title, figures, tables } = tablesOf(report, lang);
  const { colon } = WORDS[lang];
  const lines = [
    `== ${title} ==`,
    '',
    ...figures.map(([label, value]) => `* '''${wikiCell(label)}'''${colon}${wikiCell(value)}`),
  ];
  for (const table of tables) {
    lines.push('', `=== ${table.title} ===`, '{| class="wikitable"', `! ${table.header.map(wikiCell).join(' !! ')}`);
    for (const row of table.rows) lines.push('|-', `| ${row.map(wikiCell).join(' || ')}`);
    lines.push('|}');
  }
  return `${lines.join('\n')}\n`;
}
