// The backup file of a device: every record with the clock of each field, plus (optionally)
// the bytes of its files. A restore merges it like a sync would — per field, by clock — so an
// old file never overwrites a newer edit and restoring the same file twice changes nothing.
import * as v from 'valibot';
import { ID_PATTERN } from './ids';
import { jsonPieces, parseJsonInSlices } from './json-in-slices';
import { clockOf, type FieldClocks, mergePatch, type Patch, type RecordState } from './merge';
import { cleanName } from './person-name';
import { isRecordType, MAP_FIELDS, RECORD_TYPES, type RecordType } from './record-types';
import { Sha256 } from './sha256';
import { type FieldIssue, validateRecord } from './validation';

const BACKUP_FORMAT = 'valise-backup';
/** Bumped when the body changes shape; reading then brings older bodies to the new one. */
const BACKUP_VERSION = 1;

interface BackupFile {
  sha256: string;
  mimeType: string;
  /** The bytes, base64. */
  data: string;
}

export interface BackupBody {
  exportedAt: string;
  /** The network the device was in ("local" when it had joined none). */
  networkId: string;
  networkName: string | null;
  appVersion: string;
  records: { [K in RecordType]?: RecordState[] };
  /**
   * Records of types this version does not know (a later release wrote them), kept apart so an
   * older app still reads the rest of the file; a version that knows a type reads them as records.
   */
  unknownRecords?: Record<string, RecordState[]>;
  files: BackupFile[];
  /** The device's own settings (absent from files saved before they were kept). */
  settings?: BackupSettings;
}

interface BackupSettings {
  /** The name written on records before the device joins a network. */
  authorName: string;
}

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** SHA-256 of the body as written, so a truncated or edited file is refused. */
  checksum: string;
  body: BackupBody;
}

export type BackupProblem =
  | { kind: 'not_json' }
  /** Nested deeper than any backup (`MAX_FILE_DEPTH`): its checksum alone would overflow the stack. */
  | { kind: 'too_deep' }
  | { kind: 'not_backup' }
  | { kind: 'newer_version'; version: number }
  | { kind: 'checksum' }
  /**
   * Records of types this version does not know that have no id (`count` of them): kept by
   * type and id, they would all become one. No app writes such a record: the file was made by hand.
   */
  | { kind: 'unknown_without_id'; count: number }
  | { kind: 'invalid_record'; type: RecordType; id: string; issue: FieldIssue | undefined };

type ParsedBackup = { ok: true; backup: Backup } | { ok: false; problem: BackupProblem };

/** How far reading a file is: the share of its text read (and its checksum), then its records checked. */
export type ReadProgress = { step: 'reading'; share: number } | { step: 'checking'; checked: number; total: number };

/** A file's text up to its body, as every version wrote it. */
export const fileHead = (checksum: string) =>
  `{"format":"${BACKUP_FORMAT}","version":${BACKUP_VERSION},"checksum":"${checksum}","body":`;

/** How every version of the app writes a file's start (fileHead), up to its body. */
const WRITTEN_HEAD = new RegExp(`^\\{"format":"${BACKUP_FORMAT}","version":\\d+,"checksum":"[0-9a-f]{64}","body":`);

/**
 * Whether the file's body is the one its checksum was made of. The body's text as it sits in a
 * file the app wrote is hashed as it is; re-writing the parsed body (what every version did
 * before) is left for a file written otherwise (re-formatted, say) or refused that way, so
 * every file accepted before still is, and a file the app wrote no longer pays for it.
 */
async function checksumHolds(text: string, body: unknown, checksum: string, pause: () => Promise<void>) {
  const head = WRITTEN_HEAD.exec(text);
  const sha256 = (pieces: string[]) => sha256OfPieces(pieces, pause);
  if (head && text.endsWith('}') && (await sha256(textPieces(text, head[0].length, text.length - 1))) === checksum) {
    return true;
  }
  return (await sha256(await jsonPieces(body, pause))) === checksum;
}

const CLOCK = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z-[0-9a-f]{4}-[0-9a-f]{16}$/));
const STATE = v.object({ data: v.record(v.string(), v.unknown()), clocks: v.record(v.string(), CLOCK) });
const envelopeSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  checksum: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)),
  body: v.object({
    exportedAt: v.string(),
    networkId: v.string(),
    networkName: v.nullable(v.string()),
    appVersion: v.string(),
    // Each record's state is checked one by one below, between pauses.
    records: v.record(v.string(), v.array(v.unknown())),
    unknownRecords: v.optional(v.record(v.string(), v.array(v.unknown()))),
    files: v.optional(
      v.array(
        v.object({ sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)), mimeType: v.string(), data: v.string() }),
      ),
      [],
    ),
    // The name signs every change the device writes: cleaned as a name that comes through the wire.
    settings: v.optional(
      v.object({
        authorName: v.pipe(v.string(), v.transform(cleanName), v.maxLength(120)),
      }),
    ),
  }),
});

