// What an admin does from the app: invite people, see the invitations still open and cancel one,
// see and revoke the network's devices, see how much of the network's file quota is used, correct its name.
import * as v from 'valibot';
import { ROLES } from '../domain/vocabulary';
import {
  type DeviceInfo,
  INVITATION_CODE_PATTERN,
  type InvitationCancel,
  type InvitationRequest,
  type InvitationResponse,
  isNetworkName,
  type NetworkRename,
  type OpenInvitationInfo,
  type StorageInfo,
} from '../protocol/wire';
import { ApiClient, answerOf, type Fetch, isCount } from './transport';

export class AdminClient {
  private readonly api: ApiClient;

  constructor(serverUrl: string, token: string, fetchImpl?: Fetch) {
    this.api = new ApiClient(serverUrl, token, fetchImpl);
  }

  async invite(request: InvitationRequest): Promise<InvitationResponse> {
    const response = await this.api.call('/api/admin/invitations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
    return answerFitting(response, invitationSchema);
  }

  /** Ends an invitation not used yet; a code the network holds no open invitation under is refused (404). */
  async cancelInvitation(code: string): Promise<void> {
    const request: InvitationCancel = { code };
    await this.api.call('/api/admin/invitations/cancel', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
  }

  /** The network's invitations neither used nor over, newest first (never their codes). */
  async openInvitations(): Promise<OpenInvitationInfo[]> {
    const response = await this.api.call('/api/admin/invitations', { method: 'GET' });
    return (await answerFitting(response, openInvitationsSchema)).invitations;
  }

  /** Ends a listed invitation by its id; one no longer open is refused (404). */
  async cancelOpenInvitation(id: string): Promise<void> {
    await this.api.call(`/api/admin/invitations/${encodeURIComponent(id)}/cancel`, { method: 'POST' });
  }

  async devices(): Promise<DeviceInfo[]> {
    const response = await this.api.call('/api/admin/devices', { method: 'GET' });
    return (await answerFitting(response, deviceListSchema)).devices;
  }

  async storage(): Promise<StorageInfo> {
    const response = await this.api.call('/api/admin/storage', { method: 'GET' });
    return answerFitting(response, storageSchema);
  }

  /** Gives the network another name; answers the name as the server keeps it (cleaned). */
  async renameNetwork(name: string): Promise<string> {
    const request: NetworkRename = { name };
    const response = await this.api.call('/api/admin/network', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
    return (await answerFitting(response, renamedSchema)).networkName;
  }

  async revoke(deviceId: string): Promise<void> {
    await this.api.call(`/api/admin/devices/${encodeURIComponent(deviceId)}/revoke`, { method: 'POST' });
  }
}

/** The link a new member opens: this app, on its join screen, with the code filled in. */
export function invitationLink(appUrl: string, code: string): string {
  return `${appUrl.replace(/[#?].*$/, '').replace(/\/$/, '')}/#/rejoindre?code=${encodeURIComponent(code)}`;
}

// What the admin panel shows of each answer, as the server gives it, one schema a field. Anything
// else (a proxy's JSON, a broken or hostile server) is refused as 'unreadable', which the panel
// says as a failed action: a device list that was no list, or a name that was an object, broke
// Réglages. Fields a later server adds pass (v.object ignores them) and are kept as they came:
// the schemas only judge, answerOf hands on the answer itself. Each is typed by its wire type, so
// a field the type changes cannot be left unchecked here.

const text = v.string();
const textOrNull = v.nullable(text);
const role = v.picklist(ROLES);
const count = v.custom<number>(isCount);

const invitationSchema: v.GenericSchema<unknown, InvitationResponse> = v.object({
  code: v.pipe(text, v.regex(INVITATION_CODE_PATTERN)),
  role,
  expiresAt: text,
  id: v.optional(text),
});

const openInvitationsSchema: v.GenericSchema<unknown, { invitations: OpenInvitationInfo[] }> = v.object({
  invitations: v.array(
    v.object({
      id: text,
      role,
      createdAt: textOrNull,
      expiresAt: text,
      creator: v.nullable(v.object({ deviceName: text, memberName: text })),
      forMemberName: v.optional(textOrNull),
    }),
  ),
});

const deviceListSchema: v.GenericSchema<unknown, { devices: DeviceInfo[] }> = v.object({
  devices: v.array(
    v.object({
      id: text,
      name: text,
      memberId: v.optional(text),
      memberName: text,
      role,
      createdAt: text,
      lastSeenAt: textOrNull,
      revokedAt: textOrNull,
    }),
  ),
});

const storageSchema: v.GenericSchema<unknown, StorageInfo> = v.object({
  usedBytes: count,
  quotaBytes: count,
  recordCount: v.optional(count),
  recordBytes: v.optional(count),
  recordQuotaBytes: v.optional(count),
});

const renamedSchema = v.object({ networkName: v.custom<string>(isNetworkName) });

/** The answer as it came, when `schema` takes it; a SyncError 'unreadable' otherwise. */
function answerFitting<T>(response: Response, schema: v.GenericSchema<unknown, T>): Promise<T> {
  return answerOf<T>(response, (answer) => v.is(schema, answer));
}
