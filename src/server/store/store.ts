// What the server needs from its database. Two implementations: SQLite (embedded, default)
// and PostgreSQL (DATABASE_URL); both pass test/server/store-contract.ts.
import type { Role } from '../../domain/vocabulary';
import type { Mutation, MutationResult, OpenInvitationInfo } from '../../protocol/wire';
import type { MetaKey } from '../ops/epoch';
import type { PushContext } from '../push/plan';

export interface Network {
  id: string;
  name: string;
  createdAt: string;
}

export interface Device {
  id: string;
  networkId: string;
  name: string;
  /**
   * The member the device belongs to: its member's devices share it, and what only a note's
   * author may change is judged by it. A name is typed at each join, so anyone invited could
   * take a colleague's; the id is the server's, given by the invitation (issueInvitation).
   */
  memberId: string;
  memberName: string;
  role: Role;
  clockNode: string;
  createdAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

export interface Invitation {
  /** Names it to its network's admins, who never see its code again (only its hash is kept). */
  id: string;
  codeHash: string;
  networkId: string;
  role: Role;
  /** Null for an invitation made before the server kept when (and by whom) each was made. */
  createdAt: string | null;
  /** The admin device that made it; null when the server's command line did, or made before it was kept. */
  createdBy: string | null;
  /** The member whose new device it lets in (as that member, under their name); null: a new member. */
  forMember: string | null;
  expiresAt: string;
  usedAt: string | null;
  attempts: number;
}

/** Which invitation to end: by its code (the admin who holds it) or by its id (from the list). */
export type InvitationKey = { codeHash: string } | { id: string };

/** Characters of record JSON one pull page carries at most (beyond its first record). */
export const MAX_PULL_PAGE_CHARS = 8_000_000;

/** A pulled record with its JSON kept as text, so a page is sent without re-serialising. */
export interface RawChange {
  type: string;
  id: string;
  seq: number;
  data: string;
  clocks: string;
}

export interface PullPage {
  changes: RawChange[];
  remaining: number;
  /** The network's highest seq: a cursor beyond it means the store went back in time. */
  latestSeq: number;
}

export interface StoredAttachment {
  sha256: string;
  mimeType: string;
  size: number;
  data: Uint8Array;
}

/** How many records a network stores, and their bytes (data and clocks as stored, in UTF-8). */
export interface RecordUsage {
  count: number;
  bytes: number;
}

export interface NetworkRecordUsage extends RecordUsage {
  networkId: string;
}

/** What became of a file: stored (or already there), or refused with what the network uses. */
/** `revoked`: the uploading device was removed while its file was on its way; nothing was stored. */
export type AttachmentPut = { stored: true } | { stored: false; usedBytes: number } | { stored: false; revoked: true };

export interface PushInput {
  /**
   * Its pusher with its device's id, which no caller can leave out: the push writes nothing
   * when an admin removed that device meanwhile, judged in the push's transaction. Its token
   * was checked before its body arrived, which may take minutes: a stolen phone revoked then
   * still wrote its whole push after.
   */
  context: Omit<PushContext, 'authorOf' | 'pusher' | 'sealKey'> & {
    pusher: PushContext['pusher'] & Pick<Device, 'id'>;
  };
  mutations: readonly Mutation[];
  /**
   * The bytes of records its network may hold (VALISE_NETWORK_RECORD_BYTES): a push that would
   * take them past it writes nothing. One that frees bytes or takes none always applies, so a
   * full network still takes its members' deletions and shorter texts. Absent: no bound.
   */
  recordQuotaBytes?: number;
}

export interface PushOutput {
  results: MutationResult[];
  clockAheadMs: number;
  /** The pushing device was revoked before the push could apply: nothing was written. */
  revoked?: true;
  /** The push would have taken its network's records past their quota: nothing was written. */
  full?: { usedBytes: number };
}

/**
 * What a revocation did: `not_found` when the network holds no such active device,
 * `asker_revoked` when the device that asked for it was itself revoked meanwhile.
 */
export type Revocation = 'revoked' | 'not_found' | 'last_admin' | 'asker_revoked';

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  migrate(): Promise<void>;
  ping(): Promise<boolean>;
  close(): Promise<void>;

  createNetwork(name: string): Promise<Network>;
  getNetwork(id: string): Promise<Network | null>;
  /**
   * Gives a network another name (its devices learn it at their next pull); null, changing
   * nothing, when there is no such network, or when `askedBy` (the admin device asking) is no
   * longer active in it, judged against the revocations as createInvitation is.
   */
  renameNetwork(id: string, name: string, options?: { askedBy?: string }): Promise<Network | null>;
  listNetworks(): Promise<Network[]>;

