import { describe, expect, test } from 'vitest';
import { attachFile } from '../../../src/db/attachments';
import { markBlobUploaded } from '../../../src/db/blobs';
import type { Session } from '../../../src/db/context';
import { getDraft, saveDraft } from '../../../src/db/drafts';
import { RecordValidationError } from '../../../src/db/errors';
import {
  borrow,
  giveBack,
  newTemplate,
  readItem,
  readPackingList,
  readToolbox,
  removeItem,
  removePackingList,
  resetPacking,
  saveItem,
  setPacked,
  startTrip,
} from '../../../src/db/toolbox';
import { freeValiseFiles, offlineFilesToFetch, readItemFiles, valiseFilesUsage } from '../../../src/db/toolbox-files';
import { forgetUntouchedStarters, seedStarterValise } from '../../../src/db/toolbox-starter';
import { updateRecord } from '../../../src/db/writes';
import {
  isUntouchedStarter,
  STARTER_CLOCK,
  STARTER_IDS,
  STARTER_ITEMS,
  STARTER_PACKING_LISTS,
} from '../../../src/domain/toolbox/starter';
import { openTestContext } from '../../helpers/db';

const stand = STARTER_PACKING_LISTS.find((list) => list.tripKind === 'fair_stand')?.id ?? '';

const session = (role: 'admin' | 'concierge'): Session => ({
  networkId: 'reseau-test',
  networkName: 'Réseau test',
  deviceId: 'd',
  memberName: 'Hugo',
  role,
  maxAttachmentBytes: 1000,
  serverUrl: 'http://valise.test',
  token: 't',
});

const sheet = {
  kind: 'method_sheet' as const,
  title: 'Tenir un stand',
  description: null,
  link: 'https://exemple.fr/stand',
  tags: ['salon'],
  shelf: null,
  availableOffline: true,
  quantity: null,
};