/** Records checked between two calls of `parseBackup`'s `pause`. */
const CHECKED_PER_PAUSE = 50;

/**
 * Reads a file a person picked: anything that is not a complete, untouched Valise backup of a
 * version this app knows is refused with the reason, before anything is written. Reading a
 * large file takes seconds of a phone (36 MB: parsing, checksum, each record checked): `pause`
 * is awaited often with how far it is, so the caller can give the page back and say so.
 */
export async function parseBackup(
  text: string,
  pause: (progress: ReadProgress) => Promise<void> = async () => {},
): Promise<ParsedBackup> {
  const read = await parseJsonInSlices(text, (share) => pause({ step: 'reading', share }));
  if (!read.ok) return { ok: false, problem: { kind: read.problem } };
  const json = read.value;
  const format = (json as { format?: unknown } | null)?.format;
  if (format !== BACKUP_FORMAT) return { ok: false, problem: { kind: 'not_backup' } };
  const envelope = v.safeParse(envelopeSchema, json);
  if (!envelope.success) return { ok: false, problem: { kind: 'not_backup' } };
  const { version, checksum } = envelope.output;
  if (version > BACKUP_VERSION) return { ok: false, problem: { kind: 'newer_version', version } };
  const readAll = () => pause({ step: 'reading', share: 1 });
  if (!(await checksumHolds(text, (json as { body: unknown }).body, checksum, readAll))) {
    return { ok: false, problem: { kind: 'checksum' } };
  }
  const { body } = envelope.output;
  const records: BackupBody['records'] = {};
  // A Map: a type named like a member of every object ("toString") is a type like any other.
  const unknownRecords = new Map<string, RecordState[]>();
  const groups = [...Object.entries(body.unknownRecords ?? {}), ...Object.entries(body.records)];
  const total = groups.reduce((sum, [, states]) => sum + states.length, 0);
  let checkedCount = 0;
  let unknownWithoutId = 0;
  for (const [type, states] of groups) {
    const kept: RecordState[] = [];
    for (const state of states) {
      const shape = v.safeParse(STATE, state);
      if (!shape.success) return { ok: false, problem: { kind: 'not_backup' } };
      checkedCount += 1;
      if (checkedCount % CHECKED_PER_PAUSE === 0) await pause({ step: 'checking', checked: checkedCount, total });
      // A type this version does not know (from a newer app) is carried unchecked, as it is.
      if (!isRecordType(type)) {
        // Any text: a later release's ids need not be this one's; stored under `String(id)`,
        // a missing one ("undefined"), 1 and "1", every object ("[object Object]") would collide.
        const id = shape.output.data.id;
        if (typeof id !== 'string' || id === '') unknownWithoutId += 1;
        kept.push(shape.output);
        continue;
      }
      const id = typeof shape.output.data.id === 'string' ? shape.output.data.id : '';
      const checked = validateRecord(type, shape.output.data);
      if (!checked.ok || !ID_PATTERN.test(id)) {
        const issue = checked.ok ? undefined : checked.issues[0];
        return { ok: false, problem: { kind: 'invalid_record', type, id, issue } };
      }
      kept.push({ data: checked.value as Record<string, unknown>, clocks: shape.output.clocks });
    }
    if (isRecordType(type)) records[type] = [...(records[type] ?? []), ...kept];
    else unknownRecords.set(type, [...(unknownRecords.get(type) ?? []), ...kept]);
  }
  if (unknownWithoutId > 0) return { ok: false, problem: { kind: 'unknown_without_id', count: unknownWithoutId } };
  for (const type of RECORD_TYPES) {
    const states = records[type];
    if (states) records[type] = onePerRecord(type, states);
  }
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      version,
      checksum,
      body: { ...body, records, unknownRecords: Object.fromEntries(unknownRecords) },
    },
  };
}

/**
 * Each record once. A file made by hand, or two files pasted into one, may hold a record twice:
 * restored side by side, both copies counted as added and the last one written won whole, older
 * fields and all. Its copies are merged field by field by the restore's own rule, as if restored
 * one after the other.
 */
function onePerRecord(type: RecordType, states: RecordState[]): RecordState[] {
  const indexOf = new Map<unknown, number>();
  const kept: RecordState[] = [];
  for (const state of states) {
    const index = indexOf.get(state.data.id);
    const earlier = index === undefined ? undefined : kept[index];
    if (index === undefined || !earlier) {
      indexOf.set(state.data.id, kept.length);
      kept.push(state);
    } else kept[index] = restoreRecord(type, earlier, state, earlier.data.networkId as string)?.state ?? earlier;
  }
  return kept;
}

/**
 * A backup of another network than the device's: restoring it shares its records with this
 * network's members, so the person is asked first. A device or a file of no network ("local")
 * is never foreign: its records simply join the device's network.
 */
