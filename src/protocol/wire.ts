// The wire format between a device and its network's server (documented in README.md here).
// Request bodies are validated with these schemas on the server; the client builds them.
import * as v from 'valibot';
import { ID_PATTERN } from '../domain/ids';
import type { FieldClocks } from '../domain/merge';
import { cleanName } from '../domain/person-name';
import { isReservedName } from '../domain/reserved-names';
import type { FieldIssue } from '../domain/validation';
import { ROLES, type Role } from '../domain/vocabulary';
import { HLC_PATTERN, NODE_PATTERN } from './hlc';

/**
 * The version of this wire format; bumped only for a change old devices cannot read (README).
 * 2: a pushed mutation may give one `clock` for its fields, with `clocks` only for exceptions.
 */
export const PROTOCOL_VERSION = 2;
/** The oldest protocol this release's server still serves; older clients get 426. */
export const MIN_PROTOCOL_VERSION = 1;
/** Sent by the app on every request: its version (package.json) and its protocol version. */
export const APP_HEADER = 'X-Valise-App';
export const PROTOCOL_HEADER = 'X-Valise-Protocol';
/** Sent by the server on every API answer: its version. */
export const SERVER_HEADER = 'X-Valise-Server';
export const MAX_PUSH_MUTATIONS = 1000;
export const MAX_PULL_LIMIT = 5000;
/** A record's JSON longer than this is refused (a million characters: about 1 MB). */
export const MAX_RECORD_CHARS = 1_000_000;
/** Entries one map field of a record may hold (a diagnostic's answers, an event's attendees…). */
export const MAX_MAP_ENTRIES = 2_000;

const uuid = ID_PATTERN.source.slice(1, -1);
/** One mutation id per outbox entry; a bulk entry's mutations are `<entry id>:<record id>`. */
const MUTATION_ID_PATTERN = new RegExp(`^${uuid}(:${uuid})?$`);
const FIELD_KEY_PATTERN = /^[a-zA-Z][a-zA-Z0-9]{0,63}(\.[a-zA-Z0-9_-]{1,64})?$/;

const clock = v.pipe(v.string(), v.regex(HLC_PATTERN, 'must be a hybrid logical clock timestamp'));

/**
 * Field name → value, keeping every key it was given. valibot's `record` skips `__proto__`,
 * `constructor` and `prototype` without a word, so a change holding one would be answered
 * "applied" with part of it dropped: such names pass here and the push refuses that mutation
 * alone, naming the field (src/server/push/plan.ts).
 */
function fieldMap<T>(value: v.GenericSchema<unknown, T>) {
  // Any value passes v.unknown(): a valibot run per field of every pushed mutation (about a
  // seventh of the CPU the push schema took on 1,000 visits) found nothing.
  const entrySchema = value.type === 'unknown' ? null : value;
  return v.pipe(
    v.custom<Record<string, T>>(isPlainObject, 'must be an object'),
    v.rawCheck(({ dataset, addIssue }) => {
      if (!dataset.typed) return;
      const map = dataset.value as Record<string, unknown>;
      // for…in: no array of entries built per map (a JSON object inherits no enumerable key).
      for (const key in map) {
        const entry = map[key];
        const named = FIELD_KEY_PATTERN.test(key) || isReservedName(key);
        const message = named ? entrySchema && entryProblem(entrySchema, entry) : 'must be a field name';
        if (message)
          addIssue({
            message,
            path: [{ type: 'object', origin: named ? 'value' : 'key', input: map, key, value: entry }],
          });
      }
    }),
  );
}

function entryProblem(schema: v.GenericSchema, entry: unknown): string | null {
  const result = v.safeParse(schema, entry);
  return result.success ? null : (result.issues[0]?.message ?? 'is not valid');
}

const notAPart = (issue: v.BaseIssue<unknown>) =>
  issue.expected === 'never'
    ? `is not a part of this request (${String(issue.input).slice(0, 64)})`
    : 'must be an object';

/** The shape of a record type's name; which types a server knows is decided per mutation. */
const RECORD_TYPE_PATTERN = /^[a-zA-Z][a-zA-Z0-9]{0,63}$/;

