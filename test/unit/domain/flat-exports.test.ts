import { describe, expect, it } from 'vitest';
import type { Diagnostic, DiagnosticTemplate } from '../../../src/domain/diagnostic';
import { PROJECT_STARTER_ID } from '../../../src/domain/diagnostic-starters';
import type { NetworkEvent } from '../../../src/domain/event';
import { type ExportData, exportCsv } from '../../../src/domain/exports';
import { attendanceCsv, diagnosticGridVersions, diagnosticsCsv } from '../../../src/domain/flat-exports';
import { RECORD_TYPES } from '../../../src/domain/record-types';

const lines = (text: string) => text.replace(/^\uFEFF/, '').split('\r\n');
const base = (id: string) => ({
  id,
  networkId: 'n',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'Camille Martin',
  deleted: false,
});

function grid(id: string, version: number, scaleLabel: string): DiagnosticTemplate {
  return {
    ...base(id),
    family: 'fam',
    version,
    title: 'Diagnostic de tiers-lieu',
    scope: 'organisation',
    status: 'active',
    sections: [
      {
        id: 'communaute',
        title: 'Communauté & finalité',
        questions: [
          { id: 'q1', kind: 'scale', label: scaleLabel, scored: true, weight: 1, levels: ['Absent', 'Naissant'] },
          {
            id: 'q2',
            kind: 'multiple',
            label: 'Publics',
            scored: false,
            weight: 1,
            options: [
              { id: 'jeunes', label: 'Jeunes' },
              { id: 'seniors', label: 'Seniors' },
            ],
          },
          { id: 'q3', kind: 'number', label: 'Bénévoles', scored: false, weight: 1 },
        ],
      },
    ],
  } as DiagnosticTemplate;
}

function data(): ExportData {
  const empty = Object.fromEntries(RECORD_TYPES.map((type) => [type, []])) as unknown as ExportData;
  const diagnostic = (id: string, templateId: string, filledOn: string, answers: Diagnostic['answers']) =>
    ({
      ...base(id),
      templateId,
      templateVersion: templateId === 'v1' ? 1 : 2,
      organisationId: 'lieu',
      filledOn,
      answers,
      sectionComments: { communaute: 'Une "vraie" dynamique ; à suivre' },
    }) as unknown as Diagnostic;
  return {
    ...empty,
    organisations: [{ ...base('lieu'), name: 'La Grange', kind: 'tiers_lieu' } as never],
    contacts: [{ ...base('p1'), name: 'Hélène Durand', organisationIds: ['lieu'] } as never],
    diagnosticTemplates: [grid('v2', 2, 'Gouvernance partagée'), grid('v1', 1, 'Gouvernance')],
    diagnostics: [
      diagnostic('d1', 'v1', '2026-02-10', { q1: { status: 'answered', value: 1 } }),
      diagnostic('d2', 'v2', '2026-03-05', {
        q1: { status: 'skipped' },
        q2: { status: 'answered', value: ['jeunes', 'seniors'] },
        q3: { status: 'answered', value: 3.5 },
      }),
      diagnostic('d3', 'v2', '2026-03-20', { q1: { status: 'unknown' } }),
    ],
    events: [
      {
        ...base('e1'),
        title: 'Rencontre régionale',
        kind: 'network_meeting',
        startsAt: '2026-03-12T08:30:00.000Z',
        endsAt: '2026-03-12T16:00:00.000Z',
        timeZone: 'Europe/Paris',
        placeOrganisationId: 'lieu',
        services: ['federate'],
        attendees: {
          p1: { name: 'Hélène D.', status: 'present' },
          gone: { name: 'Sam Petit', status: 'excused' },
        },
      } as unknown as NetworkEvent,
      {
        ...base('e2'),
        title: 'Formation',
        kind: 'training',
        startsAt: '2026-05-01T08:00:00.000Z',
        endsAt: '2026-05-01T10:00:00.000Z',
        services: [],
        attendees: { p1: { name: 'Hélène Durand', status: 'invited' } },
      } as unknown as NetworkEvent,
    ],
  };
}

