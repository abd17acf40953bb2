// Comparing two records that are the same lieu or person, choosing the values to keep where
// they differ, and merging them (src/db/merge.ts: one transaction through the outbox).
import { useState } from 'preact/hooks';
import { getContact } from '../../../db/contacts';
import { mergeDuplicates } from '../../../db/merge';
import { getOrganisation } from '../../../db/organisations';
import { isolate } from '../../../domain/bidi';
import { labelOf } from '../../../domain/label-of';
import {
  fieldsToChoose,
  type Mergeable,
  type MergeableType,
  type MergeChoices,
  MergeRefusedError,
} from '../../../domain/merge-plan';
import { ORGANISATION_KIND_LABELS } from '../../../domain/vocabulary-labels';
import { navigate } from '../../../state/router';
import { Banner } from '../../components/Banner';
import { Button, ButtonLink } from '../../components/Button';
import { Hint } from '../../components/Field';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Section } from '../../components/Section';
import { useDataContext } from '../../hooks/use-data-context';
import { useLive } from '../../hooks/use-live';
import { type Dictionary, useLanguage, useMessages } from '../../i18n/messages';
import styles from './contacts.module.css';
import { mergeMessages } from './merge-messages';
import { messages } from './messages';
import { lieuHref, personHref } from './paths';

export function MergePage({ type, keptId, otherId }: { type: MergeableType; keptId: string; otherId: string }) {
  const t = useMessages(mergeMessages);
  const words = useMessages(messages) as unknown as Dictionary;
  const lang = useLanguage();
  const context = useDataContext();
  const [swapped, setSwapped] = useState(false);
  const [choices, setChoices] = useState<MergeChoices>({});
  const [problem, setProblem] = useState<string | null>(null);
  const pair = useLive(
    async (data) => {
      const read = (id: string) => (type === 'organisations' ? getOrganisation(data, id) : getContact(data, id));
      const [a, b] = await Promise.all([read(keptId), read(otherId)]);
      return a && b ? ([a, b] as const) : null;
    },
    [type, keptId, otherId],
  );
  const href = (id: string) => (type === 'organisations' ? lieuHref(id) : personHref(id));
  if (pair === undefined) return <ScreenHeader title={t.title} />;
  if (pair === null || keptId === otherId) {
    return (
      <>
        <ScreenHeader title={t.title} />
        <Banner tone="error">{keptId === otherId ? t.refused('same_record') : t.notFound}</Banner>
      </>
    );
  }
  const [first, second] = swapped ? [pair[1], pair[0]] : pair;
  const kept = { type, record: first } as Mergeable;
  const merged = { type, record: second } as Mergeable;
  const fields = fieldsToChoose(kept, merged);
  const label = (field: string) => (typeof words[field] === 'string' ? (words[field] as string) : field);
  const shown = (field: string, value: unknown) =>
    // A kind this version does not know, « constructor » too (a key of every object), is said as such.
    field === 'kind' && typeof value === 'string'
      ? labelOf(ORGANISATION_KIND_LABELS, value as keyof typeof ORGANISATION_KIND_LABELS, lang)
      : String(value);

  const merge = async () => {
    if (!context) return;
    setProblem(null);
    try {
      await mergeDuplicates(context, type, first.id, type, second.id, choices);
      navigate(href(first.id), { replace: true });
    } catch (error) {
      setProblem(error instanceof MergeRefusedError ? t.refused(error.reason) : t.failed);
    }
  };

  return (
    <>
      <ScreenHeader title={t.title} description={t.intro(isolate(first.name), isolate(second.name))} />
      {problem ? <Banner tone="error">{problem}</Banner> : null}
      <Section title={t.choose}>
        {fields.length === 0 ? <Hint>{t.nothingToChoose}</Hint> : null}
        <div class="stack">
          {fields.map((field) => (
            <fieldset key={field} class={styles['merge-choice']}>
              <legend>{label(field)}</legend>
              {(['kept', 'merged'] as const).map((side) => {
                const record = (side === 'kept' ? first : second) as Record<string, unknown>;
                return (
                  <label key={side} class={styles['merge-choice__option']}>
                    <input
                      type="radio"
                      name={field}
                      checked={(choices[field] ?? 'kept') === side}
                      onChange={() => setChoices({ ...choices, [field]: side })}
                    />{' '}
                    {shown(field, record[field])}
                  </label>
                );
              })}
            </fieldset>
          ))}
        </div>
      </Section>
      <div class="actions">
        <Button variant="primary" onClick={merge}>
          {t.merge}
        </Button>
        <Button
          onClick={() => {
            setSwapped(!swapped);
            setChoices({});
          }}
        >
          {t.keepOther}
        </Button>
        <ButtonLink href={href(keptId)}>{t.cancel}</ButtonLink>
      </div>
    </>
  );
}