const mutationSchema = v.pipe(
  v.strictObject(
    {
      id: v.pipe(v.string(), v.regex(MUTATION_ID_PATTERN, 'must be a mutation id')),
      // A type of a later release is refused for that mutation alone, not for the whole push.
      type: v.pipe(v.string(), v.regex(RECORD_TYPE_PATTERN, 'must be a record type')),
      recordId: v.pipe(v.string(), v.regex(ID_PATTERN, 'must be a record id')),
      fields: v.pipe(
        fieldMap(v.unknown()),
        v.check((f) => Object.keys(f).length > 0, 'must not be empty'),
      ),
      /** Protocol 2: the clock of every field without an entry in `clocks`. */
      clock: v.optional(clock),
      clocks: v.optional(fieldMap(clock)),
      base: v.optional(fieldMap(v.union([v.literal(''), clock]))),
      /** Sent again after the server came back from a backup (a new epoch), not a new edit. */
      resent: v.optional(v.literal(true)),
    },
    notAPart,
  ),
  v.check((mutation) => mutation.clock !== undefined || mutation.clocks !== undefined, 'must have a clock or clocks'),
);
/** A mutation as sent: protocol 1 gives `clocks` for every field, protocol 2 may give one `clock`. */
export type WireMutation = v.InferOutput<typeof mutationSchema>;
/** A mutation with the clock of each of its fields, as a server applies it (and protocol 1 sends it). */
export type Mutation = Omit<WireMutation, 'clock' | 'clocks'> & { clocks: Record<string, string> };

/** Every field's own clock: `clock` stands for the fields without an entry in `clocks`. */
export function withFieldClocks(mutation: WireMutation): Mutation {
  const { clock, clocks } = mutation;
  let every = clocks ?? {};
  if (clock !== undefined) {
    every = {};
    for (const key in mutation.fields) every[key] = clocks?.[key] ?? clock;
  }
  // Copied key by key, in the same order as a rest pattern and a spread would, which took
  // about ten times as long: a server expands every mutation of every push.
  const applied: Record<string, unknown> = {};
  for (const key in mutation)
    if (key !== 'clock' && key !== 'clocks') applied[key] = mutation[key as keyof WireMutation];
  applied.clocks = every;
  return applied as Mutation;
}

/**
 * The shortest form of a mutation (protocol 2): its most common clock as `clock`, the others
 * as exceptions. A bulk write's mutations then carry one clock each instead of one per field.
 */
export function withOneClock({ clocks, ...mutation }: Mutation): WireMutation {
  const counts = new Map<string, number>();
  let clock = '';
  let most = 0;
  for (const key of Object.keys(clocks)) {
    const value = clocks[key] as string;
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (count > most) {
      most = count;
      clock = value;
    }
  }
  if (most === 0) return { ...mutation, clocks };
  const exceptions: Record<string, string> = {};
  let any = false;
  for (const key of Object.keys(clocks)) {
    if (clocks[key] === clock) continue;
    exceptions[key] = clocks[key] as string;
    any = true;
  }
  // A field without any clock would take `clock`: it gets its own entry instead, as before.
  for (const key of Object.keys(mutation.fields)) {
    if (clocks[key] !== undefined) continue;
    return { ...mutation, clocks };
  }
  return any ? { ...mutation, clock, clocks: exceptions } : { ...mutation, clock };
}

export const pushRequestSchema = v.strictObject(
  {
    mutations: v.pipe(
      v.array(mutationSchema),
      v.maxLength(MAX_PUSH_MUTATIONS, `at most ${MAX_PUSH_MUTATIONS} mutations per push`),
    ),
  },
  notAPart,
);
export type PushRequest = v.InferOutput<typeof pushRequestSchema>;

/** A record as the server holds it, sent on pull; its type may be one a device does not know. */
export interface Change {
  type: string;
  id: string;
  seq: number;
  data: Record<string, unknown>;
  clocks: FieldClocks;
}

/**
 * Why a mutation was refused, for the device to say in its own words (`reason` says it in
 * English, for logs and for devices that know no code). A later server may send a code this
 * list lacks, and an earlier one sent none: a device then shows `reason`.
 */
