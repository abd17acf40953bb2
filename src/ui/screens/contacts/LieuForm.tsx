// Create or edit a lieu: identity (name, kind, typology, legal structure), address and
// territory, how to reach it, tags and notes.
import { useMemo, useState } from 'preact/hooks';
import { RecordValidationError } from '../../../db/errors';
import { createOrganisation, getOrganisation, updateOrganisation } from '../../../db/organisations';
import type { Organisation } from '../../../domain/organisation';
import {
  LEGAL_STRUCTURES,
  labelOf,
  ORGANISATION_KINDS,
  type OrganisationKind,
  TERRITORY_SCALES,
  TYPOLOGIES,
} from '../../../domain/vocabulary';
import { navigate } from '../../../state/router';
import { Banner } from '../../components/Banner';
import { Button, ButtonLink } from '../../components/Button';
import { Field } from '../../components/Field';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Section } from '../../components/Section';
import { useDataContext } from '../../hooks/use-data-context';
import { useRecordOnce } from '../../hooks/use-record-once';
import { useUnsavedInput } from '../../hooks/use-unsaved-input';
import { useLanguage, useMessages } from '../../i18n/messages';
import { issuesByField } from '../../i18n/validation';
import {
  LEGAL_STRUCTURE_LABELS,
  ORGANISATION_KIND_LABELS,
  TERRITORY_SCALE_LABELS,
  TYPOLOGY_LABELS,
} from '../../i18n/vocabulary';
import { parseTags, textOrNull } from './form-text';
import { messages } from './messages';
import { lieuHref, lieuxHref } from './paths';

const TEXT_KEYS = [
  'name',
  'typology',
  'legalStructure',
  'address',
  'postcode',
  'commune',
  'inseeCode',
  'territoryLabel',
  'territoryScale',
  'departement',
  'region',
  'website',
  'email',
  'phone',
  'tags',
  'notes',
] as const;
type LieuValues = Record<(typeof TEXT_KEYS)[number], string> & { kind: OrganisationKind };

function valuesOf(lieu: Organisation | null): LieuValues {
  const values = { kind: lieu?.kind ?? 'tiers_lieu' } as LieuValues;
  for (const key of TEXT_KEYS) {
    const value = lieu?.[key];
    values[key] = Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : '';
  }
  return values;
}

export function LieuForm({ lieuId }: { lieuId: string | null }) {
  const t = useMessages(messages);
  const lieu = useRecordOnce(lieuId, getOrganisation);
  const title = lieuId ? t.editLieuTitle : t.newLieu;
  if (lieu === undefined) return <ScreenHeader title={title} />;
  return <LieuEditor title={title} lieu={lieu} />;
}

