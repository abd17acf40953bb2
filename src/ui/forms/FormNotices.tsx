// What every form shows around its fields: the draft it was reopened with (and a way to drop
// it, after a confirmation), and why the save did not happen.
import { Banner, BannerMore } from '../components/Banner';
import { Button } from '../components/Button';
import { useDates } from '../i18n/dates';
import { useMessages } from '../i18n/messages';
import { formMessages } from './messages';
import type { RecordForm } from './use-record-form';

/** "Brouillon repris — Abandonner ce brouillon" while the form holds a draft given back. */
export function DraftNotice({ form }: { form: Pick<RecordForm<object, unknown>, 'restoredAt' | 'discard'> }) {
  const t = useMessages(formMessages);
  const d = useDates();
  if (!form.restoredAt) return null;
  const discard = () => {
    if (confirm(t.confirmDiscard)) void form.discard();
  };
  return (
    <Banner
      tone="info"
      title={t.restored}
      actions={
        <Button variant="quiet" onClick={discard}>
          {t.discard}
        </Button>
      }
    >
      <BannerMore>{t.restoredText(d.relative(form.restoredAt))}</BannerMore>
    </Banner>
  );
}

/**
 * Why nothing was saved: fields to fix (each says what beside it), a device with no room left, or
 * a failed write. Every form says it so, whether it is a record form's (`form.problem`) or one that
 * keeps its own errors (`problem={hasErrors ? 'errors' : null}`).
 */
export function FormProblem({ problem, fix }: { problem: RecordForm<object, unknown>['problem']; fix?: string }) {
  const t = useMessages(formMessages);
  if (problem === null) return null;
  const words = {
    errors: fix ?? t.fixProblems,
    storage_full: t.storageFull,
    failed: t.saveFailed,
    failed_unkept: t.saveFailedUnkept,
  };
  return <Banner tone="error">{words[problem]}</Banner>;
}
