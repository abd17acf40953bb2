// Making or changing a packing list: its title, its kind of trip and which items of the
// valise it holds (ticked by shelf). A trip keeps what is already packed.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import * as v from 'valibot';
import { deleteDraft, getDraft, saveDraft } from '../../../db/drafts';
import { RecordValidationError } from '../../../db/errors';
import {
  packingListDraftId,
  readPackingList,
  readToolbox,
  savePackingListForm,
  type ToolboxView,
} from '../../../db/toolbox';
import { type PackingList, packingListSchema } from '../../../domain/toolbox';
import { toFieldIssue } from '../../../domain/validation';
import { TRIP_KINDS, type TripKind } from '../../../domain/vocabulary';
import { hrefTo, navigate } from '../../../state/router';
import { Banner } from '../../components/Banner';
import { Button, ButtonLink } from '../../components/Button';
import { Check } from '../../components/Check';
import { Field, FieldError } from '../../components/Field';
import { ScreenHeader } from '../../components/ScreenHeader';
import { FormProblem } from '../../forms/FormNotices';
import { useFocusFirstError } from '../../forms/focus-first-error';
import { useDataContext } from '../../hooks/use-data-context';
import { useDraftWrites } from '../../hooks/use-draft-writes';
import { useLive } from '../../hooks/use-live';
import { useUnsavedInput } from '../../hooks/use-unsaved-input';
import { useLanguage, useMessages } from '../../i18n/messages';
import { issuesByField } from '../../i18n/validation';
import { BackLink } from './BackLink';
import { messages } from './messages';
import styles from './PackingListEditor.module.css';
import { shelves } from './shelves';

const FORM_SCHEMA = v.pick(packingListSchema(), ['title', 'tripKind', 'itemIds']);
const ITEMS_ERROR_ID = 'liste-objets-erreur';

export function PackingListEditor({ listId }: { listId: string | null }) {
  const view = useLive((context) => (listId ? readPackingList(context, listId) : Promise.resolve(null)), [listId]);
  const toolbox = useLive((context) => readToolbox(context), []);
  if ((listId && view === undefined) || !toolbox) return null;
  return <EditorFields key={listId ?? 'new'} list={view?.list ?? null} toolbox={toolbox} />;
}