function LieuEditor({ title, lieu }: { title: string; lieu: Organisation | null }) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const context = useDataContext();
  const start = useMemo(() => valuesOf(lieu), [lieu]);
  const [values, setValues] = useState(start);
  const [errors, setErrors] = useState<Record<string, string> | null>(null);
  const [failed, setFailed] = useState(false);
  useUnsavedInput(JSON.stringify(values) !== JSON.stringify(start));
  const set = (key: keyof LieuValues) => (event: { currentTarget: { value: string } }) =>
    setValues({ ...values, [key]: event.currentTarget.value });

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!context) return;
    setFailed(false);
    const fields = {
      name: values.name,
      kind: values.kind,
      typology: (values.typology || null) as Organisation['typology'],
      legalStructure: (values.legalStructure || null) as Organisation['legalStructure'],
      address: textOrNull(values.address),
      postcode: textOrNull(values.postcode),
      commune: textOrNull(values.commune),
      inseeCode: textOrNull(values.inseeCode),
      territoryLabel: textOrNull(values.territoryLabel),
      territoryScale: (values.territoryScale || null) as Organisation['territoryScale'],
      departement: textOrNull(values.departement),
      region: textOrNull(values.region),
      website: textOrNull(values.website),
      email: textOrNull(values.email),
      phone: textOrNull(values.phone),
      tags: parseTags(values.tags),
      notes: values.notes === '' ? null : values.notes,
    };
    try {
      const saved = lieu
        ? await updateOrganisation(context, lieu.id, fields)
        : await createOrganisation(context, fields);
      setValues(start);
      navigate(`${lieuHref(saved.id)}?enregistree=1`, { replace: true });
    } catch (error) {
      if (error instanceof RecordValidationError) setErrors(issuesByField(error.issues, lang));
      else setFailed(true);
    }
  };

  const e = errors ?? {};
  // A value of a later release is offered as it is (named as unknown), so saving keeps it.
  const choose = <K extends string>(
    keys: readonly K[],
    labels: Record<K, Record<'fr' | 'en', string>>,
    current: string,
  ) =>
    [...keys, ...(current === '' || keys.includes(current as K) ? [] : [current as K])].map((key) => (
      <option key={key} value={key}>
        {labelOf(labels, key, lang)}
      </option>
    ));
  return (
    <>
      <ScreenHeader title={title} />
      <form class="record-form" onSubmit={submit} noValidate>
        {errors ? (
          <Banner tone="error" urgent class="contacts-notice">
            {t.fixProblems}
          </Banner>
        ) : null}
        <Section title={t.identity}>
          <div class="stack">
            <Field label={t.lieuName} value={values.name} onInput={set('name')} error={e.name} autocomplete="off" />
            <Field as="select" label={t.kind} value={values.kind} onChange={set('kind')} error={e.kind}>
              {choose(ORGANISATION_KINDS, ORGANISATION_KIND_LABELS, values.kind)}
            </Field>
            <Field as="select" label={t.typology} optional value={values.typology} onChange={set('typology')}>
              <option value="">{t.notGiven}</option>
              {choose(TYPOLOGIES, TYPOLOGY_LABELS, values.typology)}
            </Field>
            <Field
              as="select"
              label={t.legalStructure}
              optional
              value={values.legalStructure}
              onChange={set('legalStructure')}
            >
              <option value="">{t.notGiven}</option>
              {choose(LEGAL_STRUCTURES, LEGAL_STRUCTURE_LABELS, values.legalStructure)}
            </Field>
          </div>
        </Section>
        <Section title={t.where}>
          <div class="stack">
            <Field label={t.address} optional value={values.address} onInput={set('address')} error={e.address} />
            <Field
              label={t.postcode}
              optional
              inputMode="numeric"
              value={values.postcode}
              onInput={set('postcode')}
              error={e.postcode}
            />
            <Field label={t.commune} optional value={values.commune} onInput={set('commune')} error={e.commune} />
            <Field
              label={t.inseeCode}
              optional
              value={values.inseeCode}
              onInput={set('inseeCode')}
              error={e.inseeCode}
            />
            <Field
              label={t.territoryLabel}
              hint={t.territoryLabelHint}
              optional
              value={values.territoryLabel}
              onInput={set('territoryLabel')}
              error={e.territoryLabel}
            />
            <Field
              as="select"
              label={t.territoryScale}
              optional
              value={values.territoryScale}
              onChange={set('territoryScale')}
            >
              <option value="">{t.notGiven}</option>
              {choose(TERRITORY_SCALES, TERRITORY_SCALE_LABELS, values.territoryScale)}
            </Field>
            <Field label={t.departement} optional value={values.departement} onInput={set('departement')} />
            <Field label={t.region} optional value={values.region} onInput={set('region')} />
          </div>
        </Section>
        <Section title={t.reach}>
          <div class="stack">
            <Field label={t.phone} optional type="tel" value={values.phone} onInput={set('phone')} error={e.phone} />
            <Field label={t.email} optional type="email" value={values.email} onInput={set('email')} error={e.email} />
            <Field
              label={t.website}
              optional
              type="url"
              value={values.website}
              onInput={set('website')}
              error={e.website}
            />
            <Field label={t.tags} hint={t.tagsHint} optional value={values.tags} onInput={set('tags')} error={e.tags} />
            <Field
              as="textarea"
              label={t.notes}
              optional
              rows={4}
              value={values.notes}
              onInput={set('notes')}
              error={e.notes}
            />
          </div>
        </Section>
        {failed ? (
          <p class="field__error" role="alert">
            {t.saveFailed}
          </p>
        ) : null}
        <div class="actions">
          <Button type="submit" variant="primary">
            {t.save}
          </Button>
          <ButtonLink href={lieu ? lieuHref(lieu.id) : lieuxHref()}>{t.cancel}</ButtonLink>
        </div>
      </form>
    </>
  );
}
