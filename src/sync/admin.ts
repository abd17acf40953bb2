// What an admin does from the app: invite people, see the invitations still open and cancel one,
// see and revoke the network's devices, see how much of the network's file quota is used, correct its name.
import {
  type DeviceInfo,
  INVITATION_CODE_PATTERN,
  type InvitationCancel,
  type InvitationRequest,
  type InvitationResponse,
  isNetworkName,
  isPlainObject,
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
    return answerOf(response, isInvitation);
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
    return (await answerOf<{ invitations: OpenInvitationInfo[] }>(response, isOpenInvitations)).invitations;
  }

  /** Ends a listed invitation by its id; one no longer open is refused (404). */
  async cancelOpenInvitation(id: string): Promise<void> {
    await this.api.call(`/api/admin/invitations/${encodeURIComponent(id)}/cancel`, { method: 'POST' });
  }

  async devices(): Promise<DeviceInfo[]> {
    const response = await this.api.call('/api/admin/devices', { method: 'GET' });
    return (await answerOf<{ devices: DeviceInfo[] }>(response, isDeviceList)).devices;
  }

  async storage(): Promise<StorageInfo> {
    const response = await this.api.call('/api/admin/storage', { method: 'GET' });
    return answerOf(response, isStorage);
  }

  /** Gives the network another name; answers the name as the server keeps it (cleaned). */
  async renameNetwork(name: string): Promise<string> {
    const request: NetworkRename = { name };
    const response = await this.api.call('/api/admin/network', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
    return (await answerOf<{ networkName: string }>(response, (answer) => isNetworkName(answer.networkName)))
      .networkName;
  }

  async revoke(deviceId: string): Promise<void> {
    await this.api.call(`/api/admin/devices/${encodeURIComponent(deviceId)}/revoke`, { method: 'POST' });
  }
}

/** The link a new member opens: this app, on its join screen, with the code filled in. */
export function invitationLink(appUrl: string, code: string): string {
  return `${appUrl.replace(/[#?].*$/, '').replace(/\/$/, '')}/#/rejoindre?code=${encodeURIComponent(code)}`;
}

// What the admin panel shows of each answer, as the server gives it. Anything else (a proxy's
// JSON, a broken or hostile server) is refused as 'unreadable', which the panel says as a failed
// action: a device list that was no list, or a name that was an object, broke Réglages.

function isRole(value: unknown): boolean {
  return value === 'admin' || value === 'concierge';
}

function isText(value: unknown): value is string {
  return typeof value === 'string';
}

function isTextOrNull(value: unknown): boolean {
  return value === null || isText(value);
}

function isInvitation(answer: Record<string, unknown>): boolean {
  return (
    isText(answer.code) &&
    INVITATION_CODE_PATTERN.test(answer.code) &&
    isRole(answer.role) &&
    isText(answer.expiresAt) &&
    (answer.id === undefined || isText(answer.id))
  );
}

function isOpenInvitations(answer: Record<string, unknown>): boolean {
  return (
    Array.isArray(answer.invitations) &&
    answer.invitations.every(
      (item: unknown) =>
        isPlainObject(item) &&
        isText(item.id) &&
        isRole(item.role) &&
        isTextOrNull(item.createdAt) &&
        isText(item.expiresAt) &&
        (item.creator === null ||
          (isPlainObject(item.creator) && isText(item.creator.deviceName) && isText(item.creator.memberName))),
    )
  );
}

function isDeviceList(answer: Record<string, unknown>): boolean {
  return (
    Array.isArray(answer.devices) &&
    answer.devices.every(
      (item: unknown) =>
        isPlainObject(item) &&
        isText(item.id) &&
        isText(item.name) &&
        isText(item.memberName) &&
        isRole(item.role) &&
        isText(item.createdAt) &&
        isTextOrNull(item.lastSeenAt) &&
        isTextOrNull(item.revokedAt),
    )
  );
}

function isStorage(answer: Record<string, unknown>): boolean {
  return (
    isCount(answer.usedBytes) &&
    isCount(answer.quotaBytes) &&
    (answer.recordCount === undefined || isCount(answer.recordCount)) &&
    (answer.recordBytes === undefined || isCount(answer.recordBytes))
  );
}
