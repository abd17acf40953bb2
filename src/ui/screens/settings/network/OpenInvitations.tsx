// For admins: the invitations still open (made, neither used nor expired nor cancelled), long
// after the screen that showed their code was left, and cancelling one: a code given to the
// wrong person, or lost, stops letting anyone in. The server keeps no code, only its hash: an
// invitation is shown by its role, when and by whom it was made, and until when it is valid.
import { useEffect, useRef, useState } from 'preact/hooks';
import { isolate } from '../../../../domain/bidi';
import { labelOf } from '../../../../domain/label-of';
import { ROLE_LABELS } from '../../../../domain/vocabulary-labels';
import type { OpenInvitationInfo } from '../../../../protocol/wire';
import { adminClient } from '../../../../state/sync';
import { SyncError } from '../../../../sync/errors';
import { Banner } from '../../../components/Banner';
import { Button } from '../../../components/Button';
import { useDates } from '../../../i18n/dates';
import { useLanguage, useMessages } from '../../../i18n/messages';
import styles from './network.module.css';
import { openInvitationsMessages as messages } from './open-invitations-messages';

/**
 * `attempt` runs an action with the panel's handling of failures (its error banner, this device
 * found revoked). `changes` grows when the panel changed what is open (an invitation made or
 * cancelled there, an admin device revoked): a list on screen is read again. `onEnded` names an
 * invitation cancelled here, or found no longer open: the panel stops showing its code.
 */
export function OpenInvitations({
  attempt,
  changes,
  onEnded,
}: {
  attempt: (action: () => Promise<void>) => Promise<void>;
  changes: number;
  onEnded: (id: string) => void;
}) {
  const t = useMessages(messages);
  const d = useDates();
  const lang = useLanguage();
  const [invitations, setInvitations] = useState<OpenInvitationInfo[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = () =>
    attempt(async () => {
      const client = await adminClient();
      if (client) setInvitations(await client.openInvitations());
    });
  const shown = invitations !== null;
  const changesSeen = useRef(changes);
  useEffect(() => {
    if (changesSeen.current === changes) return;
    changesSeen.current = changes;
    if (shown) void load();
  }, [changes, shown]);

  const made = (invitation: OpenInvitationInfo) => {
    if (invitation.createdAt === null) return t.madeUnknown;
    const when = d.dateTime(invitation.createdAt);
    // Names chosen on the maker's device: isolated, so that none turns the sentence around.
    const { creator } = invitation;
    return creator ? t.madeBy(when, isolate(creator.memberName), isolate(creator.deviceName)) : t.madeByServer(when);
  };
  const cancel = (invitation: OpenInvitationInfo) =>
    attempt(async () => {
      setNotice(null);
      if (!window.confirm(t.cancelConfirm(labelOf(ROLE_LABELS, invitation.role, lang), made(invitation)))) return;
      const client = await adminClient();
      if (!client) return;
      try {
        await client.cancelOpenInvitation(invitation.id);
        setNotice(t.cancelled);
      } catch (error) {
        // 404: used, over or cancelled meanwhile (from another device): the list is read again.
        if (!(error instanceof SyncError && error.status === 404)) throw error;
        setNotice(t.notOpen);
      }
      onEnded(invitation.id);
      setInvitations(await client.openInvitations());
    });

  return (
    <>
      <h3>{t.title}</h3>
      {invitations === null ? (
        <div class="actions">
          <Button onClick={load}>{t.load}</Button>
        </div>
      ) : invitations.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <>
          <p class={styles.hint}>{t.hint}</p>
          <ul class={`stack ${styles.list}`} data-testid="open-invitations">
            {invitations.map((invitation) => (
              <li key={invitation.id} class={`${styles.card} ${styles.invitation}`}>
                <strong>{labelOf(ROLE_LABELS, invitation.role, lang)}</strong>
                <p>{made(invitation)}</p>
                <p>{t.expires(d.dateTime(invitation.expiresAt))}</p>
                <div class="actions">
                  <Button variant="danger" onClick={() => cancel(invitation)}>
                    {t.cancel}
                  </Button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {notice ? <Banner tone="info">{notice}</Banner> : null}
    </>
  );
}
