import { describe, expect, test, vi } from 'vitest';
import {
  contactsByIds,
  contactsOfOrganisation,
  createContact,
  getContact,
  listContacts,
} from '../../../src/db/contacts';
import { getDraft, saveDraft } from '../../../src/db/drafts';
import { RecordValidationError } from '../../../src/db/errors';
import { createIntoDraft, saveRecordForm } from '../../../src/db/form-save';
import {
  createOrganisation,
  getOrganisation,
  listOrganisations,
  searchOrganisations,
  updateOrganisation,
} from '../../../src/db/organisations';
import { createRecords, deleteRecord } from '../../../src/db/writes';
import { openTestContext } from '../../helpers/db';

describe('organisations', () => {
  test('are listed by name and found without accents, by commune too', async () => {
    const context = await openTestContext();
    await createOrganisation(context, { name: 'Équipe du Moulin', kind: 'tiers_lieu', commune: 'Redon' });
    await createOrganisation(context, { name: 'Atelier Commun', kind: 'tiers_lieu', commune: 'Saint-Étienne' });
    await createOrganisation(context, { name: 'Mairie de Vitré', kind: 'local_authority' });

    expect((await listOrganisations(context)).map((item) => item.name)).toEqual([
      'Atelier Commun',
      'Équipe du Moulin',
      'Mairie de Vitré',
    ]);
    expect((await searchOrganisations(context, 'equipe')).map((item) => item.name)).toEqual(['Équipe du Moulin']);
    expect((await searchOrganisations(context, 'saint etienne')).map((item) => item.name)).toEqual(['Atelier Commun']);
    expect(await listOrganisations(context, { limit: 1 })).toHaveLength(1);
  });

  test('an update is read back without the sync clocks, and a bad postcode stores nothing', async () => {
    const context = await openTestContext();
    const lieu = await createOrganisation(context, { name: 'La Forge', kind: 'tiers_lieu' });
    await updateOrganisation(context, lieu.id, { commune: 'Saint-Malo' });
    const read = await getOrganisation(context, lieu.id);
    expect(read).toMatchObject({ name: 'La Forge', commune: 'Saint-Malo' });
    expect(read).not.toHaveProperty('hlc');

    const refused = updateOrganisation(context, lieu.id, { postcode: '354' });
    await expect(refused).rejects.toBeInstanceOf(RecordValidationError);
    await expect(refused).rejects.toMatchObject({ issues: [{ field: 'postcode' }] });
    expect((await getOrganisation(context, lieu.id))?.postcode).toBeUndefined();
  });
});

