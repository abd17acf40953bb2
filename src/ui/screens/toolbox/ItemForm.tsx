// Adding, suggesting or editing an item of the valise, on the form kit: kept as a draft on
// every change (the chosen file too), checked by the domain on save, and saved — item, file
// and the link between them — in one transaction. A refusal keeps every value and the file.
import { useState } from 'preact/hooks';
import { AttachmentTooLargeError, maxAttachmentBytes } from '../../../db/attachments';
import { type ChosenFile, type ItemInput, readItem, saveItem } from '../../../db/toolbox';
import { linkState } from '../../../domain/links';
import type { ToolboxItem } from '../../../domain/toolbox';
import { TOOLBOX_KINDS, type ToolboxKind } from '../../../domain/vocabulary';
import { hrefTo, navigate } from '../../../state/router';
import { Check } from '../../components/Check';
import { Field } from '../../components/Field';
import { FormFrame } from '../../forms/FormFrame';
import { FormGate } from '../../forms/FormGate';
import { type FormStart, useFormStart } from '../../forms/use-form-start';
import { type FieldErrors, useRecordForm } from '../../forms/use-record-form';
import { useLanguage, useMessages } from '../../i18n/messages';
import { formatBytes } from '../../i18n/numbers';
import { BackLink } from './BackLink';
import { messages } from './messages';
import { useCanCurate } from './use-toolbox-role';

interface Values {
  kind: ToolboxKind;
  title: string;
  shelf: string;
  description: string;
  link: string;
  tags: string;
  quantity: string;
  availableOffline: boolean;
}

const EMPTY: Values = {
  kind: 'method_sheet',
  title: '',
  shelf: '',
  description: '',
  link: '',
  tags: '',
  quantity: '1',
  availableOffline: true,
};

function valuesOf(item: ToolboxItem): Values {
  return {
    kind: item.kind,
    title: item.title,
    shelf: item.shelf ?? '',
    description: item.description ?? '',
    link: item.link ?? '',
    tags: item.tags.join(', '),
    quantity: String(item.quantity ?? 1),
    availableOffline: item.availableOffline,
  };
}

function inputOf(values: Values): ItemInput {
  return {
    kind: values.kind,
    title: values.title,
    shelf: values.shelf.trim() === '' ? null : values.shelf.trim(),
    description: values.description === '' ? null : values.description,
    link: values.link.trim() === '' ? null : values.link.trim(),
    tags: values.tags
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean),
    availableOffline: values.availableOffline,
    quantity: values.kind === 'kit' ? Number(values.quantity) : null,
  };
}

interface Loaded {
  item: ToolboxItem | null;
  hasFile: boolean;
}

export function ItemForm({ itemId, draftId }: { itemId: string | null; draftId?: string | undefined }) {
  const t = useMessages(messages);
  const [loaded, setLoaded] = useState<Loaded>({ item: null, hasFile: false });
  const start = useFormStart<Values, ChosenFile>(
    { kind: 'toolbox-item', recordId: itemId, draftId },
    async (context, id) => {
      if (id === null) return EMPTY;
      const view = await readItem(context, id);
      if (!view) return undefined;
      setLoaded({ item: view.item, hasFile: view.attachment !== null });
      return valuesOf(view.item);
    },
  );
  return (
    <FormGate
      title={itemId ? t.editTitle : t.newTitle}
      start={start}
      missing={{ text: t.notFound, back: t.back, href: hrefTo('valise') }}
    >
      {(ready) => <ItemFormFields start={ready} item={loaded.item} hasFile={loaded.hasFile} />}
    </FormGate>
  );
}

