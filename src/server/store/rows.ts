// Rows of the server's tables as the store interface returns them: the same columns in
// SQLite and PostgreSQL, so both stores read them with these.
import type { RecordType } from '../../domain/record-types';
import type { Role } from '../../domain/vocabulary';
import { type Change, type OpenInvitationInfo, REFUSAL_CODES } from '../../protocol/wire';
import type { RecordRow, SavedResult } from '../push/plan';
import type { Device, Invitation, Network } from './store';

export type Row = Record<string, unknown>;

export function toNetwork(row: Row): Network {
  return { id: row.id as string, name: row.name as string, createdAt: row.created_at as string };
}

export function toInvitation(row: Row): Invitation {
  return {
    id: row.id as string,
    codeHash: row.code_hash as string,
    networkId: row.network_id as string,
    role: row.role as Role,
    createdAt: (row.created_at as string | null) ?? null,
    createdBy: (row.created_by as string | null) ?? null,
    forMember: (row.for_member as string | null) ?? null,
    expiresAt: row.expires_at as string,
    usedAt: (row.used_at as string | null) ?? null,
    attempts: Number(row.attempts),
  };
}

/** An invitation's columns with its creator's, as `openInvitationsSql` reads them. */
export function toOpenInvitation(row: Row): OpenInvitationInfo {
  return {
    id: row.id as string,
    role: row.role as Role,
    createdAt: (row.created_at as string | null) ?? null,
    expiresAt: row.expires_at as string,
    creator:
      row.device_name === null || row.device_name === undefined
        ? null
        : { deviceName: row.device_name as string, memberName: row.member_name as string },
    forMemberName: (row.for_member_name as string | null) ?? null,
  };
}

/**
 * The open invitations of a network at a time, given as each store writes its parameters,
 * newest first, those of unknown date after, the id settling ties alike on both stores.
 */
export function openInvitationsSql(networkParam: string, atParam: string): string {
  return `
    SELECT invitations.id, invitations.role, invitations.created_at, invitations.expires_at,
      devices.name AS device_name, devices.member_name,
      (SELECT member.member_name FROM devices AS member
        WHERE member.network_id = invitations.network_id AND member.member_id = invitations.for_member
        ORDER BY member.created_at DESC, member.id DESC LIMIT 1) AS for_member_name
    FROM invitations
    LEFT JOIN devices ON devices.id = invitations.created_by AND devices.network_id = invitations.network_id
    WHERE invitations.network_id = ${networkParam} AND invitations.used_at IS NULL AND invitations.expires_at > ${atParam}
    ORDER BY invitations.created_at IS NULL, invitations.created_at DESC, invitations.id`;
}

export function toDevice(row: Row): Device {
  return {
    id: row.id as string,
    networkId: row.network_id as string,
    name: row.name as string,
    memberId: row.member_id as string,
    memberName: row.member_name as string,
    role: row.role as Role,
    clockNode: row.clock_node as string,
    createdAt: row.created_at as string,
    lastSeenAt: (row.last_seen_at as string | null) ?? null,
    revokedAt: (row.revoked_at as string | null) ?? null,
  };
}

export function toRecordRow(row: Row): RecordRow {
  return {
    id: row.id as string,
    networkId: row.network_id as string,
    type: row.type as RecordType,
    data: JSON.parse(row.data as string),
    clocks: JSON.parse(row.clocks as string),
  };
}

/** A record as a pull answers it; `seq` comes back from PostgreSQL as text (a bigint). */
export function toChange(row: Row): Change {
  return {
    type: row.type as RecordType,
    id: row.id as string,
    seq: Number(row.seq),
    data: JSON.parse(row.data as string),
    clocks: JSON.parse(row.clocks as string),
  };
}

export function toSaved(row: Row): SavedResult {
  if (row.status === 'applied') return { status: 'applied' };
  const reason = row.reason as string;
  if (row.status === 'unchanged') return { status: 'unchanged', reason };
  // Refusals logged before codes were kept have none: the device shows their English reason.
  const code = REFUSAL_CODES.find((known) => known === row.code);
  return { status: 'rejected', reason, ...(code ? { code } : {}) };
}

/** What the mutation log keeps of a result: status, reason and refusal code. */
export function savedColumns(result: SavedResult): [string, string | null, string | null] {
  if (result.status === 'applied') return [result.status, null, null];
  return [result.status, result.reason, result.status === 'rejected' ? (result.code ?? null) : null];
}