describe('diagnostics as a flat table', () => {
  it('gives one file per grid version, one row per diagnostic and one column per question', () => {
    expect(diagnosticGridVersions(data()).map((template) => template.id)).toEqual(['v1', 'v2']);
    const rows = lines(diagnosticsCsv(data(), 'v2', 'fr'));
    expect(rows[0]).toBe(
      'Date;Lieu;Territoire;Terminé le;Saisi par;Communauté & finalité / Gouvernance partagée;Communauté & finalité / Publics;Communauté & finalité / Bénévoles;Communauté & finalité — commentaire',
    );
    // Newest first; a number keeps its decimal comma, choices their labels, a skip says so.
    expect(rows[1]).toBe('20/03/2026;La Grange;;;Camille Martin;Ne sait pas;;;"Une ""vraie"" dynamique ; à suivre"');
    expect(rows[2]).toBe(
      '05/03/2026;La Grange;;;Camille Martin;Question passée;Jeunes, Seniors;3,5;"Une ""vraie"" dynamique ; à suivre"',
    );
    expect(rows).toHaveLength(4);
    expect(lines(diagnosticsCsv(data(), 'v1', 'fr'))[1]).toContain(';Camille Martin;1;;;');
  });

  it('names its columns in English when asked, a lieu being a place as on the English screens', () => {
    expect(lines(diagnosticsCsv(data(), 'v2', 'en'))[0]).toMatch(/^Date;Place;Territory;Completed on;Written by;/);
  });

  it('keeps to the period, and starts with the BOM French spreadsheets need', () => {
    const text = diagnosticsCsv(data(), 'v2', 'fr', { from: '2026-03-01', to: '2026-03-10' });
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(lines(text)).toHaveLength(3);
    expect(diagnosticGridVersions(data(), { from: '2026-03-01', to: '2026-03-31' }).map((each) => each.id)).toEqual([
      'v2',
    ]);
  });

  // Most diagnostics are filled with a built-in grid, which the network holds no record of.
  it('gives a file for a built-in grid too, with its questions as columns', () => {
    const withStarter = data();
    withStarter.diagnostics = [
      ...withStarter.diagnostics,
      {
        ...base('d4'),
        templateId: PROJECT_STARTER_ID,
        templateVersion: 1,
        organisationId: 'lieu',
        filledOn: '2026-04-02',
        answers: { id_type: { status: 'answered', value: 'coworking' } },
      } as unknown as Diagnostic,
    ];
    expect(diagnosticGridVersions(withStarter).map((template) => template.id)).toContain(PROJECT_STARTER_ID);
    const rows = lines(diagnosticsCsv(withStarter, PROJECT_STARTER_ID, 'fr'));
    expect(rows[0]).toContain(';Identité / Type de projet;');
    expect(rows[1]).toMatch(/^02\/04\/2026;La Grange;;;Camille Martin;.*;Coworking;/);
  });
});

describe('event attendance as a flat table', () => {
  it('gives one row per person and event, with the person’s current name and structures', () => {
    const rows = lines(attendanceCsv(data(), 'fr'));
    expect(rows[0]).toBe('Événement;Type;Date;Début;Fin;Lieu;Personne;Présence;Structures;Services');
    expect(rows.slice(1, -1)).toEqual([
      'Rencontre régionale;Rencontre réseau;12/03/2026;09:30;17:00;La Grange;Hélène Durand;Présent·e;La Grange;Fédérer',
      'Rencontre régionale;Rencontre réseau;12/03/2026;09:30;17:00;La Grange;Sam Petit;Excusé·e;;Fédérer',
      'Formation;Formation;01/05/2026;10:00;12:00;;Hélène Durand;Inscrit·e;La Grange;',
    ]);
    expect(lines(attendanceCsv(data(), 'fr', { from: '2026-04-01', to: '2026-05-31' }))).toHaveLength(3);
  });
});

// Records hold what earlier releases let in (src/domain/fields.ts): « +02 » is an offset V8 reads as no date.
describe('exports of the dates servers kept', () => {
  it('write a date no engine reads as it is stored, and leave it out of a period, without failing', () => {
    const odd = data();
    odd.events = odd.events.map((event, index) =>
      index === 0 ? { ...event, startsAt: '2026-04-10T18:00:00+02' } : event,
    );
    odd.visits = [
      { ...base('v-odd'), visitedAt: '2026-05-20T18:00:00+02', contactIds: [], services: [] },
    ] as ExportData['visits'];
    expect(attendanceCsv(odd, 'fr')).toContain('2026-04-10T18:00:00+02');
    expect(attendanceCsv(odd, 'fr', { from: '2026-04-01', to: '2026-05-31' })).not.toContain('2026-04-10T18:00:00+02');
    expect(exportCsv('visits', odd, 'fr')).toContain('2026-05-20T18:00:00+02');
    expect(exportCsv('visits', odd, 'fr', undefined, { from: '2026-05-01', to: '2026-05-31' })).not.toContain('+02');
  });
});