export const REFUSAL_CODES = [
  /** The record breaks a rule of its type: `issues` names the fields. */
  'invalid_record',
  /** The record would exceed MAX_RECORD_CHARS. */
  'too_large',
  /** A record type this server does not know (yet). */
  'unknown_type',
  /** An edit of a record the network does not hold. */
  'not_found',
  /** The device's role may not make this change, or the id is another network's. */
  'forbidden',
  /** The record id belongs to a record of another type. */
  'wrong_type',
  /** Another change of this push already used the mutation id. */
  'repeated_id',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export type MutationResult =
  | { id: string; status: 'applied' }
  /** Valid, but every field it carried was already newer on the server: nothing changed. */
  | { id: string; status: 'unchanged'; reason: string }
  | {
      id: string;
      status: 'rejected';
      reason: string;
      /** Absent from older servers and from the replay of an earlier push's refusal. */
      code?: string;
      /** With `invalid_record`: the fields at fault, as the domain's validation names them. */
      issues?: FieldIssue[];
      /**
       * The record as the server holds it (null: it holds none). Sent once per record and
       * push: absent on a later refusal of the same record, whose state is in the earlier one.
       */
      current?: Change | null;
    };

export interface ServerTime {
  /** Server wall clock (ms since epoch) when it answered: devices correct their clock with it. */
  serverTime: number;
}

export interface PushResponse extends ServerTime {
  results: MutationResult[];
  /** Set when some clock of the push was too far ahead of the server's and was clamped. */
  clockAheadMs?: number;
}

export interface PullResponse extends ServerTime {
  /** The server's identity; a new one means it was restored from a backup (see README). */
  epoch?: string;
  /**
   * Sent only to a pull that names no epoch: the store was restored (or went back in time) at
   * least once since its first start. A device that pulled before it kept epochs (0.1.0) may hold
   * what it lost, and gives everything back (src/sync/server-epoch.ts).
   */
  restored?: boolean;
  changes: Change[];
  /** Pass back as `since` to continue. */
  cursor: number;
  hasMore: boolean;
  /** Total number of records of the network after `since`, for a progress bar on long pulls. */
  remaining: number;
  /**
   * Asked with `room=files` (FILES_ROOM): the bytes the network's files may still take under its
   * quota. A device holding files the quota refused sends again those that now fit. An older
   * server leaves it out, and the device keeps them aside.
   */
  filesRoomBytes?: number;
  /** The network's name now: an admin may have corrected it since the device joined. Older servers leave it out. */
  networkName?: string;
}

/** The value of the pull's `room` parameter that asks for `filesRoomBytes`. */
export const FILES_ROOM = 'files';

/** A person's or a device's name (see cleanName), refused when nothing of it shows. */
function nameSchema(maxLength: number) {
  return v.pipe(v.string(), v.transform(cleanName), v.minLength(1), v.maxLength(maxLength));
}

/** The longest network name a server keeps, in UTF-16 units as `String.length` counts them. */
const NETWORK_NAME_MAX = 120;

/** A network's name, as its admin gives it (shown on every device of the network). */
export const networkNameSchema = nameSchema(NETWORK_NAME_MAX);

/**
 * What a server calls a network whose stored name shows nothing once cleaned (only U+200B or
 * bidi controls): devices take no empty name, and one refused in a join answer would have used
 * up its invitation for a refusal the member cannot fix.
 */
const UNNAMED_NETWORK = 'Réseau sans nom';

/**
 * A network's name as a server answers it: cleaned and cut to the longest a server keeps. The
 * command line took any name before it checked them (`networks create`): such a network is
 * answered so, and its devices, which take no other name, keep syncing.
 */
export function networkNameOnWire(stored: string): string {
  const name = cleanName(stored);
  // A cut through a surrogate pair leaves half of it, which cleanName takes out.
  return (name.length > NETWORK_NAME_MAX ? cleanName(name.slice(0, NETWORK_NAME_MAX)) : name) || UNNAMED_NETWORK;
}

/**
 * Whether an answer's network name is one a server gives (networkNameOnWire). A device keeps it
 * and shows it on its screens and in its backups: a number, an object, a page of text or a name
 * drawn backwards is no network's name, and the answer holding it is not the server's.
 */
export function isNetworkName(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && value.length <= NETWORK_NAME_MAX && cleanName(value) === value;
}

/** A JSON object with named members: not null, not a list (what an answer or a record's data is). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** An invitation code as servers make them: the admin panel takes back only such codes. */
export const INVITATION_CODE_PATTERN = /^[A-Z0-9-]{6,40}$/i;

const invitationCodeSchema = v.pipe(
  v.string(),
  v.trim(),
  v.regex(INVITATION_CODE_PATTERN, 'must be an invitation code'),
);

/** Every server took member names of 1 to 120 characters. */
export const MEMBER_NAME_MAX = 120;

export const joinRequestSchema = v.strictObject({
  code: invitationCodeSchema,
  deviceName: nameSchema(80),
  memberName: nameSchema(MEMBER_NAME_MAX),
  /** The node id of the device's clock, so the server can name the author of a conflicting text. */
  clockNode: v.pipe(v.string(), v.regex(NODE_PATTERN, 'must be 16 hex digits')),
});
export type JoinRequest = v.InferOutput<typeof joinRequestSchema>;

export interface SessionInfo {
  networkId: string;
  networkName: string;
  deviceId: string;
  /**
   * The member the device joined as, whose devices share it: an event note is its author's
   * (`authorId`). Optional: servers older than member ids leave it out.
   */
  memberId?: string;
  memberName: string;
  role: Role;
  /** Attachments larger than this are refused by the server. */
  maxAttachmentBytes: number;
}

export interface JoinResponse extends SessionInfo, ServerTime {
  /** Bearer token for this device; the server keeps only its hash. */
  token: string;
}

export const invitationRequestSchema = v.strictObject({
  role: v.picklist(ROLES),
  /**
   * A new device of this member (a `memberId` of the network's devices): it joins as that
   * member, under their name, and changes their notes. Without it, the invitation lets in a
   * new member, who cannot, whatever name they type.
   */
  forMember: v.optional(v.pipe(v.string(), v.regex(ID_PATTERN, 'must be a member id'))),
  expiresInHours: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(24 * 90)), 72),
});
export type InvitationRequest = v.InferOutput<typeof invitationRequestSchema>;

