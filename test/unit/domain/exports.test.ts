import { describe, expect, it } from 'vitest';
import { exportCsv, exportJson } from '../../../src/domain/exports';
import { yearData } from '../../fixtures/backup';

const lines = (text: string) => text.replace(/^\uFEFF/, '').split('\r\n');

describe('CSV exports of the network', () => {
  it('lists visits newest first, dates in Paris time as dd/MM/yyyy, lieux and services by name', () => {
    const rows = lines(exportCsv('visits', yearData(), 'fr'));
    expect(rows[0]).toBe('Date;Heure;Lieu;Autre lieu;Contacts;Services;Objet;Notes;Latitude;Longitude;Saisie par');
    expect(rows).toHaveLength(6 + 2);
    expect(rows[1]).toBe(
      '20/05/2026;18:00;;;;Accompagner les utilisateur·rice·s;Permanence au marché;;;;Camille Martin',
    );
    expect(rows.at(-2)).toBe(
      '12/12/2025;10:00;La Forge des Possibles;;;Accompagner les porteurs de projet de tiers-lieux;Avant l’année;;;;Camille Martin',
    );
  });

  it('quotes a lieu whose name holds a semicolon, and keeps its formula-looking text inert', () => {
    const data = yearData();
    data.organisations.push({ ...data.organisations[0]!, id: 'x', name: '=2+3', notes: 'Ouvert ;\nfermé le lundi' });
    const text = exportCsv('organisations', data, 'fr');
    expect(text).toContain('"Café =SOMME(A1) ; « le Lien »";Tiers-lieu;');
    expect(text).toContain("'=2+3;Tiers-lieu;");
    expect(text).toContain('"Ouvert ;\nfermé le lundi"');
  });

  it('lists contacts with the names of their organisations', () => {
    const rows = lines(exportCsv('contacts', yearData(), 'fr'));
    expect(rows[1]).toBe('Camille Martin;Coordinatrice;La Forge des Possibles;;;;;;');
    expect(rows[2]).toContain('"Préfère le téléphone.\nDisponible le lundi."');
  });

  it('lists follow-ups with their visit and whether they are done', () => {
    const rows = lines(exportCsv('followUps', yearData(), 'fr'));
    expect(rows[1]).toBe(
      'Envoyer la fiche « modèle économique »;20/01/2026;;oui;01/02/2026;15/01/2026 — La Forge des Possibles;;',
    );
    expect(rows[4]).toBe('Relire le diagnostic;;;non;;15/01/2026 — La Forge des Possibles;;');
  });

  it('speaks English headers when asked', () => {
    expect(lines(exportCsv('followUps', yearData(), 'en'))[0]).toBe(
      'To do;Due;Owner;Done;Done on;Visit;Event;Services',
    );
    expect(lines(exportCsv('organisations', yearData(), 'en'))[0]).toBe(
      'Name;Kind;Typology;Legal structure;Address;Postcode;Town;INSEE code;Territory;Département;Region;Latitude;Longitude;Website;Email;Phone;Networks;Tags;Notes;Created on',
    );
    // A lieu is a "place" on every English screen: the file says so too.
    expect(lines(exportCsv('visits', yearData(), 'en'))[0]).toBe(
      'Date;Time;Place;Other place;Contacts;Services;Purpose;Notes;Latitude;Longitude;Written by',
    );
  });

  it('writes JSON of every live record', () => {
    const parsed = JSON.parse(exportJson(yearData(), '2026-06-01T08:00:00.000Z'));
    expect(parsed.exportedAt).toBe('2026-06-01T08:00:00.000Z');
    expect(parsed.records.visits).toHaveLength(6);
    expect(parsed.records.organisations[0].name).toBe('La Forge des Possibles');
  });
});

describe('CSV exports of a period', () => {
  it('keep the visits of the period’s days only, in Paris time', () => {
    const all = lines(exportCsv('visits', yearData(), 'fr'));
    const may = lines(exportCsv('visits', yearData(), 'fr', undefined, { from: '2026-05-01', to: '2026-05-31' }));
    expect(may.length).toBeLessThan(all.length);
    expect(may.slice(1, -1).every((row) => row.includes('/05/2026;'))).toBe(true);
    expect(may[1]).toBe(all[1]);
  });
});
