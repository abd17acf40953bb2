// "Rejoindre un réseau": server address (this app's own server by default), invitation code
// (filled in by an invitation link), names. Validated here with the wire schema, then by the
// server; a refusal says why and keeps everything typed.
import { useEffect, useRef, useState } from 'preact/hooks';
import * as v from 'valibot';
import { invitationCodeProblem, readInvitationCode } from '../../../../domain/invitation-code';
import { readServerAddress } from '../../../../domain/server-address';
import { toFieldIssue } from '../../../../domain/validation';
import { joinRequestSchema } from '../../../../protocol/wire';
import { join } from '../../../../state/sync';
import { requireUpgrade } from '../../../../state/ui';
import { JoinError, type JoinFailure } from '../../../../sync/join';
import { Banner } from '../../../components/Banner';
import { Button } from '../../../components/Button';
import { Field } from '../../../components/Field';
import { FormProblem } from '../../../forms/FormNotices';
import { focusFirstEmpty } from '../../../forms/focus-first-empty';
import { focusFirstError } from '../../../forms/focus-first-error';
import { useDataContext } from '../../../hooks/use-data-context';
import { useUnsavedInput } from '../../../hooks/use-unsaved-input';
import { useLanguage, useMessages } from '../../../i18n/messages';
import { issuesByField } from '../../../i18n/validation';
import { messages } from './messages';

const FORM_SCHEMA = v.pick(joinRequestSchema, ['code', 'deviceName', 'memberName']);

export function JoinForm({
  initialCode,
  onJoined,
}: {
  initialCode: string;
  /** `ownChanges`: whether the person had written anything of their own before joining. */
  onJoined: (ownChanges: boolean) => void;
}) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const context = useDataContext();
  const [serverUrl, setServerUrl] = useState(location.origin);
  // Set when https:// was added to the address typed: the field's hint says so.
  const [serverCompleted, setServerCompleted] = useState(false);
  const [code, setCode] = useState(initialCode);
  const [memberName, setMemberName] = useState<string | null>(null);
  const [deviceName, setDeviceName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<JoinFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const member = memberName ?? context?.identity.authorName ?? '';
  useUnsavedInput(code !== initialCode || deviceName !== '' || memberName !== null);

  useEffect(() => {
    focusFirstError(formRef.current);
  }, [errors]);

  // An invitation link fills in the address and the code, and Réglages would open at its top:
  // the names left to type sit below the fold on a phone. Once the data context is read (it may
  // fill in the member's name), the first field left empty comes into view with the focus.
  const arrivedByLink = useRef(initialCode !== '');
  useEffect(() => {
    if (!arrivedByLink.current || !context) return;
    arrivedByLink.current = false;
    focusFirstEmpty(formRef.current);
  }, [context]);

  // Shown as read, as soon as the field is left: the person sees the address that is joined.
  const readServer = () => {
    const address = readServerAddress(serverUrl);
    if (address) {
      setServerUrl(address.url);
      if (address.completed) setServerCompleted(true);
    }
    return address;
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    // A second press while the answer comes (the button only looks disabled, keeping the focus).
    if (busy) return;
    const found: Record<string, string> = {};
    const address = readServer();
    if (!address) found.serverUrl = t.invalidServer;
    // Shown as read, so the person sees the code that is sent.
    const readCode = readInvitationCode(code);
    setCode(readCode);
    const parsed = v.safeParse(FORM_SCHEMA, { code: readCode, deviceName, memberName: member });
    if (!parsed.success) Object.assign(found, issuesByField(parsed.issues.map(toFieldIssue), lang));
    if (readCode !== '') {
      const problem = invitationCodeProblem(readCode);
      if (problem?.kind === 'characters') found.code = t.codeCharacters(problem.characters.join(' '));
      else if (problem?.kind === 'length') found.code = t.codeLength(problem.length);
      else if (found.code) found.code = t.invalidCode;
    }
    setErrors(found);
    setFailure(null);
    if (!address || Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      const { ownChanges } = await join({ serverUrl: address.url, code: readCode, deviceName, memberName: member });
      onJoined(ownChanges > 0);
    } catch (error) {
      const kind = error instanceof JoinError ? error.kind : 'server';
      if (kind === 'upgrade_required') requireUpgrade();
      setFailure(kind);
    } finally {
      setBusy(false);
    }
  };

  const failureText: Record<JoinFailure, string> = {
    invalid_invitation: t.joinInvalidInvitation,
    unreachable: t.joinUnreachable,
    invalid_input: t.joinInvalidInput,
    server: t.joinServer,
    upgrade_required: t.joinUpgradeRequired,
    not_valise: t.joinNotValise,
  };

  return (
    <form ref={formRef} class="stack" onSubmit={submit} noValidate aria-label={t.joinTitle}>
      <h3>{t.joinTitle}</h3>
      <FormProblem problem={Object.keys(errors).length > 0 ? 'errors' : null} fix={t.joinFixFields} />
      <Field
        label={t.serverLabel}
        hint={serverCompleted ? t.serverCompleted : t.serverHint}
        error={errors.serverUrl}
        name="serverUrl"
        type="url"
        inputMode="url"
        autocomplete="url"
        value={serverUrl}
        onInput={(event) => {
          setServerUrl(event.currentTarget.value);
          setServerCompleted(false);
        }}
        onChange={readServer}
      />
      <Field
        label={t.codeLabel}
        hint={t.codeHint}
        error={errors.code}
        name="code"
        autocomplete="one-time-code"
        autocapitalize="characters"
        spellcheck={false}
        value={code}
        onInput={(event) => setCode(event.currentTarget.value)}
      />
      <Field
        label={t.memberLabel}
        hint={t.memberHint}
        error={errors.memberName}
        name="memberName"
        autocomplete="name"
        value={member}
        onInput={(event) => setMemberName(event.currentTarget.value)}
      />
      <Field
        label={t.deviceLabel}
        hint={t.deviceHint}
        error={errors.deviceName}
        name="deviceName"
        value={deviceName}
        onInput={(event) => setDeviceName(event.currentTarget.value)}
      />
      <div class="actions">
        {/* Pressed, it keeps the focus (aria-disabled): disabled, it dropped it to the page's start
            in WebKit and Firefox, away from the failure said under it. */}
        <Button type="submit" variant="primary" disabled={!context} aria-disabled={busy ? 'true' : undefined}>
          {busy ? t.joining : t.join}
        </Button>
      </div>
      {failure ? <Banner tone="error">{failureText[failure]}</Banner> : null}
    </form>
  );
}