describe('contacts', () => {
  test('are found by name, role or email, accents and case ignored', async () => {
    const context = await openTestContext();
    await createRecords(context, 'contacts', [
      { name: 'Hélène Durand', role: 'Maire adjointe' },
      { name: 'Camille Martin', email: 'camille@exemple.fr' },
    ]);
    expect((await listContacts(context, { query: 'helene' })).map((item) => item.name)).toEqual(['Hélène Durand']);
    expect((await listContacts(context, { query: 'MAIRE' })).map((item) => item.name)).toEqual(['Hélène Durand']);
    expect((await listContacts(context, { query: 'camille@' })).map((item) => item.name)).toEqual(['Camille Martin']);
  });

  test('are found by phone whichever way the number is written, in the search or on the record', async () => {
    const context = await openTestContext();
    await createRecords(context, 'contacts', [
      { name: 'Yannick Le Goff', phone: '+33 6 12 34 56 78' },
      { name: 'Éloïse Kerbrat', phone: '06.98.76.54.32' },
      { name: 'Soizic Morvan', phone: '0611223344' },
      { name: 'Promo sortante', tags: ['Promo 2023-2024', '12.03.2024'] },
    ]);
    const found = async (query: string) => (await listContacts(context, { query })).map((item) => item.name);
    // Pasted from a message, typed in one go, or with the dots of a card.
    expect(await found('0612345678')).toEqual(['Yannick Le Goff']);
    expect(await found('+33612345678')).toEqual(['Yannick Le Goff']);
    expect(await found('06 98 76 54 32')).toEqual(['Éloïse Kerbrat']);
    expect(await found('0698765432')).toEqual(['Éloïse Kerbrat']);
    expect(await found('06.11.22.33.44')).toEqual(['Soizic Morvan']);
    expect(await found('+33 6 11 22')).toEqual(['Soizic Morvan']);
    // With the marks of direction some messaging apps put around a number.
    expect(await found('\u202a06 12 34 56 78\u202c')).toEqual(['Yannick Le Goff']);
    // Digits that are a tag's words are still found as words.
    expect(await found('2023-2024')).toEqual(['Promo sortante']);
    expect(await found('12.03.2024')).toEqual(['Promo sortante']);
  });

  test('of an organisation are the people linked to it, deleted ones left out', async () => {
    const context = await openTestContext();
    const lieu = await createOrganisation(context, { name: 'La Forge', kind: 'tiers_lieu' });
    const other = await createOrganisation(context, { name: 'Mairie', kind: 'local_authority' });
    const zoe = await createContact(context, { name: 'Zoé', organisationIds: [lieu.id] });
    await createContact(context, { name: 'Alex', organisationIds: [lieu.id, other.id] });
    await createContact(context, { name: 'Sam', organisationIds: [other.id] });
    const gone = await createContact(context, { name: 'Parti', organisationIds: [lieu.id] });
    await deleteRecord(context, 'contacts', gone.id);

    expect((await contactsOfOrganisation(context, lieu.id)).map((item) => item.name)).toEqual(['Alex', 'Zoé']);
    expect((await contactsByIds(context, [zoe.id, gone.id])).map((item) => item.name)).toEqual(['Zoé']);
    expect(await getContact(context, gone.id)).toBeUndefined();
  });

  test('an invalid email is refused with the field named, and the person keeps the old one', async () => {
    const context = await openTestContext();
    const person = await createContact(context, { name: 'Camille', email: 'camille@exemple.fr' });
    await expect(
      saveRecordForm(context, 'contacts', person.id, { name: 'Camille', email: 'pas-un-email' }, null),
    ).rejects.toMatchObject({
      issues: [{ field: 'email' }],
    });
    expect((await getContact(context, person.id))?.email).toBe('camille@exemple.fr');
  });

  test('a batch with one invalid person stores nobody', async () => {
    const context = await openTestContext();
    await expect(createRecords(context, 'contacts', [{ name: 'Bon' }, { name: '' }])).rejects.toBeInstanceOf(
      RecordValidationError,
    );
    expect(await listContacts(context)).toEqual([]);
  });
});

// A lieu made from a visit's « Créer », then the visit's draft written with it in: a tab killed
// between the two left the lieu made and the draft still holding the inline form, whose
// « Ajouter le lieu », given back, made the lieu twice.
describe('a record made inside a form', () => {
  const visitDraft = (values: Record<string, unknown>) => ({
    id: 'visit-new-1',
    kind: 'visit',
    recordId: null,
    values,
  });
  const typed = { organisationId: null, newLieu: { initialName: 'Fablab', typed: null } };

  test('is stored with the draft of the form around it, in one write: all of it or nothing', async () => {
    const context = await openTestContext();
    await saveDraft(context, visitDraft(typed));
    const intoDraft = (lieu: { id: string }) => visitDraft({ organisationId: lieu.id, newLieu: null });

    // The draft's write fails: no lieu, the draft as it was.
    const put = vi.spyOn(context.db.drafts, 'put').mockRejectedValueOnce(new Error('disk gone'));
    await expect(
      createIntoDraft(context, 'organisations', { name: 'Fablab', kind: 'tiers_lieu' }, intoDraft),
    ).rejects.toThrow('disk gone');
    put.mockRestore();
    expect(await listOrganisations(context)).toEqual([]);
    expect((await getDraft(context, 'visit-new-1'))?.values).toEqual(typed);

    // A refused lieu: nothing written either.
    await expect(
      createIntoDraft(context, 'organisations', { name: '', kind: 'tiers_lieu' }, intoDraft),
    ).rejects.toBeInstanceOf(RecordValidationError);
    expect((await getDraft(context, 'visit-new-1'))?.values).toEqual(typed);

    const lieu = await createIntoDraft(context, 'organisations', { name: 'Fablab', kind: 'tiers_lieu' }, intoDraft);
    expect((await listOrganisations(context)).map((stored) => stored.id)).toEqual([lieu.id]);
    expect((await getDraft(context, 'visit-new-1'))?.values).toEqual({ organisationId: lieu.id, newLieu: null });
  });
});
