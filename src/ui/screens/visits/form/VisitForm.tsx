// Capture or edit a visit. Every change is written to a draft in IndexedDB at once, so a
// killed tab loses nothing; opening the form with a draft waiting asks explicitly whether to
// resume it. A new visit is saved with its follow-ups in one transaction, then its photos.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { attachFile } from '../../../../db/attachments';
import { listContacts } from '../../../../db/contacts';
import type { DataContext } from '../../../../db/context';
import { type Draft, deleteDraft, getDraft, saveDraft } from '../../../../db/drafts';
import { RecordValidationError } from '../../../../db/errors';
import { listOrganisations } from '../../../../db/organisations';
import { type CaptureHints, captureHints, createVisit, getVisit, updateVisit } from '../../../../db/visits';
import { SERVICE_KEYS } from '../../../../domain/services';
import type { Visit } from '../../../../domain/visit';
import { navigate } from '../../../../state/router';
import { Banner } from '../../../components/Banner';
import { Button, ButtonLink } from '../../../components/Button';
import { EmptyState } from '../../../components/EmptyState';
import { Field } from '../../../components/Field';
import { InlineContactForm } from '../../../components/InlineContactForm';
import { InlineOrganisationForm } from '../../../components/InlineOrganisationForm';
import { ScreenHeader } from '../../../components/ScreenHeader';
import { SearchPicker } from '../../../components/SearchPicker';
import { useDataContext } from '../../../hooks/use-data-context';
import { useLive } from '../../../hooks/use-live';
import { useUnsavedInput } from '../../../hooks/use-unsaved-input';
import { useDates } from '../../../i18n/dates';
import { useLanguage, useMessages } from '../../../i18n/messages';
import { issuesByField } from '../../../i18n/validation';
import { editVisitDraft, NEW_VISIT_DRAFT, PHOTOS_REFUSED, SAVED, VISIT_DRAFT_KIND, VISITS, visitHref } from '../paths';
import { FollowUpRows, PhotoPicker, PositionField, ServiceChoices } from './FormParts';
import { formMessages } from './messages';
import type { PendingPhoto } from './photo';
import {
  emptyVisitValues,
  servicesInOrder,
  toLocalInput,
  toVisitInput,
  type VisitFormValues,
  valuesOfVisit,
} from './values';
import './visit-form.css';

export interface VisitFormProps {
  /** The visit to edit, or null for a new one. */
  visitId: string | null;
  /** Resume a waiting draft without asking (the list's "Reprendre le brouillon" was the ask). */
  resume?: boolean;
}

interface Loaded {
  visit: Visit | null;
  start: VisitFormValues;
  draft: Draft | null;
  photosDraft: PendingPhoto[];
  hints: CaptureHints;
}

const photosDraftId = (draftId: string) => `${draftId}-photos`;

export default function VisitForm({ visitId, resume = false }: VisitFormProps) {
  const t = useMessages(formMessages);
  const d = useDates();
  const context = useDataContext();
  const draftId = visitId ? editVisitDraft(visitId) : NEW_VISIT_DRAFT;
  const [loaded, setLoaded] = useState<Loaded | 'missing'>();
  const [choice, setChoice] = useState<'resume' | 'fresh' | null>(resume ? 'resume' : null);

  useEffect(() => {
    if (!context) return;
    let active = true;
    void loadForm(context, visitId, draftId).then((result) => active && setLoaded(result));
    return () => {
      active = false;
    };
  }, [context, visitId, draftId]);

  const title = visitId ? t.editTitle : t.newTitle;
  if (!context || loaded === undefined) return <ScreenHeader title={title} />;
  if (loaded === 'missing') {
    return (
      <>
        <ScreenHeader title={title} />
        <EmptyState title={t.notFound} action={<ButtonLink href={`#/${VISITS}`}>{t.backToList}</ButtonLink>} />
      </>
    );
  }
  if (loaded.draft && choice === null) {
    const startFresh = async () => {
      await deleteDraft(context, draftId);
      await deleteDraft(context, photosDraftId(draftId));
      setChoice('fresh');
    };
    return (
      <>
        <ScreenHeader title={title} />
        <Banner
          tone="warning"
          title={t.draftTitle}
          actions={
            <>
              <Button variant="primary" onClick={() => setChoice('resume')}>
                {t.resume}
              </Button>
              <Button onClick={startFresh}>{visitId ? t.discardEdit : t.discard}</Button>
            </>
          }
        >
          <p class="banner__more">{t.draftText(d.relative(loaded.draft.updatedAt))}</p>
        </Banner>
      </>
    );
  }
  const fromDraft = choice === 'resume' && loaded.draft !== null;
  return (
    <VisitEditor
      context={context}
      title={title}
      visit={loaded.visit}
      draftId={draftId}
      initial={fromDraft ? { ...loaded.start, ...(loaded.draft?.values as Partial<VisitFormValues>) } : loaded.start}
      initialPhotos={fromDraft ? loaded.photosDraft : []}
      hints={loaded.hints}
    />
  );
}

