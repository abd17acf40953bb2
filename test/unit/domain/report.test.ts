import { describe, expect, it } from 'vitest';
import { buildReport, periodOf } from '../../../src/domain/report';
import { reportMarkdown, reportWikitext } from '../../../src/domain/report-text';
import { territoriesOf } from '../../../src/domain/territory';
import { YEAR_IDS, yearData } from '../../fixtures/backup';

const YEAR = periodOf('year', 2026);
const TODAY = { today: '2026-06-01' };
const byKey = <K>(counts: { key: K; count: number }[]) =>
  Object.fromEntries(counts.map(({ key, count }) => [key, count]));

describe('the year’s report (golden numbers of test/fixtures/backup.ts)', () => {
  const report = buildReport(yearData(), YEAR, {}, TODAY);

  it('counts the visits of the period per service, a visit once in each of its services', () => {
    expect(report.visits).toBe(5);
    expect(byKey(report.visitsByService)).toMatchObject({
      support_projects: 2,
      detect: 2,
      represent: 1,
      inform: 1,
      support_users: 1,
      federate: 0,
    });
  });

  it('counts visits per month of the period, empty months included', () => {
    expect(report.visitsByMonth.map(({ count }) => count)).toEqual([2, 1, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0]);
    expect(report.visitsByMonth[0]?.key).toBe('2026-01');
  });

  it('counts visits per territory of the lieu, largest first, unknown last', () => {
    expect(report.visitsByTerritory).toEqual([
      { key: 'Pays de Saint-Malo', count: 3 },
      { key: 'Pays de Dinan', count: 1 },
      { key: '', count: 1 },
    ]);
  });

  it("counts a lieu with no label under its commune's EPCI, else its département", () => {
    const data = yearData();
    const [saintMalo, dinan] = data.organisations;
    Object.assign(saintMalo!, { territoryLabel: '', epciCode: '243500774', epci: 'Saint-Malo Agglomération' });
    Object.assign(dinan!, { territoryLabel: '  ', departementCode: '22', departement: 'Côtes-d’Armor' });
    expect(buildReport(data, YEAR, {}, TODAY).visitsByTerritory).toEqual([
      { key: 'Saint-Malo Agglomération', count: 2 },
      { key: 'Côtes-d’Armor (22)', count: 1 },
      { key: 'Pays de Saint-Malo', count: 1 },
      { key: '', count: 1 },
    ]);
  });

  it('counts distinct lieux visited and organisations new in the period', () => {
    expect(report.lieuxVisited).toBe(3);
    expect(report.lieux[0]).toEqual({ id: YEAR_IDS.forge, name: 'La Forge des Possibles', visits: 2 });
    expect(report.newOrganisations).toBe(2);
  });

  it('counts events held in the period per service', () => {
    expect(report.events).toBe(1);
    expect(report.eventsByMonth.map(({ count }) => count)).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(byKey(report.eventsByService)).toMatchObject({ federate: 1, inform: 1, detect: 0 });
  });

  it('counts follow-ups done in the period, still open, and overdue on the day of reading', () => {
    expect(report.followUps).toEqual({ doneInPeriod: 1, open: 3, overdue: 1 });
    expect(buildReport(yearData(), YEAR, {}, { today: '2027-02-01' }).followUps.overdue).toBe(2);
  });

  it('counts diagnostics and averages their section scores', () => {
    expect(report.diagnostics).toEqual({
      filled: 1,
      completed: 1,
      sections: [
        { grid: 'Diagnostic d’un projet de tiers-lieu', section: 'Communauté & finalité', average: 75, diagnostics: 1 },
      ],
    });
  });

  it('reads days in Paris time: a visit at 23:30 UTC on 31 December belongs to the new year', () => {
    const data = yearData();
    data.visits.push({ ...data.visits[0]!, id: 'late', visitedAt: '2025-12-31T23:30:00.000Z' });
    expect(buildReport(data, YEAR, {}, TODAY).visits).toBe(6);
  });
});

