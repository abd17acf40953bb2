// Réglages → Réseau: join a network (an invitation link lands here with its code), or, once
// joined, the sync status, texts to settle, refused changes, administration and leaving.
import { useEffect, useRef, useState } from 'preact/hooks';
import { isolate } from '../../../domain/bidi';
import { hrefTo, navigate } from '../../../state/router';
import { useRole, useSync } from '../../../state/sync';
import { Banner, BannerMore } from '../../components/Banner';
import { ButtonLink } from '../../components/Button';
import { Section } from '../../components/Section';
import { useMessages } from '../../i18n/messages';
import { AdminPanel } from './network/AdminPanel';
import { JoinForm } from './network/JoinForm';
import { LeaveNetwork } from './network/LeaveNetwork';
import { messages } from './network/messages';
import { NetworkStatus } from './network/NetworkStatus';
import styles from './network/network.module.css';
import { OpenConflicts } from './network/OpenConflicts';
import { RecordsNotKept } from './network/RecordsNotKept';
import { RejectedChanges } from './network/RejectedChanges';

/** The screen an invitation link opens (routes.ts). */
const JOIN_PATH = 'rejoindre';

export function NetworkSection({ invitationCode }: { invitationCode: string }) {
  const t = useMessages(messages);
  const session = useSync((view) => view.session);
  // A removed admin acts as a concierge: the status above says why and what to do, once.
  const role = useRole();
  // Set when this screen joined the network: the person is told it worked, and that what they
  // had noted goes up only when they had noted something (the starter valise is not theirs).
  const [joinedHere, setJoinedHere] = useState<{ ownChanges: boolean } | null>(null);
  const joinedStatus = useRef<HTMLDivElement>(null);
  // The join form is long: its button sits far down a phone's screen, and the joined screen
  // would open there, in the middle of the administration. Show the news and the status instead.
  // The focus goes with them: the button pressed is gone with the form, and from the body, Tab
  // started again at the top bar, far from the news and its "Aller aux visites". The section
  // scrolls to the top, not the news: the news at the top put the « Réseau » heading above
  // the window (half cut off on a laptop, under the top bar on a phone).
  const joined = session !== null;
  useEffect(() => {
    const news = joinedStatus.current;
    if (!joinedHere || !joined || !news) return;
    news.focus({ preventScroll: true });
    (news.closest('section') ?? news).scrollIntoView({ block: 'start' });
  }, [joinedHere, joined]);
  const onJoined = (ownChanges: boolean) => {
    setJoinedHere({ ownChanges });
    // The invitation's code is used up: out of the address bar and the history, so going back
    // or reloading does not offer it again. Same screen, so the news of the join stays shown.
    if (invitationCode) navigate(hrefTo(JOIN_PATH), { replace: true });
  };
  return (
    <Section title={t.title} id="reseau">
      {session ? (
        <div class="stack">
          {/* The news's one live region: the banner in it takes none, as a region in a region was read twice. */}
          <div role="status" ref={joinedStatus} class={styles.joinedStatus} tabIndex={-1}>
            {/* Removed since (the first sync learned it): the news of the join would contradict the status below. */}
            {joinedHere && session.revokedAt === undefined ? (
              <Banner
                tone="success"
                role="none"
                actions={<ButtonLink href={hrefTo('visites')}>{t.toVisits}</ButtonLink>}
              >
                {/* The name is the server's, set by an admin: an override in it would turn the sentence around. */}
                {t.joined(isolate(session.networkName))}
                {joinedHere.ownChanges ? ` ${t.joinedOwnChanges}` : null}
                <BannerMore>{t.joinedNext}</BannerMore>
              </Banner>
            ) : null}
          </div>
          <NetworkStatus session={session} />
          <RecordsNotKept />
          <OpenConflicts />
          <RejectedChanges />
          {role === 'admin' ? (
            <AdminPanel serverUrl={session.serverUrl} deviceId={session.deviceId} networkName={session.networkName} />
          ) : null}
          <LeaveNetwork />
        </div>
      ) : (
        <div class="stack">
          <p>{t.local}</p>
          <JoinForm initialCode={invitationCode} onJoined={onJoined} />
        </div>
      )}
    </Section>
  );
}
