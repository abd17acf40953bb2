// For admins: correct the network's name (mistyped at setup). The server keeps it, this device
// shows it at once, and every other device from its next sync.
import { useState } from 'preact/hooks';
import { isolate } from '../../../../domain/bidi';
import { adminClient, syncNow } from '../../../../state/sync';
import { SyncError } from '../../../../sync/errors';
import { Banner } from '../../../components/Banner';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import { useMessages } from '../../../i18n/messages';
import { messages } from './messages';

type Outcome = { kind: 'renamed'; name: string } | { kind: 'invalid' } | { kind: 'failed' } | null;

export function NetworkName({ current }: { current: string }) {
  const t = useMessages(messages);
  const [name, setName] = useState(current);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);

  // Nothing to send while a rename runs or the name is the network's (the button only looks disabled).
  const idle = !busy && name !== current;
  const rename = async (event: Event) => {
    event.preventDefault();
    if (!idle) return;
    if (name.trim() === '') return setOutcome({ kind: 'invalid' });
    setBusy(true);
    try {
      const client = await adminClient();
      if (!client) return;
      const kept = await client.renameNetwork(name);
      setName(kept);
      setOutcome({ kind: 'renamed', name: kept });
      // The pull brings the new name into this device's session, like every other device's.
      void syncNow();
    } catch (error) {
      setOutcome({ kind: error instanceof SyncError && error.status === 400 ? 'invalid' : 'failed' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="stack" onSubmit={rename} noValidate>
      <Field
        label={t.networkRenameLabel}
        hint={t.networkRenameHint}
        error={outcome?.kind === 'invalid' ? t.networkRenameInvalid : undefined}
        name="networkName"
        maxLength={120}
        value={name}
        onInput={(event) => setName(event.currentTarget.value)}
      />
      <div class="actions">
        {/* Disabled once renamed, it dropped the focus to the page's start in Firefox and WebKit. */}
        <Button type="submit" aria-disabled={idle ? undefined : 'true'}>
          {t.networkRename}
        </Button>
      </div>
      {outcome?.kind === 'renamed' ? <Banner tone="success">{t.networkRenamed(isolate(outcome.name))}</Banner> : null}
      {outcome?.kind === 'failed' ? <Banner tone="error">{t.adminFailed}</Banner> : null}
    </form>
  );
}
