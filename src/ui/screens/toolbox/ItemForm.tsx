// Adding, suggesting or editing an item of the valise. Checked here with the domain schema
// (and the web/e-mail rule for links) before anything is written; a refusal keeps every
// value typed and the file chosen.
import { useEffect, useState } from 'preact/hooks';
import * as v from 'valibot';
import { AttachmentTooLargeError, attachFile, maxAttachmentBytes } from '../../../db/attachments';
import { deleteDraft, getDraft, saveDraft } from '../../../db/drafts';
import { RecordValidationError } from '../../../db/errors';
import { addItem, editItem, type ItemInput, readItem } from '../../../db/toolbox';
import { linkState } from '../../../domain/links';
import { type ToolboxItem, toolboxItemSchema } from '../../../domain/toolbox';
import { toFieldIssue } from '../../../domain/validation';
import { TOOLBOX_KINDS, type ToolboxKind } from '../../../domain/vocabulary';
import { hrefTo, navigate } from '../../../state/router';
import { Banner } from '../../components/Banner';
import { Button, ButtonLink } from '../../components/Button';
import { Check } from '../../components/Check';
import { Field } from '../../components/Field';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useDataContext } from '../../hooks/use-data-context';
import { useLive } from '../../hooks/use-live';
import { useUnsavedInput } from '../../hooks/use-unsaved-input';
import { useLanguage, useMessages } from '../../i18n/messages';
import { formatBytes } from '../../i18n/numbers';
import { issuesByField } from '../../i18n/validation';
import { BackLink } from './BackLink';
import { messages } from './messages';
import { useCanCurate } from './use-toolbox-role';

const FORM_SCHEMA = v.pick(toolboxItemSchema, [
  'kind',
  'title',
  'description',
  'link',
  'tags',
  'shelf',
  'availableOffline',
  'quantity',
]);

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

export function ItemForm({ itemId }: { itemId: string | null }) {
  const view = useLive((context) => (itemId ? readItem(context, itemId) : Promise.resolve(null)), [itemId]);
  if (itemId && view === undefined) return null;
  return <ItemFormFields key={itemId ?? 'new'} item={view?.item ?? null} hasFile={!!view?.attachment} />;
}

function ItemFormFields({ item, hasFile }: { item: ToolboxItem | null; hasFile: boolean }) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const context = useDataContext();
  const canCurate = useCanCurate();
  const initial = item ? valuesOf(item) : EMPTY;
  const [values, setValues] = useState<Values>(initial);
  const [file, setFile] = useState<File | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<'errors' | 'save' | null>(null);
  const [busy, setBusy] = useState(false);
  const [restored, setRestored] = useState(false);
  const valuesChanged = JSON.stringify(values) !== JSON.stringify(initial);
  const dirty = file !== null || valuesChanged;
  useUnsavedInput(dirty && !busy);
  const draftId = `toolbox-item:${item?.id ?? 'new'}`;

  // What was typed survives a killed tab: kept as a draft on every change, offered back here.
  useEffect(() => {
    if (!context) return;
    let active = true;
    void getDraft(context, draftId).then((draft) => {
      if (!active || !draft) return;
      setValues({ ...initial, ...(draft.values as Partial<Values>) });
      setRestored(true);
    });
    return () => {
      active = false;
    };
  }, [context, draftId]);
  useEffect(() => {
    if (context && valuesChanged && !busy) {
      void saveDraft(context, { id: draftId, kind: 'toolbox-item', recordId: item?.id ?? null, values: { ...values } });
    }
  }, [context, values]);
  const discardDraft = async () => {
    if (context) await deleteDraft(context, draftId);
    setValues(initial);
    setRestored(false);
  };
  const limit = context ? maxAttachmentBytes(context) : 0;
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  const chooseFile = (chosen: File | null) => {
    setErrors(({ file: _previous, ...rest }) => rest);
    if (chosen && chosen.size > limit) {
      setFile(null);
      setErrors((current) => ({
        ...current,
        file: t.fileTooBig(formatBytes(chosen.size, lang), formatBytes(limit, lang)),
      }));
      return;
    }
    setFile(chosen);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!context) return;
    const input: ItemInput = {
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
    const found: Record<string, string> = {};
    const parsed = v.safeParse(FORM_SCHEMA, input);
    if (!parsed.success) Object.assign(found, issuesByField(parsed.issues.map(toFieldIssue), lang));
    if (linkState(input.link) === 'broken') found.link = t.linkInvalid;
    if (errors.file) found.file = errors.file;
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFailure('errors');
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const saved = item ? await editItem(context, item.id, input) : await addItem(context, input);
      if (file) {
        const attachment = await attachFile(context, {
          ownerType: 'toolboxItems',
          ownerId: saved.id,
          kind: file.type.startsWith('image/') ? 'photo' : 'file',
          fileName: file.name,
          mimeType: file.type || 'application/octet-stream',
          data: await file.arrayBuffer(),
        });
        await editItem(context, saved.id, { attachmentId: attachment.id });
      }
      await deleteDraft(context, draftId);
      navigate(hrefTo('valise', 'element', saved.id), { replace: true });
    } catch (error) {
      if (error instanceof RecordValidationError) {
        setErrors(issuesByField(error.issues, lang));
        setFailure('errors');
      } else if (error instanceof AttachmentTooLargeError) {
        setErrors({ file: t.fileTooBig(formatBytes(error.size, lang), formatBytes(error.limit, lang)) });
        setFailure('errors');
      } else {
        setFailure('save');
      }
      setBusy(false);
    }
  };

  const title = item ? t.editTitle : canCurate ? t.newTitle : t.suggestTitle;
  const cancelHref = item ? hrefTo('valise', 'element', item.id) : hrefTo('valise');
  return (
    <>
      <BackLink />
      <ScreenHeader title={title} description={canCurate || item ? undefined : t.suggestedNote} />
      <form class="stack item-form" onSubmit={submit} noValidate aria-label={title}>
        {restored ? (
          <Banner
            tone="info"
            actions={
              <Button variant="quiet" onClick={discardDraft}>
                {t.draftDiscard}
              </Button>
            }
          >
            {t.draftRestored}
          </Banner>
        ) : null}
        {failure ? <Banner tone="error">{failure === 'errors' ? t.fixErrors : t.saveFailed}</Banner> : null}
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
          error={errors.file}
          onChange={(event) => chooseFile(event.currentTarget.files?.[0] ?? null)}
        />
        <Check
          name="availableOffline"
          checked={values.availableOffline}
          onChange={(event) => set('availableOffline', event.currentTarget.checked)}
        >
          {t.offlineLabel}
        </Check>
        <div class="actions">
          <Button type="submit" variant="primary" disabled={busy}>
            {item || canCurate ? t.save : t.sendSuggestion}
          </Button>
          <ButtonLink href={cancelHref}>{t.cancel}</ButtonLink>
        </div>
      </form>
    </>
  );
}
