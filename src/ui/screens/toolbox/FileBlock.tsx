// The file of an item (a PDF method sheet, an image): its state on this device and opening it,
// from the device's own copy, so it opens with no network at all. The bytes are typed by what
// they are (sniffViewableType), never by what the uploader declared: a PDF opens in the
// browser's viewer, an image shows through <img>, anything else (HTML, SVG…) is only saved.
import { useEffect, useRef, useState } from 'preact/hooks';
import { maxAttachmentBytes } from '../../../db/attachments';
import { fileStateOf, readFileBytes } from '../../../db/toolbox-files';
import type { Attachment } from '../../../domain/attachment';
import { DOWNLOAD_ONLY_TYPE, shownFileName, sniffViewableType } from '../../../domain/file-kind';
import { fetchFile } from '../../../state/sync';
import { SyncError } from '../../../sync/errors';
import { Button, ButtonLink } from '../../components/Button';
import { FieldError } from '../../components/Field';
import { Section } from '../../components/Section';
import { useDataContext } from '../../hooks/use-data-context';
import { useLive } from '../../hooks/use-live';
import { useOversizedImage } from '../../hooks/use-oversized-image';
import { useTimeLeft } from '../../hooks/use-time-left';
import { useLanguage, useMessages } from '../../i18n/messages';
import { formatBytes, formatWait } from '../../i18n/numbers';
import styles from './FileBlock.module.css';
import { messages } from './messages';

/** Why « Télécharger » brought no file: the server still busy past the waits (until when), or anything else. */
type Failure = 'unavailable' | { retryAt: number | null };

export function FileBlock({ attachment, offline }: { attachment: Attachment; offline: boolean }) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const context = useDataContext();
  const blob = useLive((ctx) => readFileBytes(ctx, attachment.sha256), [attachment.sha256]);
  const [url, setUrl] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [busy, setBusy] = useState(false);
  /** The wait a busy server named (as told, and its end), while the download waits it out. */
  const [serverWait, setServerWait] = useState<{ toldMs: number; until: number } | null>(null);
  // Both waits count down as they are shown; once the server's is over, « Réessayez dans un moment ».
  const busyLeft = useTimeLeft(serverWait?.until ?? null);
  const retryLeft = useTimeLeft(failure && failure !== 'unavailable' ? failure.retryAt : null);
  const downloading = useRef<AbortController | null>(null);
  // Any admin's device may have sent it: an image too large to decode here is only saved.
  const oversized = useOversizedImage(blob);
  // Leaving the page ends a wait for a busy server: no one is there to see the file arrive.
  useEffect(() => () => downloading.current?.abort(), []);

  // One address per file for as long as the page shows it: the live query hands a new copy of
  // the same bytes whenever the files table changes, and revoking the address then would break
  // a tab that is opening it.
  const latest = useRef(blob);
  latest.current = blob;
  const hasBytes = blob !== undefined;
  useEffect(() => {
    const bytes = latest.current;
    if (!hasBytes || !bytes) return;
    const type = sniffViewableType(bytes.data) ?? DOWNLOAD_ONLY_TYPE;
    const objectUrl = URL.createObjectURL(new Blob([bytes.data], { type }));
    setUrl(objectUrl);
    return () => {
      URL.revokeObjectURL(objectUrl);
      setUrl(null);
    };
  }, [hasBytes, attachment.sha256]);

  if (!context) return null;
  const state = fileStateOf(context, attachment, blob ?? undefined);
  const viewable = blob ? sniffViewableType(blob.data) : null;
  const download = async () => {
    setBusy(true);
    setFailure(null);
    const stop = new AbortController();
    downloading.current = stop;
    try {
      const waitTold = (ms: number | null) =>
        setServerWait(ms === null ? null : { toldMs: ms, until: Date.now() + ms });
      if (!(await fetchFile(attachment.sha256, { signal: stop.signal, onBusy: waitTold }))) {
        setFailure('unavailable');
      }
    } catch (error) {
      setFailure(
        error instanceof SyncError && error.status === 429
          ? { retryAt: error.retryAfterMs === undefined ? null : Date.now() + error.retryAfterMs }
          : 'unavailable',
      );
    } finally {
      setBusy(false);
      setServerWait(null);
    }
  };

  const stateText =
    state === 'too_large'
      ? t.fileTooLarge(formatBytes(maxAttachmentBytes(context), lang))
      : state === 'waits_for_room'
        ? t.fileWaitsForRoom
        : state === 'downloaded'
          ? t.fileDownloaded
          : offline
            ? t.filePending
            : t.fileNotHere;
  const fileName = shownFileName(attachment.fileName);
  return (
    <Section title={t.fileTitle} id="fichier">
      <p>
        <bdi>{fileName}</bdi> · {formatBytes(attachment.size, lang)}
      </p>
      <p class={styles.state} data-file-state={state}>
        {stateText}
      </p>
      {url && viewable?.startsWith('image/') && !oversized ? (
        <img class={styles.preview} src={url} alt={fileName} data-testid="file-image" />
      ) : null}
      {oversized ? <p>{t.fileTooManyPixels(oversized)}</p> : null}
      {url ? (
        <p class="actions">
          {viewable === 'application/pdf' ? (
            <ButtonLink variant="primary" href={url} target="_blank" rel="noopener noreferrer" data-testid="open-file">
              {t.fileOpen(fileName)}
            </ButtonLink>
          ) : null}
          <ButtonLink
            variant={viewable === 'application/pdf' ? 'secondary' : 'primary'}
            href={url}
            download={fileName}
            data-testid="save-file"
          >
            {t.fileSave}
          </ButtonLink>
        </p>
      ) : state === 'pending' ? (
        <p class="actions">
          <Button onClick={download} aria-disabled={busy}>
            {t.fileDownload}
          </Button>
        </p>
      ) : null}
      {serverWait && busyLeft !== null ? (
        <p class={styles.state}>
          {/* Seen counting down; heard once, with the wait as the server named it: a live region
              whose text changed each second would be read again each second. */}
          <span aria-hidden="true">{t.fileBusyWaiting(formatWait(busyLeft, lang))}</span>
          <span class="visually-hidden" role="status">
            {t.fileBusyWaiting(formatWait(serverWait.toldMs, lang))}
          </span>
        </p>
      ) : null}
      {failure === 'unavailable' ? <FieldError>{t.fileUnavailable}</FieldError> : null}
      {failure && failure !== 'unavailable' ? (
        <FieldError>{t.fileBusy(retryLeft ? formatWait(retryLeft, lang) : null)}</FieldError>
      ) : null}
    </Section>
  );
}
