// The photos of a visit: shown from this device's bytes; a new one is resized and attached
// at once (a photo too large even resized is refused in words, the visit is untouched).
import { useEffect, useState } from 'preact/hooks';
import { AttachmentTooLargeError, attachFile, listAttachments, localBytes } from '../../../../db/attachments';
import { refusedForQuota } from '../../../../db/blobs';
import type { Attachment } from '../../../../domain/attachment';
import { isolate } from '../../../../domain/bidi';
import { shownFileName, sniffViewableType } from '../../../../domain/file-kind';
import { fetchFile, useSync } from '../../../../state/sync';
import { useUi } from '../../../../state/ui';
import { classes } from '../../../components/classes';
import { FieldError, fieldParts, Hint } from '../../../components/Field';
import { FileInput } from '../../../components/FileInput';
import { useDataContext } from '../../../hooks/use-data-context';
import { useLive } from '../../../hooks/use-live';
import { useOversizedImage } from '../../../hooks/use-oversized-image';
import { useLanguage, useMessages } from '../../../i18n/messages';
import { formatBytes } from '../../../i18n/numbers';
import { resizePhoto, TooManyPixelsError, UnreadableImageError } from '../form/photo';
import styles from '../form/visit-form.module.css';
import { detailMessages } from './messages';

export function VisitPhotos({ visitId }: { visitId: string }) {
  const t = useMessages(detailMessages);
  const lang = useLanguage();
  const context = useDataContext();
  const photos = useLive((ctx) => listAttachments(ctx, visitId), [visitId]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const add = async (files: FileList | null) => {
    if (!context || !files) return;
    setBusy(true);
    setProblem(null);
    // An unexpected failure still gives the chooser back.
    try {
      for (const file of Array.from(files)) {
        try {
          const photo = await resizePhoto(file);
          await attachFile(context, { ownerType: 'visits', ownerId: visitId, kind: 'photo', ...photo });
        } catch (error) {
          if (error instanceof AttachmentTooLargeError) {
            setProblem(
              t.photoRefused(isolate(file.name), formatBytes(error.size, lang), formatBytes(error.limit, lang)),
            );
          } else if (error instanceof TooManyPixelsError) setProblem(t.photoTooManyPixels(isolate(file.name), error));
          else if (error instanceof UnreadableImageError) setProblem(t.photoUnreadable(isolate(file.name)));
          else throw error;
        }
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {photos && photos.length > 0 ? (
        <ul class={styles['photo-list']}>
          {photos.map((photo) => (
            <Photo key={photo.id} photo={photo} />
          ))}
        </ul>
      ) : (
        <Hint>{t.noPhotos}</Hint>
      )}
      <FileInput accept="image/*" disabled={busy} onFiles={add}>
        {busy ? t.photoAdding : t.addPhoto}
      </FileInput>
      {problem ? <FieldError role="alert">{problem}</FieldError> : null}
    </>
  );
}

function Photo({ photo }: { photo: Attachment }) {
  const t = useMessages(detailMessages);
  const online = useUi((state) => state.online);
  // Each sync that ends may find the file on the server: its device may have sent it since.
  const lastSyncAt = useSync((view) => view.status.lastSyncAt);
  // Live, so the photo shows the moment its bytes land on this device, whoever brought them.
  const entry = useLive(async (context) => (await localBytes(context, photo)) ?? null, [photo.sha256]);
  const [notHere, setNotHere] = useState(false);
  const [url, setUrl] = useState<string | null>(null);
  // Typed by its bytes: a "photo" that is not an image (HTML, SVG) is never rendered, only an <img> shows it.
  const type = entry ? sniffViewableType(entry.data) : null;
  // Any device may have sent it: an image too large to decode here is not shown.
  const oversized = useOversizedImage(entry);
  const image = type?.startsWith('image/') && !oversized ? type : null;

  useEffect(() => {
    if (entry !== null) return;
    // A photo taken on another device is fetched once it is shown with a network, then kept
    // here; until it is on the server it says where it is (the text stays while it is asked again).
    if (!online) {
      setNotHere(true);
      return;
    }
    // A busy server's wait is waited out until the visit is left; meanwhile the photo says where
    // it is, as when it is not on the server yet, and shows once it lands.
    const stop = new AbortController();
    const missing = () => {
      if (!stop.signal.aborted) setNotHere(true);
    };
    fetchFile(photo.sha256, { signal: stop.signal, onBusy: missing }).then((fetched) => fetched ?? missing(), missing);
    return () => stop.abort();
  }, [entry === null, photo.sha256, online, lastSyncAt]);

  // Made once per file: its bytes never change, while its entry does (sent, set aside).
  const shownSha256 = entry && image ? entry.sha256 : null;
  useEffect(() => {
    if (!entry || !image) return;
    const created = URL.createObjectURL(new Blob([entry.data], { type: image }));
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [shownSha256]);

  const fileName = shownFileName(photo.fileName);
  if (entry === null && notHere) return <li class={fieldParts.hint}>{t.photoElsewhere(isolate(fileName))}</li>;
  if (oversized) return <li class={fieldParts.hint}>{t.photoTooManyPixelsToShow(isolate(fileName), oversized)}</li>;
  if (entry && !image) return <li class={fieldParts.hint}>{t.photoNotImage(isolate(fileName))}</li>;
  return (
    <li class={styles['photo-list__item']}>
      {entry && url ? (
        <img
          class={classes(styles['photo-list__thumb'], styles['photo-list__thumb--large'])}
          src={url}
          alt={photo.fileName}
          width={160}
          height={160}
        />
      ) : null}
      {/* Shown here, where it was taken: the other devices of the network will never get it. */}
      {entry?.state === 'refused' ? (
        <p class={classes(fieldParts.hint, styles['photo-list__note'])}>
          {refusedForQuota(entry) ? t.photoWaitsForRoom : t.photoRefusedByServer}
        </p>
      ) : null}
    </li>
  );
}