function EditorFields({ list, toolbox }: { list: PackingList | null; toolbox: ToolboxView }) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const context = useDataContext();
  const [title, setTitle] = useState(list?.title ?? '');
  const [tripKind, setTripKind] = useState<TripKind>(list?.tripKind ?? 'field_visit');
  const [itemIds, setItemIds] = useState<string[]>(list?.itemIds ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useFocusFirstError(errors);
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const dirty =
    title !== (list?.title ?? '') ||
    tripKind !== (list?.tripKind ?? 'field_visit') ||
    itemIds.join() !== (list?.itemIds ?? []).join();
  const drafts = useDraftWrites();
  // Once in its draft, a change comes back after a reload: leaving asks only before that.
  useUnsavedInput(dirty && !busy && (drafts.unkept || !context));
  const draftId = packingListDraftId(list?.id ?? null);
  // A change made before the draft is read wins over it.
  const touched = useRef(false);

  // A title or a tick changed when the page was reloaded or the phone ended the app comes back.
  useEffect(() => {
    if (!context) return;
    let active = true;
    void getDraft(context, draftId).then((draft) => {
      if (!active || !draft || touched.current) return;
      const kept = draft.values as { title?: string; tripKind?: TripKind; itemIds?: string[] };
      if (typeof kept.title === 'string') setTitle(kept.title);
      if (kept.tripKind && TRIP_KINDS.includes(kept.tripKind)) setTripKind(kept.tripKind);
      if (Array.isArray(kept.itemIds)) setItemIds(kept.itemIds);
    });
    return () => {
      active = false;
    };
  }, [context, draftId]);

  const keepDraft = (values: { title: string; tripKind: TripKind; itemIds: string[] }) => {
    touched.current = true;
    if (!context) return;
    drafts.keep(
      saveDraft(context, {
        id: draftId,
        kind: 'packing-list',
        recordId: list?.id ?? null,
        title: values.title,
        values,
      }),
    );
  };

  // Published items, and any item the list already holds (a suggestion stays choosable there).
  const choosable = useMemo(
    () => toolbox.items.filter((item) => item.status === 'published' || itemIds.includes(item.id)),
    [toolbox, itemIds],
  );
  const toggle = (id: string, on: boolean) => {
    const next = on ? [...itemIds.filter((known) => known !== id), id] : itemIds.filter((known) => known !== id);
    setItemIds(next);
    keepDraft({ title, tripKind, itemIds: next });
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!context) return;
    const input = { title, tripKind, itemIds };
    const parsed = v.safeParse(FORM_SCHEMA, input);
    const found = parsed.success ? {} : issuesByField(parsed.issues.map(toFieldIssue), lang);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    setFailed(false);
    try {
      const saved = await savePackingListForm(context, list?.id ?? null, input);
      navigate(hrefTo('valise', 'liste', saved.id), { replace: true });
    } catch (error) {
      if (error instanceof RecordValidationError) setErrors(issuesByField(error.issues, lang));
      else setFailed(true);
      setBusy(false);
    }
  };

  const heading = list ? t.editListTitle : t.newListTitle;
  return (
    <>
      <BackLink />
      <ScreenHeader title={heading} />
      <form ref={formRef} class="stack" onSubmit={submit} noValidate aria-label={heading}>
        <FormProblem problem={Object.keys(errors).length > 0 ? 'errors' : null} fix={t.fixErrors} />
        {failed ? <Banner tone="error">{t.saveFailed}</Banner> : null}
        <Field
          label={t.titleLabel}
          name="title"
          required
          maxLength={200}
          value={title}
          error={errors.title}
          onInput={(event) => {
            setTitle(event.currentTarget.value);
            keepDraft({ title: event.currentTarget.value, tripKind, itemIds });
          }}
        />
        <Field
          as="select"
          label={t.tripKindLabel}
          name="tripKind"
          value={tripKind}
          onChange={(event) => {
            const kind = event.currentTarget.value as TripKind;
            setTripKind(kind);
            keepDraft({ title, tripKind: kind, itemIds });
          }}
        >
          {TRIP_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t.tripKind(kind)}
            </option>
          ))}
        </Field>
        {shelves(choosable, t.otherShelf).map(([shelf, items]) => (
          <fieldset class={styles.shelf} key={shelf}>
            <legend>{shelf}</legend>
            {items.map((item) => (
              <Check
                key={item.id}
                name="itemIds"
                value={item.id}
                checked={itemIds.includes(item.id)}
                // A list refused for its items (more than a list holds) marks them all: the first
                // takes the focus and reads why (useFocusFirstError), not « Enregistrer ».
                aria-invalid={errors.itemIds ? true : undefined}
                aria-describedby={errors.itemIds ? ITEMS_ERROR_ID : undefined}
                onChange={(event) => toggle(item.id, event.currentTarget.checked)}
              >
                {item.title}
              </Check>
            ))}
          </fieldset>
        ))}
        {errors.itemIds ? <FieldError id={ITEMS_ERROR_ID}>{errors.itemIds}</FieldError> : null}
        <p role="status">{t.itemCount(itemIds.length)}</p>
        <div class="actions">
          <Button type="submit" variant="primary" aria-disabled={busy}>
            {t.save}
          </Button>
          {/* Cancelling gives up the changes: the editor opens on the saved list next time. */}
          <ButtonLink
            href={list ? hrefTo('valise', 'liste', list.id) : hrefTo('valise')}
            onClick={() => context && void deleteDraft(context, draftId)}
          >
            {t.cancel}
          </ButtonLink>
        </div>
      </form>
    </>
  );
}