describe('the valise on a device', () => {
  test('the item form saves the item, its file and the link between them in one transaction, and forgets its draft', async () => {
    const context = await openTestContext();
    await saveDraft(context, { id: 'toolbox-item-new-1', kind: 'toolbox-item', recordId: null, values: {} });
    const pdf = { fileName: 'stand.pdf', mimeType: 'application/pdf', data: new Uint8Array([1, 2, 3]).buffer };
    const item = await saveItem(context, null, sheet, pdf, 'toolbox-item-new-1');
    const view = await readItem(context, item.id);
    expect(view?.attachment?.fileName).toBe('stand.pdf');
    expect(view?.item.attachmentId).toBe(view?.attachment?.id);
    expect((await readItemFiles(context)).get(item.id)?.state).toBe('downloaded');
    expect(await getDraft(context, 'toolbox-item-new-1')).toBeUndefined();
    // Item, file record and link: one outbox entry each, all from the one save.
    expect(await context.db.outbox.count()).toBe(3);
  });

  test('a refused item writes neither the item nor its file, and keeps the draft', async () => {
    const context = await openTestContext();
    await saveDraft(context, { id: 'toolbox-item-new-2', kind: 'toolbox-item', recordId: null, values: { title: '' } });
    const pdf = { fileName: 'vide.pdf', mimeType: 'application/pdf', data: new Uint8Array([4, 5]).buffer };
    await expect(saveItem(context, null, { ...sheet, title: '' }, pdf, 'toolbox-item-new-2')).rejects.toBeInstanceOf(
      RecordValidationError,
    );
    expect(await context.db.records('toolboxItems').count()).toBe(0);
    expect(await context.db.records('attachments').count()).toBe(0);
    expect(await context.db.blobs.count()).toBe(0);
    expect(await context.db.outbox.count()).toBe(0);
    expect(await getDraft(context, 'toolbox-item-new-2')).toBeDefined();
  });

  test('the starter valise is written with the seed’s old clock, so any edit wins over it', async () => {
    const context = await openTestContext();
    await seedStarterValise(context, { pulled: false });
    const stored = await context.db.records('toolboxItems').get(STARTER_IDS.projector);
    expect(stored?.hlc).toEqual({ '*': STARTER_CLOCK });
    expect(stored?.createdAt).toBe('2024-01-01T00:00:00.000Z');
    await updateRecord(context, 'toolboxItems', STARTER_IDS.projector, { quantity: 2 });
    const edited = await context.db.records('toolboxItems').get(STARTER_IDS.projector);
    expect((edited?.hlc.quantity ?? '') > STARTER_CLOCK).toBe(true);
  });

  test('a device seeded by an earlier version gets the corrected text, and keeps what someone edited', async () => {
    const context = await openTestContext();
    await seedStarterValise(context, { pulled: false });
    // As an earlier version left the device: its text, under its seed clock, and one edit.
    const earlier = '2024-01-01T00:00:00.000Z-0000-0000000000000000';
    const edited = '2026-11-02T10:00:00.000Z-0000-0123456789abcdef';
    const olden = async (id: string, fields: Record<string, unknown>, hlc: Record<string, string>) => {
      const stored = await context.db.records('toolboxItems').get(id);
      await context.db.anyRecords('toolboxItems').put({ ...stored!, ...fields, hlc: { '*': earlier, ...hlc } });
    };
    await olden(STARTER_IDS.welcoming, { description: '# Avant\n- savoir qui vient et pourquoi' }, {});
    await olden(STARTER_IDS.peerExchange, { description: '1. une question de départ' }, { description: edited });
    await olden(STARTER_IDS.extension, { title: 'Rallonge', description: 'Enrouleur de 25 m.' }, { title: edited });
    await context.db.outbox.clear();

    expect(await seedStarterValise(context, { pulled: false })).toBe(2);
    const starter = (id: string) => STARTER_ITEMS.find((item) => item.id === id)!;
    const welcoming = await context.db.records('toolboxItems').get(STARTER_IDS.welcoming);
    expect(welcoming?.description).toBe(starter(STARTER_IDS.welcoming).description);
    expect(welcoming?.description).toContain('- Savoir qui vient et pourquoi');
    const peer = await context.db.records('toolboxItems').get(STARTER_IDS.peerExchange);
    expect(peer?.description).toBe('1. une question de départ');
    const extension = await context.db.records('toolboxItems').get(STARTER_IDS.extension);
    expect(extension).toMatchObject({ title: 'Rallonge', description: starter(STARTER_IDS.extension).description });
    // Still the seed's: a real edit anywhere wins, and joining a network forgets it untouched.
    expect(welcoming?.hlc.description).toBe(STARTER_CLOCK);
    expect((welcoming?.hlc.description ?? '') < edited).toBe(true);
    expect(isUntouchedStarter(welcoming!)).toBe(true);

    // Queued for the server as an edit of the text it replaces (its base), so no conflict is kept.
    const queued = await context.db.outbox.toArray();
    const sent = queued.find((entry) => entry.recordIds.includes(STARTER_IDS.welcoming));
    expect(sent).toMatchObject({ fields: expect.arrayContaining(['description']), base: { description: earlier } });
    expect(queued.flatMap((entry) => entry.recordIds).sort()).toEqual(
      [STARTER_IDS.welcoming, STARTER_IDS.extension].sort(),
    );
    expect(await seedStarterValise(context, { pulled: false })).toBe(0);
  });

  test('a concierge’s device leaves the starter text as the network has it', async () => {
    const context = await openTestContext();
    await seedStarterValise(context, { pulled: false });
    const stored = await context.db.records('toolboxItems').get(STARTER_IDS.welcoming);
    const earlier = '2024-01-01T00:00:00.000Z-0000-0000000000000000';
    await context.db.anyRecords('toolboxItems').put({ ...stored!, description: 'ancien', hlc: { '*': earlier } });
    context.session = session('concierge');
    expect(await seedStarterValise(context, { pulled: true })).toBe(0);
    expect((await context.db.records('toolboxItems').get(STARTER_IDS.welcoming))?.description).toBe('ancien');
  });

  test('joining forgets the untouched starter records and their outbox entries, keeps an edited one', async () => {
    const context = await openTestContext();
    await seedStarterValise(context, { pulled: false });
    await updateRecord(context, 'toolboxItems', STARTER_IDS.badges, {
      description: 'Badges du réseau, dans la boîte bleue.',
    });
    const trip = await startTrip(context, stand, null);
    await context.db.transaction(
      'rw',
      [context.db.outbox, context.db.records('toolboxItems'), context.db.records('packingLists')],
      () => forgetUntouchedStarters(context.db),
    );
    const { items, lists } = await readToolbox(context);
    expect(items.map((item) => item.id)).toEqual([STARTER_IDS.badges]);
    expect(lists.map((list) => list.id)).toEqual([trip.id]);
    const queued = (await context.db.outbox.toArray()).flatMap((entry) => entry.recordIds);
    expect(new Set(queued)).toEqual(new Set([STARTER_IDS.badges, trip.id]));
    expect(STARTER_ITEMS.length + STARTER_PACKING_LISTS.length).toBeGreaterThan(queued.length);
  });

  test('a concierge’s new item is a suggestion; an admin’s is published', async () => {
    const context = await openTestContext();
    context.session = session('concierge');
    expect((await saveItem(context, null, sheet, null, null)).status).toBe('suggested');
    context.session = session('admin');
    expect((await saveItem(context, null, sheet, null, null)).status).toBe('published');
  });

  test('refuses a link that is not a web or e-mail address, and stores nothing', async () => {
    const context = await openTestContext();
    const refused = saveItem(context, null, { ...sheet, link: 'javascript:alert(1)' }, null, null);
    await expect(refused).rejects.toBeInstanceOf(RecordValidationError);
    await expect(refused).rejects.toMatchObject({ issues: [{ field: 'link', type: 'url' }] });
    expect(await context.db.records('toolboxItems').count()).toBe(0);
  });

  test('a trip belongs to the member who started it; the reader is named beside the lists', async () => {
    const context = await openTestContext();
    await seedStarterValise(context, { pulled: false });
    context.session = session('concierge');
    const trip = await startTrip(context, stand, '2027-03-12');
    expect(trip.owner).toBe('Hugo');
    expect((await readToolbox(context)).me).toBe('Hugo');
  });

  test('an item’s page names the lists that hold it, not a deleted one nor one without it', async () => {
    const context = await openTestContext();
    await seedStarterValise(context, { pulled: false });
    const trip = await startTrip(context, stand, '2027-03-12');
    await removePackingList(context, (await startTrip(context, stand, '2027-04-02')).id);
    await newTemplate(context, { title: 'Sans projecteur', tripKind: 'other', itemIds: [STARTER_IDS.badges] });

    const usedBy = (await readItem(context, STARTER_IDS.projector))?.usedBy ?? [];
    expect(usedBy.map((list) => list.id).sort()).toEqual(
      [
        ...STARTER_PACKING_LISTS.filter((list) => list.itemIds?.includes(STARTER_IDS.projector)).map((list) => list.id),
        trip.id,
      ].sort(),
    );
  });

  test('deleting an item takes it out of every list that used it, in the same write', async () => {
    const context = await openTestContext();
    await seedStarterValise(context, { pulled: false });
    const trip = await startTrip(context, stand, '2027-03-12');
    await setPacked(context, trip.id, STARTER_IDS.projector, true);
    expect((await readItem(context, STARTER_IDS.projector))?.usedBy.map((list) => list.id)).toContain(trip.id);

    await removeItem(context, STARTER_IDS.projector);
    expect(await readItem(context, STARTER_IDS.projector)).toBeNull();
    const { lists } = await readToolbox(context);
    for (const list of lists) expect(list.itemIds).not.toContain(STARTER_IDS.projector);
    expect((await readPackingList(context, trip.id))?.list.itemIds).toHaveLength(6);
  });

  test('a trip is ticked line by line and reset for the next one', async () => {
    const context = await openTestContext();
    await seedStarterValise(context, { pulled: false });
    const trip = await startTrip(context, stand, null);
    await setPacked(context, trip.id, STARTER_IDS.banner, true);
    await setPacked(context, trip.id, STARTER_IDS.firstAid, true);
    const outbox = await context.db.outbox.toArray();
    expect(outbox.at(-1)?.fields).toEqual([`packed.${STARTER_IDS.firstAid}`, 'updatedAt', 'updatedBy']);
    await resetPacking(context, trip.id);
    expect((await readPackingList(context, trip.id))?.list.packed).toEqual({});
    // The template is untouched by its trip.
    expect((await readPackingList(context, stand))?.list.packed).toEqual({});
  });

  test('a loan is open until returned; returning it twice keeps it returned', async () => {
    const context = await openTestContext();
    await seedStarterValise(context, { pulled: false });
    const loan = await borrow(context, STARTER_IDS.projector, 'Camille');
    expect((await readToolbox(context)).loans.map((open) => open.id)).toEqual([loan.id]);
    await giveBack(context, loan.id);
    await giveBack(context, loan.id);
    expect((await readToolbox(context)).loans).toEqual([]);
    expect((await context.db.records('loans').get(loan.id))?.returnedAt).toBeTruthy();
  });

  test('freeing the valise’s files removes only bytes the server already has', async () => {
    const context = await openTestContext();
    const sent = await saveItem(context, null, { ...sheet, title: 'Envoyée' }, null, null);
    const unsent = await saveItem(context, null, { ...sheet, title: 'Pas encore envoyée' }, null, null);
    for (const [item, text] of [
      [sent, 'déjà sur le serveur'],
      [unsent, 'seulement ici'],
    ] as const) {
      const data = new TextEncoder().encode(text).buffer as ArrayBuffer;
      const file = await attachFile(context, {
        ownerType: 'toolboxItems',
        ownerId: item.id,
        kind: 'file',
        fileName: `${text}.pdf`,
        mimeType: 'application/pdf',
        data,
      });
      await updateRecord(context, 'toolboxItems', item.id, { attachmentId: file.id });
      if (item === sent) await markBlobUploaded(context, file.sha256);
    }
    expect(await valiseFilesUsage(context)).toEqual({
      count: 1,
      bytes: new TextEncoder().encode('déjà sur le serveur').byteLength,
    });
    expect(await freeValiseFiles(context)).toBe(1);
    const files = await readItemFiles(context);
    expect(files.get(sent.id)?.state).toBe('pending');
    expect(files.get(unsent.id)?.state).toBe('downloaded');
    expect(await offlineFilesToFetch(context)).toEqual([files.get(sent.id)?.attachment.sha256]);
  });
});