export function isForeignBackup(backupNetworkId: string, deviceNetworkId: string, localNetwork: string): boolean {
  return backupNetworkId !== localNetwork && deviceNetworkId !== localNetwork && backupNetworkId !== deviceNetworkId;
}

export function countBackupRecords(body: BackupBody): { [K in RecordType]?: number } {
  const counts: { [K in RecordType]?: number } = {};
  for (const type of RECORD_TYPES) {
    const live = (body.records[type] ?? []).filter((state) => state.data.deleted !== true).length;
    if (live > 0) counts[type] = live;
  }
  return counts;
}

/** What restoring one record does: nothing (null), a new record (keys null), or these fields. */
interface RestoredRecord {
  state: RecordState;
  keys: string[] | null;
}

/**
 * Merges a record of a backup into the device's copy by the same per-field rule as a sync:
 * a field (or map entry) takes the backup's value only where the backup's clock is later.
 * A new record is adopted by the device's network (the server does the same on its side).
 */
export function restoreRecord(
  type: RecordType,
  local: RecordState | undefined,
  incoming: RecordState,
  networkId: string,
): RestoredRecord | null {
  if (!local) {
    return { state: { data: { ...incoming.data, networkId }, clocks: { ...incoming.clocks } }, keys: null };
  }
  const patch = patchOf(type, incoming);
  const merged = mergePatch(type, local, patch);
  if (!merged.changed) return null;
  const keys = Object.keys(patch.fields).filter((key) => clockOf(merged.clocks, key) !== clockOf(local.clocks, key));
  return { state: { data: merged.data, clocks: merged.clocks }, keys };
}

/** A whole record as a patch: every field with its clock, and each map entry that has its own. */
function patchOf(type: RecordType, state: RecordState): Patch {
  const fields: Record<string, unknown> = {};
  const clocks: FieldClocks = {};
  for (const [key, value] of Object.entries(state.data)) {
    fields[key] = value;
    clocks[key] = clockOf(state.clocks, key);
  }
  const mapFields: readonly string[] = MAP_FIELDS[type];
  for (const [key, clock] of Object.entries(state.clocks)) {
    const dot = key.indexOf('.');
    if (dot <= 0 || !mapFields.includes(key.slice(0, dot))) continue;
    const map = state.data[key.slice(0, dot)] as Record<string, unknown> | undefined;
    fields[key] = map?.[key.slice(dot + 1)] ?? null;
    clocks[key] = clock;
  }
  return { fields, clocks };
}

/** The latest clock of a set of records, for the device's clock to move past. */
export function latestClock(states: Iterable<RecordState>): string {
  let latest = '';
  for (const state of states) for (const clock of Object.values(state.clocks)) if (clock > latest) latest = clock;
  return latest;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const BACKUP_REMINDER_DAYS = 7;

/**
 * Whether Réglages should remind to save a backup: browsers may evict storage, so a change
 * that has been neither sent to a server nor saved in a backup for a week is at risk.
 * `oldestUnsavedAt` is when the oldest such change was written (null: there is none), so a
 * brand-new device, or one whose changes all went up, is not warned.
 */
export function needsBackupReminder(now: Date, oldestUnsavedAt: string | null): boolean {
  return oldestUnsavedAt !== null && now.getTime() - Date.parse(oldestUnsavedAt) >= BACKUP_REMINDER_DAYS * DAY_MS;
}

/** Characters measured or encoded between two pauses: a few milliseconds. */
const ENCODED_PER_PAUSE = 1 << 20;

/** `text[start, end)` in pieces to encode one at a time, never cut between the halves of a surrogate pair. */
export function textPieces(text: string, start: number, end: number): string[] {
  const pieces: string[] = [];
  while (start < end) {
    let cut = Math.min(end, start + ENCODED_PER_PAUSE);
    const last = text.charCodeAt(cut - 1);
    if (cut < end && last >= 0xd800 && last <= 0xdbff) cut -= 1;
    pieces.push(text.slice(start, cut));
    start = cut;
  }
  return pieces;
}

/**
 * The SHA-256 of the UTF-8 of the pieces one after the other, each encoded and hashed in turn as
 * the save hashes what it writes: the text of a 40 MB file is never copied into one buffer (a
 * phone's memory, beside the text and its parsed body), nor hashed in one task. No piece may
 * end halfway through a surrogate pair (a lone half is U+FFFD, as every encoder writes it).
 */
async function sha256OfPieces(pieces: readonly string[], pause: () => Promise<void>): Promise<string> {
  const hash = new Sha256();
  const encoder = new TextEncoder();
  let since = 0;
  for (const piece of pieces) {
    hash.update(encoder.encode(piece));
    since += piece.length;
    if (since < ENCODED_PER_PAUSE) continue;
    since = 0;
    await pause();
  }
  return hash.hex();
}

/** Base64 of bytes, for files inside the JSON backup. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let index = 0; index < bytes.length; index += chunk) {
    binary += String.fromCharCode(...bytes.subarray(index, index + chunk));
  }
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
