// What an admin does from the app: invite people, see the invitations still open and cancel one,
// see and revoke the network's devices, see how much of the network's file quota is used, correct its name.
import type {
  DeviceInfo,
  InvitationCancel,
  InvitationRequest,
  InvitationResponse,
  NetworkRename,
  OpenInvitationInfo,
  StorageInfo,
} from '../protocol/wire';
import { ApiClient, type Fetch } from './transport';

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
    return (await response.json()) as InvitationResponse;
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
    return ((await response.json()) as { invitations: OpenInvitationInfo[] }).invitations;
  }

  /** Ends a listed invitation by its id; one no longer open is refused (404). */
  async cancelOpenInvitation(id: string): Promise<void> {
    await this.api.call(`/api/admin/invitations/${encodeURIComponent(id)}/cancel`, { method: 'POST' });
  }

  async devices(): Promise<DeviceInfo[]> {
    const response = await this.api.call('/api/admin/devices', { method: 'GET' });
    return ((await response.json()) as { devices: DeviceInfo[] }).devices;
  }

  async storage(): Promise<StorageInfo> {
    const response = await this.api.call('/api/admin/storage', { method: 'GET' });
    return (await response.json()) as StorageInfo;
  }

  /** Gives the network another name; answers the name as the server keeps it (cleaned). */
  async renameNetwork(name: string): Promise<string> {
    const request: NetworkRename = { name };
    const response = await this.api.call('/api/admin/network', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
    return ((await response.json()) as { networkName: string }).networkName;
  }

  async revoke(deviceId: string): Promise<void> {
    await this.api.call(`/api/admin/devices/${encodeURIComponent(deviceId)}/revoke`, { method: 'POST' });
  }
}

/** The link a new member opens: this app, on its join screen, with the code filled in. */
export function invitationLink(appUrl: string, code: string): string {
  return `${appUrl.replace(/[#?].*$/, '').replace(/\/$/, '')}/#/rejoindre?code=${encodeURIComponent(code)}`;
}