async function loadForm(context: DataContext, visitId: string | null, draftId: string): Promise<Loaded | 'missing'> {
  const [visit, draft, photos, hints] = await Promise.all([
    visitId ? getVisit(context, visitId) : Promise.resolve(null),
    getDraft(context, draftId),
    getDraft(context, photosDraftId(draftId)),
    captureHints(context),
  ]);
  if (visitId && !visit) return 'missing';
  // Photos left from a visit whose draft is gone (saved, or discarded) are not offered again.
  if (!draft && photos) await deleteDraft(context, photosDraftId(draftId));
  return {
    visit: visit ?? null,
    start: visit ? valuesOfVisit(visit) : emptyVisitValues(),
    draft: draft ?? null,
    photosDraft: draft ? ((photos?.values.photos as PendingPhoto[] | undefined) ?? []) : [],
    hints,
  };
}

interface EditorProps {
  context: DataContext;
  title: string;
  visit: Visit | null;
  draftId: string;
  initial: VisitFormValues;
  initialPhotos: PendingPhoto[];
  hints: CaptureHints;
}

function VisitEditor({ context, title, visit, draftId, initial, initialPhotos, hints }: EditorProps) {
  const t = useMessages(formMessages);
  const lang = useLanguage();
  const [values, setValues] = useState(initial);
  const [photos, setPhotos] = useState(initialPhotos);
  const [pendingWrites, setPendingWrites] = useState(0);
  const [problems, setProblems] = useState<{ fields: Record<string, string>; followUps: Set<string> } | null>(null);
  const [failed, setFailed] = useState(false);
  const [saving, setSaving] = useState(false);
  const [creatingLieu, setCreatingLieu] = useState<string | null>(null);
  const [creatingPerson, setCreatingPerson] = useState<string | null>(null);
  // Draft writes run one after the other, and saving waits for them: a late draft write
  // must never bring back the draft of a visit just saved.
  const writes = useRef<Promise<void>>(Promise.resolve());
  const saved = useRef(false);
  const form = useRef<HTMLFormElement>(null);
  // Only input not yet in IndexedDB is at risk; once in the draft, a reload keeps it.
  useUnsavedInput(pendingWrites > 0 || creatingLieu !== null || creatingPerson !== null);

  const organisations = useLive((ctx) => listOrganisations(ctx), []);
  const contacts = useLive((ctx) => listContacts(ctx), []);
  const lieuOptions = useMemo(
    () => (organisations ?? []).map((item) => ({ id: item.id, label: item.name, detail: item.commune })),
    [organisations],
  );
  const personOptions = useMemo(
    () => (contacts ?? []).map((item) => ({ id: item.id, label: item.name, detail: item.role })),
    [contacts],
  );
  const serviceOrder = useMemo(() => servicesInOrder(SERVICE_KEYS, hints.usualServices), [hints]);

  const keep = (write: () => Promise<void>) => {
    if (saved.current) return;
    setPendingWrites((count) => count + 1);
    writes.current = writes.current
      .then(write)
      .catch((error: unknown) => console.error('draft not written', error))
      .finally(() => setPendingWrites((count) => count - 1));
  };
  const change = (patch: Partial<VisitFormValues>) => {
    const next = { ...values, ...patch };
    setValues(next);
    keep(() =>
      saveDraft(context, { id: draftId, kind: VISIT_DRAFT_KIND, recordId: visit?.id ?? null, values: { ...next } }),
    );
  };
  const changePhotos = (next: PendingPhoto[]) => {
    setPhotos(next);
    // The main draft must exist for the photos to be offered back.
    change({});
    keep(() =>
      saveDraft(context, { id: `${draftId}-photos`, kind: 'visit-photos', recordId: null, values: { photos: next } }),
    );
  };

  useEffect(() => {
    if (problems) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [problems]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (saving) return;
    setFailed(false);
    const result = toVisitInput(values);
    if (!result.ok) {
      setProblems({
        fields: Object.fromEntries(
          result.problems.filter((problem) => problem.field === 'visitedAt').map(() => ['visitedAt', t.whenInvalid]),
        ),
        followUps: new Set(
          result.problems.flatMap((problem) => (problem.field === 'followUpText' ? [problem.key] : [])),
        ),
      });
      return;
    }
    setSaving(true);
    try {
      await writes.current;
      // An unchanged date keeps its seconds (a visit imported or synced with them).
      const input =
        visit && toLocalInput(new Date(visit.visitedAt)) === values.visitedAt
          ? { ...result.value.visit, visitedAt: visit.visitedAt }
          : result.value.visit;
      saved.current = true;
      if (visit) {
        await updateVisit(context, visit.id, input, draftId);
        navigate(visitHref(visit.id), { replace: true });
        return;
      }
      const created = await createVisit(context, input, result.value.followUps, draftId);
      let refused = 0;
      for (const photo of photos) {
        try {
          await attachFile(context, { ownerType: 'visits', ownerId: created.visit.id, kind: 'photo', ...photo });
        } catch (error) {
          console.error('photo not attached', error);
          refused += 1;
        }
      }
      await deleteDraft(context, `${draftId}-photos`);
      const notice = refused > 0 ? `${PHOTOS_REFUSED}=${refused}` : `${SAVED}=1`;
      navigate(`${visitHref(created.visit.id)}?${notice}`, { replace: true });
    } catch (error) {
      saved.current = false;
      setSaving(false);
      if (error instanceof RecordValidationError) {
        setProblems({ fields: issuesByField(error.issues, lang), followUps: new Set() });
      } else {
        console.error(error);
        setFailed(true);
      }
    }
  };

  const fieldErrors = problems?.fields ?? {};
  return (
    <>
      <ScreenHeader title={title} description={t.intro} />
      <form class="visit-form stack" ref={form} onSubmit={submit} noValidate>
        {problems ? (
          <Banner tone="error" urgent>
            {t.fixProblems}
          </Banner>
        ) : null}
        <SearchPicker
          label={t.place}
          hint={t.placeHint}
          options={lieuOptions}
          selected={values.organisationId ? [values.organisationId] : []}
          suggested={hints.lastOrganisationId ? [hints.lastOrganisationId] : []}
          onChange={(ids) => change({ organisationId: ids[0] ?? null })}
          onCreate={(text) => setCreatingLieu(text)}
          error={fieldErrors.organisationId}
        />
        {creatingLieu !== null ? (
          <InlineOrganisationForm
            initialName={creatingLieu}
            onCreated={(lieu) => {
              setCreatingLieu(null);
              change({ organisationId: lieu.id });
            }}
            onCancel={() => setCreatingLieu(null)}
          />
        ) : null}
        <ServiceChoices order={serviceOrder} selected={values.services} onChange={(services) => change({ services })} />
        <Field
          as="textarea"
          label={t.notes}
          hint={t.notesHint}
          rows={5}
          value={values.notes}
          onInput={(event) => change({ notes: event.currentTarget.value })}
          error={fieldErrors.notes}
        />
        <SearchPicker
          label={t.people}
          hint={t.peopleHint}
          multiple
          options={personOptions}
          selected={values.contactIds}
          suggested={[]}
          maxShown={4}
          onChange={(contactIds) => change({ contactIds })}
          onCreate={(text) => setCreatingPerson(text)}
          error={fieldErrors.contactIds}
        />
        {creatingPerson !== null ? (
          <InlineContactForm
            initialName={creatingPerson}
            organisationIds={values.organisationId ? [values.organisationId] : []}
            onCreated={(person) => {
              setCreatingPerson(null);
              change({ contactIds: [...values.contactIds, person.id] });
            }}
            onCancel={() => setCreatingPerson(null)}
          />
        ) : null}
        <Field
          label={t.purposeLabel}
          optional
          value={values.purpose}
          onInput={(event) => change({ purpose: event.currentTarget.value })}
          error={fieldErrors.purpose}
        />
        <Field
          label={t.when}
          type="datetime-local"
          value={values.visitedAt}
          onInput={(event) => change({ visitedAt: event.currentTarget.value })}
          error={fieldErrors.visitedAt}
        />
        <Field
          label={t.freePlace}
          hint={t.freePlaceHint}
          optional
          value={values.placeLabel}
          onInput={(event) => change({ placeLabel: event.currentTarget.value })}
          error={fieldErrors.placeLabel}
        />
        {visit ? null : (
          <FollowUpRows
            rows={values.followUps}
            onChange={(followUps) => change({ followUps })}
            missingText={problems?.followUps ?? new Set()}
          />
        )}
        {visit ? null : <PhotoPicker context={context} photos={photos} onChange={changePhotos} />}
        <PositionField position={values} onChange={(position) => change(position)} />
        {failed ? (
          <p class="field__error" role="alert">
            {t.saveFailed}
          </p>
        ) : null}
        <div class="actions visit-form__submit">
          <Button type="submit" variant="primary" disabled={saving}>
            {saving ? t.saving : t.save}
          </Button>
          <ButtonLink href={visit ? visitHref(visit.id) : `#/${VISITS}`}>{t.cancel}</ButtonLink>
        </div>
      </form>
    </>
  );
}