describe('filters', () => {
  it('keeps one département by its code, whatever its name was typed as', () => {
    const data = yearData();
    const [saintMalo, dinan, third] = data.organisations;
    Object.assign(saintMalo!, { departementCode: '35', departement: 'Ille-et-Vilaine' });
    Object.assign(dinan!, { departementCode: '22', departement: 'Côtes-d’Armor' });
    Object.assign(third!, { departementCode: '35', departement: 'ille et vilaine' });
    const inIlleEtVilaine = buildReport(data, YEAR, { territory: 'dep:35' }, TODAY);
    expect(inIlleEtVilaine.visits).toBe(3);
    expect(buildReport(data, YEAR, { territory: 'dep:22' }, TODAY).visits).toBe(1);
    expect(territoriesOf(data.organisations).map((territory) => territory.key)).toEqual([
      'Pays de Dinan',
      'Pays de Saint-Malo',
      'dep:22',
      'dep:35',
    ]);
  });

  it('keeps one territory', () => {
    const report = buildReport(yearData(), YEAR, { territory: 'Pays de Dinan' }, TODAY);
    expect(report.visits).toBe(1);
    expect(report.lieuxVisited).toBe(1);
    expect(report.newOrganisations).toBe(1);
    expect(report.followUps).toEqual({ doneInPeriod: 0, open: 1, overdue: 1 });
  });

  it('keeps one service, and one quarter', () => {
    expect(buildReport(yearData(), YEAR, { service: 'detect' }, TODAY).visits).toBe(2);
    const q1 = buildReport(yearData(), periodOf('quarter', 2026, 1), {}, TODAY);
    expect(q1.visits).toBe(3);
    expect(q1.visitsByMonth.map(({ key }) => key)).toEqual(['2026-01', '2026-02', '2026-03']);
  });

  it('builds months and quarters with their last day', () => {
    expect(periodOf('month', 2028, 2)).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(periodOf('quarter', 2026, 4)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });
});

describe('the summary as text for the wiki', () => {
  const report = buildReport(yearData(), YEAR, {}, TODAY);

  it('renders Markdown with key figures and right-aligned number columns', () => {
    const text = reportMarkdown(report, 'fr');
    expect(text).toContain('## Activité du réseau du 01/01/2026 au 31/12/2026');
    expect(text).toContain('- **Visites**\u00a0: 5');
    // Organisations are « lieux » on every screen: the figure beside « Lieux accompagnés » says so too.
    expect(text).toContain('- **Nouveaux lieux**\u00a0: 2');
    expect(text).toContain('- **Suivis ouverts**\u00a0: 3 (dont 1 en retard)');
    expect(text).toContain('| Service | Visites | Événements |\n| --- | ---: | ---: |');
    expect(text).toContain('| Détecter | 2 | 0 |');
    expect(text).toContain('| Non renseigné | 1 |');
  });

  it('speaks English as the English screens do: places, not lieux; "1 overdue"', () => {
    const text = reportMarkdown(report, 'en');
    expect(text).toContain('## Network activity from 2026-01-01 to 2026-12-31');
    expect(text).toContain('- **Places supported**: 3');
    expect(text).toContain('- **Open follow-ups**: 3 (1 overdue)');
    expect(text).not.toMatch(/\bLieux?\b/);
  });

  it('renders MediaWiki wikitext tables, a pipe in a name kept as text', () => {
    const data = yearData();
    data.organisations[0]!.territoryLabel = 'Saint-Malo | Rance';
    const text = reportWikitext(buildReport(data, YEAR, {}, TODAY), 'fr');
    expect(text).toContain('== Activité du réseau du 01/01/2026 au 31/12/2026 ==');
    expect(text).toContain("* '''Visites'''\u00a0: 5");
    expect(text).toContain(
      '{| class="wikitable"\n! Service !! Visites !! Événements\n|-\n| Informer & sensibiliser || 1 || 1',
    );
    expect(text).toContain('| Saint-Malo &#124; Rance || 2');
    expect(text).toContain('| Communauté & finalité || 75\u00a0%');
  });
});

describe('names in the summary for the wiki stay text', () => {
  const data = yearData();
  data.organisations[0]!.territoryLabel =
    '<img src=x onerror=alert(1)> **Rance** [[Catégorie:Piège]]\r| {{Modèle}} __TOC__';
  const report = buildReport(data, YEAR, {}, TODAY);

  it('in Markdown: a territory name is one escaped cell', () => {
    const text = reportMarkdown(report, 'fr');
    expect(text).toContain(
      '| \\<img src=x onerror=alert(1)\\> \\*\\*Rance\\*\\* \\[\\[Catégorie:Piège\\]\\] \\| {{Modèle}} \\_\\_TOC\\_\\_ | 2 |',
    );
    expect(text).not.toMatch(/(^|[^\\])<img/);
  });

  it('in wikitext: a territory name is one literal cell', () => {
    const text = reportWikitext(report, 'fr');
    expect(text).toContain(
      '| &lt;img src=x onerror=alert(1)&gt; **Rance** &#91;&#91;Catégorie:Piège&#93;&#93; &#124; &#123;&#123;Modèle&#125;&#125; &#95;&#95;TOC&#95;&#95; || 2',
    );
  });
});