function ItemFormFields({
  start,
  item,
  hasFile,
}: {
  start: FormStart<Values, ChosenFile>;
  item: ToolboxItem | null;
  hasFile: boolean;
}) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const canCurate = useCanCurate();
  const { context } = start;
  const [refusal, setRefusal] = useState<string | null>(null);
  const limit = maxAttachmentBytes(context);
  const tooBig = (size: number) => t.fileTooBig(formatBytes(size, lang), formatBytes(limit, lang));
  const form = useRecordForm(start, {
    check: (values): FieldErrors => (linkState(inputOf(values).link) === 'broken' ? { link: t.linkInvalid } : {}),
    record: (values) => ({ type: 'toolboxItems', fields: inputOf(values) }),
    save: (values, files, draftId, opened) =>
      saveItem(context, start.recordId, inputOf(values), files[0] ?? null, draftId, opened && inputOf(opened)),
    onSaved: (saved) => navigate(hrefTo('valise', 'element', saved.id), { replace: true }),
    errorsOf: (error) => (error instanceof AttachmentTooLargeError ? { file: tooBig(error.size) } : null),
    describe: (values) => values.title.trim(),
  });
  const { values, errors, set } = form;

  const chooseFile = async (chosen: File | null) => {
    setRefusal(null);
    if (chosen && chosen.size > limit) {
      setRefusal(tooBig(chosen.size));
      return;
    }
    form.setFiles(
      chosen
        ? [
            {
              fileName: chosen.name,
              mimeType: chosen.type || 'application/octet-stream',
              data: await chosen.arrayBuffer(),
            },
          ]
        : [],
    );
  };

  const title = item ? t.editTitle : canCurate ? t.newTitle : t.suggestTitle;
  return (
    <>
      <BackLink />
      <FormFrame
        form={form}
        title={title}
        description={canCurate || item ? undefined : t.suggestedNote}
        fix={t.fixErrors}
        saveLabel={item || canCurate ? t.save : t.sendSuggestion}
        cancelLabel={t.cancel}
        cancelHref={item ? hrefTo('valise', 'element', item.id) : hrefTo('valise')}
      >
        <Field
          as="select"
          label={t.kindLabel}
          name="kind"
          value={values.kind}
          onChange={(event) => set('kind', event.currentTarget.value as ToolboxKind)}
        >
          {TOOLBOX_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t.kind(kind)}
            </option>
          ))}
        </Field>
        <Field
          label={t.titleLabel}
          name="title"
          required
          maxLength={200}
          value={values.title}
          error={errors.title}
          onInput={(event) => set('title', event.currentTarget.value)}
        />
        <Field
          label={t.shelfLabel}
          hint={t.shelfHint}
          optional
          name="shelf"
          value={values.shelf}
          error={errors.shelf}
          onInput={(event) => set('shelf', event.currentTarget.value)}
        />
        <Field
          as="textarea"
          label={t.descriptionLabel}
          hint={t.descriptionHint}
          optional
          name="description"
          rows={8}
          value={values.description}
          error={errors.description}
          onInput={(event) => set('description', event.currentTarget.value)}
        />
        <Field
          label={t.linkLabel}
          hint={t.linkHint}
          optional
          name="link"
          type="url"
          inputMode="url"
          value={values.link}
          error={errors.link}
          onInput={(event) => set('link', event.currentTarget.value)}
        />
        <Field
          label={t.tagsLabel}
          hint={t.tagsHint}
          optional
          name="tags"
          value={values.tags}
          error={errors.tags}
          onInput={(event) => set('tags', event.currentTarget.value)}
        />
        {values.kind === 'kit' ? (
          <Field
            label={t.quantityLabel}
            name="quantity"
            type="number"
            inputMode="numeric"
            min={0}
            step={1}
            value={values.quantity}
            error={errors.quantity}
            onInput={(event) => set('quantity', event.currentTarget.value)}
          />
        ) : null}
        <Field
          label={t.fileLabel}
          hint={`${t.fileHint(formatBytes(limit, lang))}${hasFile ? ` ${t.fileReplace}` : ''}`}
          optional
          name="file"
          type="file"
          accept="application/pdf,image/*"
          error={refusal ?? errors.file}
          onChange={(event) => void chooseFile(event.currentTarget.files?.[0] ?? null)}
        />
        <Check
          name="availableOffline"
          checked={values.availableOffline}
          onChange={(event) => set('availableOffline', event.currentTarget.checked)}
        >
          {t.offlineLabel}
        </Check>
      </FormFrame>
    </>
  );
}
