// The photos of a visit: shown from this device's bytes; a new one is resized and attached
// at once (a photo too large even resized is refused in words, the visit is untouched).
import { useEffect, useState } from 'preact/hooks';
import { AttachmentTooLargeError, attachFile, listAttachments, localBytes } from '../../../../db/attachments';
import type { Attachment } from '../../../../domain/attachment';
import { isolate } from '../../../../domain/bidi';
import { shownFileName, sniffViewableType } from '../../../../domain/file-kind';
import { fetchFile } from '../../../../state/sync';
import { useUi } from '../../../../state/ui';
import { classes } from '../../../components/classes';
import { FieldError, fieldParts, Hint } from '../../../components/Field';
import { FileInput } from '../../../components/FileInput';
import { useDataContext } from '../../../hooks/use-data-context';
import { useLive } from '../../../hooks/use-live';
import { useLanguage, useMessages } from '../../../i18n/messages';
import { formatBytes } from '../../../i18n/numbers';
import { resizePhoto, UnreadableImageError } from '../form/photo';
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
    for (const file of Array.from(files)) {
      try {
        const photo = await resizePhoto(file);
        await attachFile(context, { ownerType: 'visits', ownerId: visitId, kind: 'photo', ...photo });
      } catch (error) {
        if (error instanceof AttachmentTooLargeError) {
          setProblem(t.photoRefused(isolate(file.name), formatBytes(error.size, lang), formatBytes(error.limit, lang)));
        } else if (error instanceof UnreadableImageError) setProblem(t.photoUnreadable(isolate(file.name)));
        else throw error;
      }
    }
    setBusy(false);
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
  const context = useDataContext();
  const online = useUi((state) => state.online);
  const [url, setUrl] = useState<string | null>(null);
  const [problem, setProblem] = useState<'elsewhere' | 'not_image' | null>(null);
  useEffect(() => {
    if (!context) return;
    let created: string | null = null;
    let gone = false;
    const show = async () => {
      // A photo taken on another device is fetched once, when it is first shown with a network,
      // then kept here; offline (or the server unreachable) it says where it is, and is fetched
      // when the network is back.
      const entry =
        (await localBytes(context, photo)) ?? (online ? await fetchFile(photo.sha256).catch(() => null) : null);
      if (gone) return;
      if (!entry) {
        setProblem('elsewhere');
        return;
      }
      // Typed by its bytes: a "photo" that is not an image (HTML, SVG) is never rendered, only an <img> shows it.
      const type = sniffViewableType(entry.data);
      if (!type?.startsWith('image/')) {
        setProblem('not_image');
        return;
      }
      setProblem(null);
      created = URL.createObjectURL(new Blob([entry.data], { type }));
      setUrl(created);
    };
    void show();
    return () => {
      gone = true;
      if (created) URL.revokeObjectURL(created);
    };
  }, [context, photo.sha256, online]);
  if (problem) {
    const fileName = shownFileName(photo.fileName);
    const text = problem === 'elsewhere' ? t.photoElsewhere(isolate(fileName)) : t.photoNotImage(isolate(fileName));
    return <li class={fieldParts.hint}>{text}</li>;
  }
  return (
    <li class={styles['photo-list__item']}>
      {url ? (
        <img
          class={classes(styles['photo-list__thumb'], styles['photo-list__thumb--large'])}
          src={url}
          alt={photo.fileName}
          width={160}
          height={160}
        />
      ) : null}
    </li>
  );
}
