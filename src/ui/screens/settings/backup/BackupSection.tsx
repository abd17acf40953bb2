// Réglages → Sauvegarde: save every record of the device to one file, and merge such a file
// back (restore never erases nor overwrites a newer edit; a bad file changes nothing).
import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import {
  DamagedFileError,
  oldestUnsavedChange,
  RestoreCancelledError,
  type RestoreCounts,
  readBackupMeta,
  restoreBackup,
} from '../../../../db/backup';
import { LOCAL_NETWORK } from '../../../../db/context';
import {
  type Backup,
  type BackupProblem,
  countBackupRecords,
  isForeignBackup,
  needsBackupReminder,
  parseBackup,
  type ReadProgress,
} from '../../../../domain/backup';
import { isolate } from '../../../../domain/bidi';
import { RECORD_TYPES } from '../../../../domain/record-types';
import { useSync } from '../../../../state/sync';
import { Banner } from '../../../components/Banner';
import { Button } from '../../../components/Button';
import { Check } from '../../../components/Check';
import { Confirmation } from '../../../components/Confirmation';
import { Fact, Facts } from '../../../components/Facts';
import { Hint } from '../../../components/Field';
import { Section } from '../../../components/Section';
import { useDataContext } from '../../../hooks/use-data-context';
import { useLive } from '../../../hooks/use-live';
import { useDates } from '../../../i18n/dates';
import { useLanguage, useMessages } from '../../../i18n/messages';
import { describeIssue } from '../../../i18n/validation';
import { readFileText, slicePause } from '../../../in-slices';
import styles from './backup.module.css';
import { FilePicker } from './FilePicker';
import { messages } from './messages';
import { useSaveBackupFile } from './save-backup';

type Saving = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; count: number } | { kind: 'failed' };
type Restoring =
  | { kind: 'idle' }
  // Reading a picked file; its progress is null before the first slice has been read.
  | { kind: 'busy'; progress: ReadProgress | null }
  | { kind: 'restoring'; done: number; total: number }
  | { kind: 'cancelled' }
  | { kind: 'problem'; text: string }
  | { kind: 'ready'; backup: Backup; foreignNetwork: string | null }
  | { kind: 'restored'; counts: RestoreCounts };

export function BackupSection() {
  const t = useMessages(messages);
  const d = useDates();
  const lang = useLanguage();
  const context = useDataContext();
  const meta = useLive((data) => readBackupMeta(data), []);
  const oldestUnsaved = useLive((data) => oldestUnsavedChange(data), []);
  const [includeFiles, setIncludeFiles] = useState(true);
  const [saving, setSaving] = useState<Saving>({ kind: 'idle' });
  const saveBackupFile = useSaveBackupFile();
  const [restoring, setRestoring] = useState<Restoring>({ kind: 'idle' });
  // A new key empties the file input, so the same file can be picked again.
  const [inputKey, setInputKey] = useState(0);
  const cancelRestore = useRef<AbortController | null>(null);

  const save = async () => {
    if (!context) return;
    setSaving({ kind: 'saving' });
    try {
      setSaving({ kind: 'saved', count: await saveBackupFile(context, includeFiles) });
    } catch (error) {
      console.error(error);
      setSaving({ kind: 'failed' });
    }
  };

  const problemText = (problem: BackupProblem): string => {
    switch (problem.kind) {
      case 'not_json':
        return t.notJson;
      case 'too_deep':
        return t.tooDeep;
      case 'not_backup':
        return t.notBackup;
      case 'newer_version':
        return t.newerVersion;
      case 'checksum':
        return t.checksum;
      case 'unknown_without_id':
        return t.unknownWithoutId(problem.count);
      case 'invalid_record':
        return t.invalidRecord(t.typeName(problem.type), problem.issue ? describeIssue(problem.issue, lang) : '');
    }
  };

  const pick = async (file: File | undefined) => {
    if (!file || !context) return;
    setRestoring({ kind: 'busy', progress: null });
    let parsed: Awaited<ReturnType<typeof parseBackup>>;
    try {
      const pause = slicePause((progress: ReadProgress) => setRestoring({ kind: 'busy', progress }));
      // One share read for the person: the file's bytes are its first half, parsing them the second.
      const text = await readFileText(file, (share) => pause({ step: 'reading', share: share / 2 }));
      parsed = await parseBackup(text, (progress) =>
        pause(progress.step === 'reading' ? { step: 'reading', share: (1 + progress.share) / 2 } : progress),
      );
    } catch (error) {
      // The browser could not read it: a file on a drive since removed, or too large to hold as text.
      console.error(error);
      setRestoring({ kind: 'problem', text: t.unreadable });
      setInputKey((key) => key + 1);
      return;
    }
    if (!parsed.ok) {
      setRestoring({ kind: 'problem', text: problemText(parsed.problem) });
      setInputKey((key) => key + 1);
      return;
    }
    const { networkId, networkName } = parsed.backup.body;
    const foreign = isForeignBackup(networkId, context.networkId, LOCAL_NETWORK);
    setRestoring({ kind: 'ready', backup: parsed.backup, foreignNetwork: foreign ? (networkName ?? networkId) : null });
  };

  const restore = async (backup: Backup) => {
    if (!context) return;
    const controller = new AbortController();
    cancelRestore.current = controller;
    setRestoring({ kind: 'restoring', done: 0, total: 0 });
    try {
      const counts = await restoreBackup(context, backup, {
        signal: controller.signal,
        onProgress: (done, total) => setRestoring({ kind: 'restoring', done, total }),
      });
      setRestoring({ kind: 'restored', counts });
    } catch (error) {
      if (error instanceof RestoreCancelledError) setRestoring({ kind: 'cancelled' });
      else {
        console.error(error);
        setRestoring({ kind: 'problem', text: error instanceof DamagedFileError ? t.damagedFile : t.restoreFailed });
      }
    }
    cancelRestore.current = null;
    setInputKey((key) => key + 1);
  };

  const cancel = () => {
    setRestoring({ kind: 'idle' });
    setInputKey((key) => key + 1);
  };

  const remind = oldestUnsaved !== undefined && needsBackupReminder(new Date(), oldestUnsaved);

  return (
    <Section title={t.title} id="sauvegarde">
      <div class="stack">
        <p>{t.explain}</p>
        <Facts>
          <Fact label={t.lastBackup} data-testid="last-backup">
            {meta === undefined ? '…' : meta.lastBackupAt ? d.dateTime(meta.lastBackupAt) : t.never}
          </Fact>
        </Facts>
        {remind ? <Banner tone="warning">{t.reminder}</Banner> : null}
        <Check checked={includeFiles} onChange={(event) => setIncludeFiles(event.currentTarget.checked)}>
          {t.includeFiles}
        </Check>
        <div class="actions">
          <Button
            variant="primary"
            onClick={() => void save()}
            disabled={!context}
            aria-disabled={saving.kind === 'saving'}
          >
            {saving.kind === 'saving' ? t.saving : t.save}
          </Button>
        </div>
        <div aria-live="polite">
          {/* The device's saves wait for the file's end (it is read in one transaction). */}
          {saving.kind === 'saving' ? <Hint>{t.savingWait}</Hint> : null}
          {saving.kind === 'saved' ? <Confirmation>{t.saved(saving.count)}</Confirmation> : null}
        </div>
        {saving.kind === 'failed' ? <Banner tone="error">{t.saveFailed}</Banner> : null}

        <h3 class={styles.subtitle}>{t.restoreTitle}</h3>
        <FilePicker
          key={inputKey}
          label={t.restoreLabel}
          button={t.restoreChoose}
          hint={t.restoreHint}
          disabled={!context || restoring.kind === 'busy' || restoring.kind === 'restoring'}
          onPick={(file) => void pick(file)}
        />
        <div aria-live="polite" class="stack">
          {restoring.kind === 'busy' ? <ReadingProgress progress={restoring.progress} /> : null}
          {restoring.kind === 'ready' ? (
            <BackupSummary backup={restoring.backup} foreignNetwork={restoring.foreignNetwork}>
              <Button variant="primary" onClick={() => void restore(restoring.backup)}>
                {restoring.foreignNetwork ? t.restoreForeign : t.restore}
              </Button>
              <Button onClick={cancel}>{t.cancel}</Button>
            </BackupSummary>
          ) : null}
          {restoring.kind === 'restoring' ? (
            <div class={styles.progress}>
              <label for="restore-progress">{t.restoring}</label>
              <progress id="restore-progress" max={restoring.total || 1} value={restoring.done} />
              <div class="actions">
                <Button onClick={() => cancelRestore.current?.abort()}>{t.cancel}</Button>
              </div>
            </div>
          ) : null}
          {restoring.kind === 'cancelled' ? <p>{t.restoreCancelled}</p> : null}
          {restoring.kind === 'restored' ? <RestoredSummary counts={restoring.counts} /> : null}
        </div>
        {restoring.kind === 'problem' ? <Banner tone="error">{restoring.text}</Banner> : null}
      </div>
    </Section>
  );
}