  /**
   * Stores a new invitation; false, storing nothing, when `createdBy` is no longer an active
   * device of its network, judged against the revocations in the same transaction: revoking an
   * admin device ends its open invitations, so one it made while being revoked must not outlive it.
   */
  createInvitation(invitation: Invitation): Promise<boolean>;
  /** Counts an attempt on the code and returns it when usable (unused, not expired). */
  findInvitation(codeHash: string): Promise<Invitation | null>;
  /**
   * Marks the invitation used and creates the device, atomically; false if it was used, or
   * ended by an admin's revocation, meanwhile.
   */
  redeemInvitation(codeHash: string, device: Device, tokenHash: string): Promise<boolean>;
  /** The network's invitations neither used nor over at `at`, newest first (those of unknown date last). */
  listOpenInvitations(networkId: string, at: string): Promise<OpenInvitationInfo[]>;
  /**
   * Ends, at `at`, one invitation of this network not used yet (its admin sent it to the wrong
   * person, or with the wrong role); false, changing nothing, when the network holds no such
   * invitation still open (unknown, another network's, used or already over).
   */
  endInvitation(networkId: string, key: InvitationKey, at: string): Promise<boolean>;

  findDeviceByTokenHash(tokenHash: string): Promise<Device | null>;
  touchDevice(id: string, at: string): Promise<void>;
  listDevices(networkId: string): Promise<Device[]>;
  /**
   * Revoking an admin device also ends, at `at`, every invitation of the network not used yet:
   * a lost or stolen admin phone could have issued some, and each would let its holder back in
   * as a new device. The admins who revoke it invite again those they still expect.
   * `askedBy` (a revocation asked by an admin device, its id): nothing changes when that device
   * is no longer active, or when the revocation would leave the network without an active admin
   * device, both judged in the revocation's transaction: an admin revoked while its own request
   * was on its way revokes no one, and two admins revoking each other at once keep one.
   * Without it (the server's command line), any active device is revoked.
   */
  revokeDevice(networkId: string, deviceId: string, at: string, options?: { askedBy?: string }): Promise<Revocation>;

  /** Applies a push in one transaction: effects and mutation ids together. */
  push(input: PushInput): Promise<PushOutput>;
  /**
   * At most `limit` records after `since`, and no more than `maxChars` characters of JSON
   * (default MAX_PULL_PAGE_CHARS) past the first record: a page always fits in a string.
   */
  pull(networkId: string, since: number, limit: number, maxChars?: number): Promise<PullPage>;
  /** Every record of a network (tests and backups compare states with it). */
  snapshot(networkId: string): Promise<RawChange[]>;

  /** The server's own settings (epoch, last backup); `writeMeta` sets several in one transaction. */
  readMeta(): Promise<Partial<Record<MetaKey, string>>>;
  writeMeta(entries: readonly [MetaKey, string][]): Promise<void>;
  /** How many records devices brought back to a network during an epoch (each counted once). */
  countBroughtBack(networkId: string, epoch: string): Promise<number>;
  /** Bytes the database takes on disk. */
  sizeBytes(): Promise<number>;
  /** Bytes this process may still write on the disk holding the database; null when it is not local. */
  freeBytes(): Promise<number | null>;

  /**
   * Stores a file unless the network's files would then pass `quotaBytes` (a file it already
   * holds is always taken). Checked and written as one step: uploads that arrive together
   * cannot each see the room that only one of them fits in.
   * `uploaderId`, the device sending the file, which no caller can leave out: nothing is stored
   * when an admin removed that device meanwhile, judged in the store's transaction as a push's
   * pusher is: its token was checked before the file arrived, which may take minutes.
   */
  putAttachment(
    networkId: string,
    attachment: StoredAttachment,
    quotaBytes: number,
    uploaderId: string,
  ): Promise<AttachmentPut>;
  getAttachment(networkId: string, sha256: string): Promise<StoredAttachment | null>;
  /** The size of a file the network stores, its bytes left unread (a HEAD asks no more); null when it has none. */
  attachmentSize(networkId: string, sha256: string): Promise<number | null>;
  /** Bytes of files a network stores (its quota counts them). */
  attachmentBytes(networkId: string): Promise<number>;
  /**
   * How many records a network stores and their bytes, so an admin sees a device that pushes
   * without end: kept by each push in its transaction, read without a scan (record-usage.ts).
   */
  recordUsage(networkId: string): Promise<RecordUsage>;
  /** Every network's record usage in one read (/metrics): a query per network grew with them. */
  recordUsageByNetwork(): Promise<NetworkRecordUsage[]>;
  /**
   * Gives a device a new token hash in place of its old one (the old token stops working).
   * False, changing nothing, when another device holds that hash.
   */
  replaceToken(deviceId: string, tokenHash: string): Promise<boolean>;
}
