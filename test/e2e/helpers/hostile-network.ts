// A network where a hostile device wrote a record of each type a screen shows, every free text
// of it markup or one long word opening with a right-to-left override: hostile-text.test.ts in
// Chromium, and the engine journeys in Firefox and WebKit, open the pages that show them.
import { newId } from '../../../src/domain/ids';
import { formatHlc } from '../../../src/protocol/hlc';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../../src/protocol/wire';
import { sampleRecords } from '../../fixtures/records';
import { RECORD_LISTS } from '../pages/shell-page';

export const MARKUP = '<img src=x onerror=alert(1)><script>alert(1)</script>';
/** One unbroken word, as long as a tag may be, opening with a right-to-left override. */
export const WORD = `\u202E${'Anticonstitutionnellement'.repeat(3)}`.slice(0, 58);
const LONG_TEXT = `${MARKUP}\n${'Anticonstitutionnellement'.repeat(12)}`;
/** Where the hostile device's links lead: another origin, which no page may call by itself. */
export const ELSEWHERE = 'https://pistage.example';
/** A description's links: one to another origin, and ones that must stay text. */
const LINKS = `[Ouvrir le pad](${ELSEWHERE}/pad) [piège](javascript:alert(1)) [fichier](file:///etc/passwd)`;

/** One record of each type a screen shows, every free text of it hostile, every name `word`. */
function hostileRecords(
  now: number,
  word: string,
  unlinkedWord: string,
): { type: string; fields: Record<string, unknown> }[] {
  const records = sampleRecords() as unknown as Record<string, Record<string, unknown>>;
  const contactId = records.contacts?.id as string;
  const hostile = (name: string): Record<string, Record<string, unknown>> => ({
    organisations: {
      name,
      address: name,
      commune: name,
      territoryLabel: name,
      notes: LONG_TEXT,
      tags: [name],
      website: `${ELSEWHERE}/lieu`,
    },
    contacts: { name, role: name, tags: [name], consentNote: LONG_TEXT, email: 'camille@pistage.example' },
    visits: { purpose: `${MARKUP} ${name}`, notes: LONG_TEXT, placeLabel: name },
    followUps: { text: name, owner: name },
    events: { title: name, organisers: [name], attendees: { [contactId]: { name, status: 'present' } } },
    eventNotes: { text: LONG_TEXT, authorName: name },
    toolboxItems: { title: name, description: `${LINKS}\n\n${LONG_TEXT}`, tags: [name], link: `${ELSEWHERE}/outil` },
    loans: { holderName: name },
    packingLists: { title: name },
    diagnosticTemplates: { title: name },
    diagnostics: { sectionComments: { communaute: LONG_TEXT } },
  });
  const at = new Date(now).toISOString();
  const stamp = { networkId: 'any', createdAt: at, updatedAt: at, updatedBy: word, deleted: false };
  const linked = Object.entries(hostile(word)).map(([type, fields]) => ({
    type,
    fields: { ...stamp, ...records[type], ...fields },
  }));
  // A lieu and a person linked to nothing, which forms offer among their suggestions.
  const unlinked = (['organisations', 'contacts'] as const).map((type) => ({
    type,
    fields: {
      ...stamp,
      ...records[type],
      ...hostile(unlinkedWord)[type],
      id: newId(),
      ...(type === 'contacts' ? { organisationIds: [] } : {}),
    },
  }));
  return [...linked, ...unlinked];
}

/** A POST to the server's API as another device of the network makes it (`url`: the whole address). */
export async function api(url: string, token: string | undefined, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      [PROTOCOL_HEADER]: String(PROTOCOL_VERSION),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (response.status >= 300) throw new Error(`${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

export interface HostileNetwork {
  /** A single-use invitation for an admin, whose Réglages list the hostile device by its name. */
  adminCode: string;
  /** The id of the hostile record of `type` linked to the others (its lieu, its contact…). */
  id(type: string): string;
}

/** The pages that show the hostile names: each record's, the forms that hold them, the lists. */
export function namePages(id: HostileNetwork['id']): string[] {
  return [
    `#/visites/${id('visits')}`,
    `#/contacts/lieu/${id('organisations')}`,
    `#/contacts/personne/${id('contacts')}`,
    `#/evenements/${id('events')}`,
    `#/valise/element/${id('toolboxItems')}`,
    `#/valise/liste/${id('packingLists')}`,
    `#/diagnostics/${id('diagnostics')}`,
    // Forms: the names as a field's value, or among a picker's suggestions.
    `#/evenements/${id('events')}/modifier`,
    '#/visites/nouvelle',
    ...RECORD_LISTS,
  ];
}

/**
 * Whether `word` is drawn in main: as text, or as a field's value in a form. Runs in the page,
 * sent as source text: self-contained, so every engine's driver can send it.
 */
export function wordDrawn(word: string): boolean {
  const fields = [...document.querySelectorAll<HTMLInputElement>('main input, main textarea')];
  const main = document.querySelector('main');
  return Boolean(main?.textContent?.includes(word)) || fields.some((field) => field.value.includes(word));
}

/**
 * A hostile device joins with the server's first invitation, names itself and its member
 * `word`, and pushes its records; the lieu and person linked to nothing are named
 * `unlinkedWord` (by default `word` too).
 */
export async function hostileNetwork(
  serverUrl: string,
  firstCode: string,
  word: string,
  unlinkedWord = word,
): Promise<HostileNetwork> {
  const intruder = await api(`${serverUrl}/api/join`, undefined, {
    code: firstCode,
    deviceName: word,
    memberName: word,
    clockNode: 'abcdefabcdefabcd',
  });
  const token = intruder.token as string;
  const now = Date.now();
  const clock = formatHlc({ millis: now, counter: 0, node: 'abcdefabcdefabcd' });
  const records = hostileRecords(now, word, unlinkedWord);
  const pushed = await api(`${serverUrl}/api/sync/push`, token, {
    mutations: records.map(({ type, fields }) => ({ id: newId(), type, recordId: fields.id, fields, clock })),
  });
  const refused = (pushed.results as { status: string }[]).filter((result) => result.status !== 'applied');
  if (refused.length > 0) throw new Error(`the server refused hostile records: ${JSON.stringify(refused)}`);
  const { code } = await api(`${serverUrl}/api/admin/invitations`, token, { role: 'admin' });
  return {
    adminCode: code as string,
    id: (type) => records.find((record) => record.type === type)?.fields.id as string,
  };
}