/** The figures change many times a second: seen, but the live region is heard to say only each step, once. */
function ReadingProgress({ progress }: { progress: ReadProgress | null }) {
  const t = useMessages(messages);
  const checking = progress?.step === 'checking';
  return (
    <p>
      <span aria-hidden="true">
        {progress === null
          ? t.reading
          : progress.step === 'reading'
            ? t.readingShare(Math.floor(progress.share * 100))
            : t.checking(progress.checked, progress.total)}
      </span>
      <span class="visually-hidden">{checking ? t.checkingStep : t.reading}</span>
    </p>
  );
}

function BackupSummary({
  backup,
  foreignNetwork,
  children,
}: {
  backup: Backup;
  foreignNetwork: string | null;
  children: ComponentChildren;
}) {
  const t = useMessages(messages);
  const d = useDates();
  const counts = countBackupRecords(backup.body);
  const types = RECORD_TYPES.filter((type) => (counts[type] ?? 0) > 0);
  return (
    <div class={styles.summary} data-testid="backup-summary">
      <p>{t.summary(d.dateTime(backup.body.exportedAt))}</p>
      {types.length === 0 ? (
        <p>{t.summaryEmpty}</p>
      ) : (
        <ul>
          {types.map((type) => (
            <li key={type}>{t.typeCount(type, counts[type] ?? 0)}</li>
          ))}
        </ul>
      )}
      {/* Shown inside the restore's live region: a region of its own would be read twice. */}
      {foreignNetwork ? (
        <Banner tone="warning" role="none">
          {t.foreignNetwork(isolate(foreignNetwork))}
        </Banner>
      ) : null}
      <div class="actions">{children}</div>
    </div>
  );
}

function RestoredSummary({ counts }: { counts: RestoreCounts }) {
  const t = useMessages(messages);
  const joined = useSync((view) => view.session !== null);
  let added = 0;
  let updated = 0;
  let unchanged = 0;
  for (const type of RECORD_TYPES) {
    added += counts[type]?.added ?? 0;
    updated += counts[type]?.updated ?? 0;
    unchanged += counts[type]?.unchanged ?? 0;
  }
  return (
    <Confirmation data-testid="restore-result">
      {t.restored(added, updated, unchanged)}
      {joined && added + updated > 0 ? ` ${t.restoredSync}` : null}
    </Confirmation>
  );
}
