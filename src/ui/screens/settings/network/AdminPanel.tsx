// For admins: the network's file space and name, invite someone (a single-use code and link, which
// may be cancelled while not used), the invitations still open, and see or revoke the devices.
import { useEffect, useRef, useState } from 'preact/hooks';
import { isolate } from '../../../../domain/bidi';
import { labelOf } from '../../../../domain/label-of';
import { isLoopbackAddress } from '../../../../domain/server-address';
import type { Role } from '../../../../domain/vocabulary';
import { ROLE_LABELS } from '../../../../domain/vocabulary-labels';
import type { DeviceInfo, InvitationResponse } from '../../../../protocol/wire';
import { adminClient, syncNow } from '../../../../state/sync';
import { invitationLink } from '../../../../sync/admin';
import { SyncError } from '../../../../sync/errors';
import { Banner } from '../../../components/Banner';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import { useDates } from '../../../i18n/dates';
import { useLanguage, useMessages } from '../../../i18n/messages';
import { InvitationShare } from './InvitationShare';
import { messages } from './messages';
import { NetworkFiles } from './NetworkFiles';
import { NetworkName } from './NetworkName';
import styles from './network.module.css';
import { OpenInvitations } from './OpenInvitations';

/**
 * `deviceId` is this device's: revoking it ends this device's own access. Shown to an admin
 * device only: once a sync learns this device was removed, Réglages shows no panel and the
 * sync status alone says so (NetworkSection).
 */
