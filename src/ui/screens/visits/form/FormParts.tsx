import { isolate } from '../../../../domain/bidi';
// Pieces of the visit form: service chips, follow-up rows, photos and the position.

import { useEffect, useRef, useState } from 'preact/hooks';
import { maxAttachmentBytes } from '../../../../db/attachments';
import type { DataContext } from '../../../../db/context';
import { dayAfter, localDay } from '../../../../domain/days';
import { newId } from '../../../../domain/ids';
import { labelOf } from '../../../../domain/label-of';
import { formatNumber } from '../../../../domain/numbers';
import { formatPosition } from '../../../../domain/positions';
import { SERVICE_LABELS, type ServiceKey } from '../../../../domain/services';
import { Button } from '../../../components/Button';
import { Choice, Choices } from '../../../components/Choices';
import { classes } from '../../../components/classes';
import { Field, FieldError, fieldParts, Hint, OptionalMark } from '../../../components/Field';
import { FileInput } from '../../../components/FileInput';
import { useFocusAfterClose } from '../../../hooks/use-focus-after-close';
import { useFocusAfterRemoval } from '../../../hooks/use-focus-after-removal';
import { usePosition } from '../../../hooks/use-position';
import { useLanguage, useMessages } from '../../../i18n/messages';
import { formatBytes } from '../../../i18n/numbers';
import { formMessages } from './messages';
import { type PendingPhoto, resizePhoto, TooManyPixelsError, UnreadableImageError } from './photo';
import type { FollowUpRow } from './values';
import styles from './visit-form.module.css';

export function ServiceChoices({
  order,
  selected,
  onChange,
}: {
  order: readonly ServiceKey[];
  selected: readonly ServiceKey[];
  onChange: (services: ServiceKey[]) => void;
}) {
  const t = useMessages(formMessages);
  const lang = useLanguage();
  return (
    <fieldset class={classes(fieldParts.field, styles['visit-form__fieldset'])}>
      <legend class={fieldParts.label}>
        {t.services}
        <OptionalMark />
      </legend>
      <Hint>{t.servicesHint}</Hint>
      <Choices as="div">
        {/* A service of a later release stays ticked, named as unknown, and is saved as it is. */}
        {[...order, ...selected.filter((service) => !order.includes(service))].map((service) => (
          <Choice key={service}>
            <input
              type="checkbox"
              checked={selected.includes(service)}
              onChange={(event) =>
                onChange(
                  event.currentTarget.checked
                    ? [...selected, service]
                    : selected.filter((picked) => picked !== service),
                )
              }
            />
            {labelOf(SERVICE_LABELS, service, lang)}
          </Choice>
        ))}
      </Choices>
    </fieldset>
  );
}

/** Keys of a follow-up row's errors and controls: the rows are not fields of the visit record. */
export const followUpTextKey = (key: string) => `followUp:${key}`;
export const followUpDueKey = (key: string) => `followUpDue:${key}`;

