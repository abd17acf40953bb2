// Create or edit a lieu on the form kit: identity (name, kind, typology, legal structure),
// address and territory, how to reach it, tags and notes; kept as a draft on every change.

import { saveRecordForm } from '../../../db/form-save';
import { getOrganisation } from '../../../db/organisations';
import { labelOf } from '../../../domain/label-of';
import { websiteAsTyped } from '../../../domain/links';
import { newWebsiteIssue, type Organisation } from '../../../domain/organisation';
import {
  LEGAL_STRUCTURES,
  ORGANISATION_KINDS,
  type OrganisationKind,
  TERRITORY_SCALES,
  TYPOLOGIES,
} from '../../../domain/vocabulary';
import {
  LEGAL_STRUCTURE_LABELS,
  ORGANISATION_KIND_LABELS,
  TERRITORY_SCALE_LABELS,
  TYPOLOGY_LABELS,
} from '../../../domain/vocabulary-labels';
import { navigate } from '../../../state/router';
import { Field } from '../../components/Field';
import { Section } from '../../components/Section';
import { FormFrame } from '../../forms/FormFrame';
import { FormGate } from '../../forms/FormGate';
import { type FormStart, fromRecord, useFormStart } from '../../forms/use-form-start';
import { type FieldErrors, useRecordForm } from '../../forms/use-record-form';
import { useLanguage, useMessages } from '../../i18n/messages';
import { describeIssue } from '../../i18n/validation';
import { CommuneFields } from '../../territory/CommuneFields';
import styles from './contacts.module.css';
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
  'departementCode',
  'regionCode',
  'epciCode',
  'epci',
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

export function LieuForm({ lieuId, draftId }: { lieuId: string | null; draftId?: string | undefined }) {
  const t = useMessages(messages);
  const start = useFormStart({ kind: 'lieu', recordId: lieuId, draftId }, fromRecord(getOrganisation, valuesOf));
  const title = lieuId ? t.editLieuTitle : t.newLieu;
  return (
    <FormGate title={title} start={start} missing={{ text: t.notFound, back: t.backLieux, href: lieuxHref() }}>
      {(ready) => <LieuEditor title={title} start={ready} />}
    </FormGate>
  );
}

function fieldsOf(values: LieuValues) {
  return {
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
    departementCode: textOrNull(values.departementCode),
    regionCode: textOrNull(values.regionCode),
    epciCode: textOrNull(values.epciCode),
    epci: textOrNull(values.epci),
    website: textOrNull(websiteAsTyped(values.website)),
    email: textOrNull(values.email),
    phone: textOrNull(values.phone),
    tags: parseTags(values.tags),
    notes: values.notes === '' ? null : values.notes,
  };
}

function LieuEditor({ title, start }: { title: string; start: FormStart<LieuValues> }) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const form = useRecordForm(start, {
    // A website typed here is a web page; one stored earlier as something else ("tel:…") is
    // judged only when changed, so it never stops an edit of the lieu’s other fields.
    check: (values, opened): FieldErrors => {
      const website = websiteAsTyped(values.website);
      const issue = opened && website === websiteAsTyped(opened.website) ? undefined : newWebsiteIssue(website);
      return issue ? { website: describeIssue(issue, lang) } : {};
    },
    record: (values) => ({ type: 'organisations', fields: fieldsOf(values) }),
    save: (values, _files, draftId, opened) =>
      saveRecordForm(
        start.context,
        'organisations',
        start.recordId,
        fieldsOf(values),
        draftId,
        opened && fieldsOf(opened),
      ),
    onSaved: (saved) => navigate(`${lieuHref(saved.id)}?enregistree=1`, { replace: true }),
    describe: (values) => values.name.trim(),
  });
  const { values, bind } = form;
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
    <FormFrame
      form={form}
      title={title}
      class={styles['record-form']}
      fix={t.fixProblems}
      saveLabel={t.save}
      cancelLabel={t.cancel}
      cancelHref={start.recordId ? lieuHref(start.recordId) : lieuxHref()}
    >
      <Section title={t.identity}>
        <div class="stack">
          <Field label={t.lieuName} {...bind('name')} autocomplete="off" />
          <Field
            as="select"
            label={t.kind}
            value={values.kind}
            onInput={(event) => form.set('kind', event.currentTarget.value as OrganisationKind)}
            error={form.errors.kind}
          >
            {choose(ORGANISATION_KINDS, ORGANISATION_KIND_LABELS, values.kind)}
          </Field>
          <Field as="select" label={t.typology} optional {...bind('typology')}>
            <option value="">{t.notGiven}</option>
            {choose(TYPOLOGIES, TYPOLOGY_LABELS, values.typology)}
          </Field>
          <Field as="select" label={t.legalStructure} optional {...bind('legalStructure')}>
            <option value="">{t.notGiven}</option>
            {choose(LEGAL_STRUCTURES, LEGAL_STRUCTURE_LABELS, values.legalStructure)}
          </Field>
        </div>
      </Section>
      <Section title={t.where}>
        <div class="stack">
          <Field label={t.address} optional {...bind('address')} />
          <CommuneFields values={values} errors={form.errors} onChange={form.change} />
          <Field label={t.territoryLabel} hint={t.territoryLabelHint} optional {...bind('territoryLabel')} />
          <Field as="select" label={t.territoryScale} optional {...bind('territoryScale')}>
            <option value="">{t.notGiven}</option>
            {choose(TERRITORY_SCALES, TERRITORY_SCALE_LABELS, values.territoryScale)}
          </Field>
          <Field label={t.departement} optional {...bind('departement')} />
          <Field label={t.region} optional {...bind('region')} />
        </div>
      </Section>
      <Section title={t.reach}>
        <div class="stack">
          <Field label={t.phone} optional type="tel" {...bind('phone')} />
          <Field label={t.email} optional type="email" {...bind('email')} />
          <Field label={t.website} optional type="url" {...bind('website')} />
          <Field label={t.tags} hint={t.tagsHint} optional {...bind('tags')} />
          <Field as="textarea" label={t.notes} optional rows={4} {...bind('notes')} />
        </div>
      </Section>
    </FormFrame>
  );
}