export function AdminPanel({
  serverUrl,
  deviceId,
  networkName,
}: {
  serverUrl: string;
  deviceId: string;
  networkName: string;
}) {
  const t = useMessages(messages);
  const d = useDates();
  const lang = useLanguage();
  const [role, setRole] = useState<Role>('concierge');
  const [invitation, setInvitation] = useState<InvitationResponse | null>(null);
  /** The member whose new device the invitation shown lets in; null: a new member. */
  const [invitedMember, setInvitedMember] = useState<string | null>(null);
  /** The code of the invitation just cancelled, to say it no longer lets anyone in. */
  const [cancelled, setCancelled] = useState<string | null>(null);
  const [devices, setDevices] = useState<DeviceInfo[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  // Learned here, before a sync does: revoked from this list, or an action refused as 'revoked'.
  const [selfRevoked, setSelfRevoked] = useState(false);
  /** Grows with each change this panel makes to the open invitations, for their list to follow. */
  const [invitationChanges, setInvitationChanges] = useState(0);
  const invitationsChanged = () => setInvitationChanges((count) => count + 1);
  // Made from the devices list, below: the code is shown above it, out of a phone's view.
  const madeInvitation = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (invitation && invitedMember !== null) madeInvitation.current?.scrollIntoView?.({ block: 'start' });
  }, [invitation, invitedMember]);

  const attempt = async (action: () => Promise<void>) => {
    setFailed(null);
    try {
      await action();
    } catch (error) {
      // 409: the server keeps the network's last admin device (revoking it would leave no admin).
      // 'revoked': this device was removed (from here or by another admin); the action reached the server.
      if (error instanceof SyncError && error.kind === 'revoked') setSelfRevoked(true);
      else setFailed(error instanceof SyncError && error.status === 409 ? t.lastAdmin : t.adminFailed);
    }
  };
  /**
   * `of`: a device of the member whose new device it lets in, as that member (their notes stay
   * theirs on it); without it, a new member, who cannot change anyone's notes whatever name they type.
   */
  const invite = (of?: DeviceInfo) =>
    attempt(async () => {
      const client = await adminClient();
      if (!client) return;
      const forMember = of?.memberId === undefined ? {} : { forMember: of.memberId };
      setInvitation(await client.invite({ role: of?.role ?? role, expiresInHours: 72, ...forMember }));
      setInvitedMember(of ? of.memberName : null);
      setCancelled(null);
      invitationsChanged();
    });
  // Sent to the wrong person, or with the wrong role: the code is ended on the server.
  const cancelInvitation = (shown: InvitationResponse) =>
    attempt(async () => {
      if (!window.confirm(t.invitationCancelConfirm(shown.code))) return;
      const client = await adminClient();
      if (!client) return;
      try {
        await client.cancelInvitation(shown.code);
        setCancelled(shown.code);
      } catch (error) {
        // 404: used, over or cancelled meanwhile (from another device): nothing left to cancel.
        if (!(error instanceof SyncError && error.status === 404)) throw error;
        setFailed(t.invitationNotOpen);
      }
      setInvitation(null);
      invitationsChanged();
    });
  const loadDevices = () =>
    attempt(async () => {
      const client = await adminClient();
      if (client) setDevices(await client.devices());
    });
  const revoke = (device: DeviceInfo) =>
    attempt(async () => {
      const confirm = device.role === 'admin' ? t.adminDeviceRevokeConfirm : t.deviceRevokeConfirm;
      if (!window.confirm(confirm(isolate(device.name)))) return;
      const client = await adminClient();
      if (!client) return;
      await client.revoke(device.id);
      // The server ended the invitations not used yet, the one shown here among them.
      if (device.role === 'admin') {
        setInvitation(null);
        invitationsChanged();
      }
      if (device.id !== deviceId) {
        setDevices(await client.devices());
        return;
      }
      // This device's token is now refused: listing the devices again could only fail. The list
      // shows the revocation as done, and a sync lets the engine report 'revoked' as for any
      // removed device (the status above then says what to do).
      const revokedAt = new Date().toISOString();
      setDevices((shown) => shown?.map((item) => (item.id === device.id ? { ...item, revokedAt } : item)) ?? null);
      setSelfRevoked(true);
      void syncNow();
    });

  return (
    <div class="stack" id="administration">
      <h3>{t.adminTitle}</h3>
      {/* Once this device is revoked every admin action is refused ("retiré" again): none is offered. */}
      {selfRevoked ? null : (
        <>
          <NetworkFiles />
          <NetworkName current={networkName} />
          <Field
            as="select"
            label={t.inviteRole}
            hint={t.inviteNewMember}
            value={role}
            onChange={(event) => setRole(event.currentTarget.value as Role)}
          >
            {(['concierge', 'admin'] as const).map((value) => (
              <option key={value} value={value}>
                {labelOf(ROLE_LABELS, value, lang)}
              </option>
            ))}
          </Field>
          <div class="actions">
            <Button variant="primary" onClick={() => invite()}>
              {t.invite}
            </Button>
          </div>
          <div ref={madeInvitation} />
          {invitation ? (
            <Banner tone="success" title={t.invitationReady}>
              {invitedMember === null ? null : <p>{t.invitationFor(isolate(invitedMember))}</p>}
              <p>
                {t.invitationCode}{' '}
                <strong class={styles.invitationCode} data-testid="invitation-code">
                  {invitation.code}
                </strong>
              </p>
              <p class={styles.invitationLink}>{t.invitationLink(invitationLink(serverUrl, invitation.code))}</p>
              <p>{t.invitationExpires(d.dateTime(invitation.expiresAt))}</p>
              {isLoopbackAddress(serverUrl) ? <p>{t.invitationThisComputer}</p> : null}
              <InvitationShare
                link={invitationLink(serverUrl, invitation.code)}
                expires={d.dateTime(invitation.expiresAt)}
              >
                <Button variant="quiet" onClick={() => cancelInvitation(invitation)}>
                  {t.invitationCancel}
                </Button>
              </InvitationShare>
            </Banner>
          ) : null}
          {cancelled ? <Banner tone="info">{t.invitationCancelled(cancelled)}</Banner> : null}
          <OpenInvitations
            attempt={attempt}
            changes={invitationChanges}
            // The code just made, cancelled from the list: shown no longer, as when cancelled above.
            onEnded={(id) => setInvitation((shown) => (shown?.id === id ? null : shown))}
          />
        </>
      )}
      {devices === null ? (
        selfRevoked ? null : (
          <>
            <h3>{t.devicesTitle}</h3>
            <div class="actions">
              <Button onClick={loadDevices}>{t.devicesLoad}</Button>
            </div>
          </>
        )
      ) : (
        <>
          <h3>{t.devicesTitle}</h3>
          <ul class={`stack ${styles.list}`} data-testid="devices">
            {devices.map((device) => (
              <li key={device.id} class={styles.card}>
                <strong>{device.name}</strong>
                {device.id === deviceId ? ` (${t.thisDevice})` : null} — {device.memberName} (
                {labelOf(ROLE_LABELS, device.role, lang)}
                ),{' '}
                {device.revokedAt
                  ? t.deviceRevoked
                  : device.lastSeenAt
                    ? t.deviceSeen(d.ago(device.lastSeenAt))
                    : t.deviceNeverSeen}
                {selfRevoked ? null : (
                  <div class="actions">
                    {/* A revoked device's member too: the phone lost, its owner gets a new one. */}
                    {device.memberId === undefined ? null : (
                      <Button onClick={() => invite(device)}>{t.inviteFor(isolate(device.memberName))}</Button>
                    )}
                    {device.revokedAt ? null : (
                      <Button variant="danger" onClick={() => revoke(device)}>
                        {t.deviceRevoke}
                      </Button>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {selfRevoked ? <Banner tone="warning">{t.selfRevoked}</Banner> : null}
      {failed ? <Banner tone="error">{failed}</Banner> : null}
    </div>
  );
}