export function FollowUpRows({
  rows,
  onChange,
  errors,
}: {
  rows: readonly FollowUpRow[];
  onChange: (rows: FollowUpRow[]) => void;
  /** The form's errors, a row's under the keys above. */
  errors: Readonly<Record<string, string>>;
}) {
  const t = useMessages(formMessages);
  const change = (key: string, patch: Partial<FollowUpRow>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  // A row just added is typed into next: its text field takes the focus the button had.
  const list = useRef<HTMLUListElement>(null);
  const addButton = useRef<HTMLDivElement>(null);
  const added = useRef<string | null>(null);
  // A row removed takes its focused button with it, and the focus would fall to the page's
  // start: it goes to the row now in its place (else the one before), or to "Ajouter un suivi".
  const removing = useFocusAfterRemoval<number>(
    rows,
    (index) =>
      list.current?.children[Math.min(index, rows.length - 1)]?.querySelector('input') ??
      addButton.current?.querySelector('button'),
  );
  useEffect(() => {
    if (added.current === null) return;
    list.current?.querySelector<HTMLInputElement>(`[data-row="${added.current}"] input`)?.focus();
    added.current = null;
  }, [rows]);
  const add = () => {
    const key = newId();
    added.current = key;
    onChange([...rows, { key, text: '', dueDate: '' }]);
  };
  const remove = (index: number) => {
    removing(index);
    onChange(rows.filter((_, other) => other !== index));
  };
  return (
    <fieldset class={classes(fieldParts.field, styles['visit-form__fieldset'])}>
      <legend class={fieldParts.label}>{t.followUps}</legend>
      <ul ref={list} class={styles['follow-up-rows']}>
        {rows.map((row, index) => (
          <li key={row.key} data-row={row.key} class={styles['follow-up-row']}>
            <Field
              label={`${t.followUpText} ${index + 1}`}
              value={row.text}
              onInput={(event) => change(row.key, { text: event.currentTarget.value })}
              error={errors[followUpTextKey(row.key)]}
            />
            <Field
              label={t.followUpDue}
              optional
              type="date"
              name={followUpDueKey(row.key)}
              value={row.dueDate}
              onInput={(event) => change(row.key, { dueDate: event.currentTarget.value })}
              error={errors[followUpDueKey(row.key)]}
            />
            <div class="actions">
              <Button variant="quiet" onClick={() => change(row.key, { dueDate: dayAfter(localDay(), 7) })}>
                {t.inAWeek}
              </Button>
              <Button variant="quiet" onClick={() => remove(index)}>
                {t.removeFollowUp}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <div ref={addButton}>
        <Button onClick={add}>{t.addFollowUp}</Button>
      </div>
    </fieldset>
  );
}

export function PhotoPicker({
  context,
  photos,
  onChange,
  error,
}: {
  context: DataContext;
  photos: readonly PendingPhoto[];
  onChange: (photos: PendingPhoto[]) => void;
  error?: string | undefined;
}) {
  const t = useMessages(formMessages);
  const lang = useLanguage();
  const [refusals, setRefusals] = useState<string[]>([]);
  // A photo's "×" goes with the photo: the focus goes to the file chooser, not the page's start.
  const box = useRef<HTMLFieldSetElement>(null);
  const removing = useFocusAfterRemoval(photos, () =>
    box.current?.querySelector<HTMLInputElement>('input[type="file"]'),
  );
  const add = async (files: FileList | null) => {
    const added: PendingPhoto[] = [];
    const refused: string[] = [];
    const limit = maxAttachmentBytes(context);
    for (const file of Array.from(files ?? [])) {
      try {
        const photo = await resizePhoto(file);
        if (photo.data.byteLength > limit) {
          refused.push(
            t.photoTooLarge(isolate(file.name), formatBytes(photo.data.byteLength, lang), formatBytes(limit, lang)),
          );
        } else added.push({ ...photo, key: newId() });
      } catch (error) {
        if (error instanceof TooManyPixelsError) refused.push(t.photoTooManyPixels(isolate(file.name), error));
        else if (error instanceof UnreadableImageError) refused.push(t.photoUnreadable(isolate(file.name)));
        else throw error;
      }
    }
    setRefusals(refused);
    if (added.length > 0) onChange([...photos, ...added]);
  };
  return (
    <fieldset
      ref={box}
      class={classes(fieldParts.field, styles['visit-form__fieldset'])}
      aria-invalid={error ? 'true' : undefined}
    >
      <legend class={fieldParts.label}>{t.photos}</legend>
      {photos.length > 0 ? (
        <ul class={styles['photo-list']}>
          {photos.map((photo) => (
            <li key={photo.key} class={styles['photo-list__item']}>
              <PhotoThumb photo={photo} />
              <Button
                variant="quiet"
                aria-label={t.removePhoto(photo.fileName)}
                onClick={() => {
                  removing();
                  onChange(photos.filter((other) => other.key !== photo.key));
                }}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      <FileInput accept="image/*" multiple onFiles={add}>
        {t.addPhoto}
      </FileInput>
      <Hint>{t.photoHint}</Hint>
      {[...refusals, ...(error ? [error] : [])].map((refusal) => (
        <FieldError key={refusal} role="alert">
          {refusal}
        </FieldError>
      ))}
    </fieldset>
  );
}

function PhotoThumb({ photo }: { photo: PendingPhoto }) {
  const [url] = useState(() => URL.createObjectURL(new Blob([photo.data], { type: photo.mimeType })));
  return <img class={styles['photo-list__thumb']} src={url} alt={photo.fileName} width={96} height={96} />;
}

export interface Position {
  latitude: number | null;
  longitude: number | null;
  positionAccuracy: number | null;
}

export function PositionField({ position, onChange }: { position: Position; onChange: (position: Position) => void }) {
  const t = useMessages(formMessages);
  const lang = useLanguage();
  const here = usePosition();
  const { latitude, longitude } = position;
  const placed = latitude !== null && longitude !== null;
  // "Retirer la position" goes away with the position: "Ajouter ma position" takes the focus.
  const box = useFocusAfterClose<HTMLFieldSetElement>(placed);
  const locate = () =>
    here.locate((found) =>
      onChange({ latitude: found.latitude, longitude: found.longitude, positionAccuracy: found.accuracy }),
    );
  return (
    <fieldset ref={box} class={classes(fieldParts.field, styles['visit-form__fieldset'])}>
      <legend class={fieldParts.label}>{t.position}</legend>
      {placed ? (
        <div class={classes('actions', styles['visit-form__position'])}>
          <span>
            {t.positionSet(
              formatPosition(latitude, longitude, lang),
              position.positionAccuracy === null ? '?' : formatNumber(position.positionAccuracy, lang),
            )}
          </span>
          <Button variant="quiet" onClick={() => onChange({ latitude: null, longitude: null, positionAccuracy: null })}>
            {t.removePosition}
          </Button>
        </div>
      ) : (
        <div>
          <Button onClick={locate} aria-disabled={here.status === 'locating'}>
            {here.status === 'locating' ? t.locating : t.addPosition}
          </Button>
        </div>
      )}
      {here.problem ? (
        <Hint role="status">
          {here.problem} {t.savedWithoutPosition}
        </Hint>
      ) : null}
    </fieldset>
  );
}