/** An admin ends an invitation not used yet (POST /api/admin/invitations/cancel); the answer is 204. */
export const invitationCancelSchema = v.strictObject({ code: invitationCodeSchema });
export type InvitationCancel = v.InferOutput<typeof invitationCancelSchema>;

/** An admin corrects the network's name (PUT /api/admin/network); the answer is `{ networkName }`. */
export const networkRenameSchema = v.strictObject({ name: networkNameSchema });
export type NetworkRename = v.InferOutput<typeof networkRenameSchema>;

export interface InvitationResponse {
  code: string;
  role: Role;
  expiresAt: string;
  /**
   * The invitation's id, as the open invitations list names it: a device knows the one it shows
   * is gone when it is cancelled from that list. Optional: servers older than that list leave it out.
   */
  id?: string;
}

/**
 * An invitation neither used nor over, as `GET /api/admin/invitations` lists it: never its code,
 * which the server does not keep. `createdAt` is null for one made before the server kept it;
 * `creator` (the device that made it, named as it is now, revoked since or not) too, and for one
 * made by the server's command line.
 */
export interface OpenInvitationInfo {
  id: string;
  role: Role;
  createdAt: string | null;
  expiresAt: string;
  creator: { deviceName: string; memberName: string } | null;
  /** The member whose new device it lets in, by their name; null: a new member. Servers older than member ids leave it out. */
  forMemberName?: string | null;
}

export interface DeviceInfo {
  id: string;
  name: string;
  /** Its member (shared by their devices); servers older than member ids leave it out. */
  memberId?: string;
  memberName: string;
  role: Role;
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

/** What a server says of itself (in /api/session and /api/health). */
export interface ServerInfo {
  /** The server's release (package.json version). */
  serverVersion: string;
  protocol: number;
  minProtocol: number;
}

/** The answer (426) to a client whose protocol the server no longer serves. */
export interface UpgradeRequired extends ApiError {
  code: 'upgrade_required';
  minProtocol: number;
  protocol: number;
  serverVersion: string;
}

/**
 * The network's files and records against their quotas (GET /api/admin/storage): their figures
 * let an admin notice a device pushing without end before the network is full.
 */
export interface StorageInfo {
  usedBytes: number;
  quotaBytes: number;
  /** Absent from a server older than these figures (a front hosted apart, a rolled-back server). */
  recordCount?: number;
  recordBytes?: number;
  /** Absent from a server older than the records' quota (VALISE_NETWORK_RECORD_BYTES). */
  recordQuotaBytes?: number;
}

/**
 * A device's next token (POST /api/session/token), chosen by the device and stored by it before
 * it asks: whatever happens to the answer, it holds a token that works. Without a body the
 * server chooses one. Either way the token it replaces stops working.
 */
export const tokenRequestSchema = v.strictObject({
  token: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{43,200}$/, 'must be at least 32 random bytes in base64url')),
});
export type TokenRequest = v.InferOutput<typeof tokenRequestSchema>;

export interface TokenResponse {
  token: string;
}

/** Every error answer of the API. */
export interface ApiError {
  error: string;
  /** Machine-readable code, e.g. "invalid_body", "unauthorized", "too_large". */
  code: string;
  issues?: { field: string; message: string }[];
  /** With a 429: how long to wait before the next request (also the Retry-After header). */
  retryAfterSeconds?: number;
}
