// The invitation link goes to the invited person from the admin's phone: copied, or through the
// phone's share sheet (a message, an e-mail). Selecting a long link by hand on a phone is where
// a character gets lost.
import type { ComponentChildren } from 'preact';
import { Button } from '../../../components/Button';
import { useCopy } from '../../../hooks/use-copy';
import { useMessages } from '../../../i18n/messages';
import { messages } from './messages';

/** `children`: more actions on the invitation, in the same row (its cancellation). */
export function InvitationShare({
  link,
  expires,
  children,
}: {
  link: string;
  expires: string;
  children?: ComponentChildren;
}) {
  const t = useMessages(messages);
  const [copied, copy] = useCopy();
  const share = () => {
    // A dismissed share sheet rejects: nothing to say about it.
    navigator.share({ title: t.invitationShareTitle, text: t.invitationShareText(expires), url: link }).catch(() => {});
  };
  return (
    <>
      <div class="actions">
        <Button onClick={() => copy(link)}>{t.invitationCopy}</Button>
        {typeof navigator.share === 'function' ? <Button onClick={share}>{t.invitationShare}</Button> : null}
        {children}
      </div>
      {copied ? <p role="status">{copied === 'copied' ? t.invitationCopied : t.invitationCopyRefused}</p> : null}
    </>
  );
}
