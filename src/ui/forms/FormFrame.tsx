// The frame every record form shares: its title, the draft notice, why the last save did not
// happen, the fields, and "Enregistrer" / "Annuler" at the end.
import type { ComponentChildren } from 'preact';
import { Button, ButtonLink } from '../components/Button';
import { ScreenHeader } from '../components/ScreenHeader';
import { useBackupWait } from './backup-wait';
import { DraftNotice, FormProblem } from './FormNotices';
import type { RecordForm } from './use-record-form';

interface FormFrameProps {
  form: Pick<RecordForm<object, never>, 'submit' | 'saving' | 'formRef' | 'restoredAt' | 'discard' | 'problem'>;
  title: string;
  description?: string | undefined;
  saveLabel: string;
  savingLabel?: string;
  cancelLabel: string;
  cancelHref: string;
  /** The banner's sentence when fields must be fixed (a default says it generically). */
  fix?: string;
  class?: string;
  /** Class of the row of buttons (the visit form keeps it in view). */
  actionsClass?: string;
  /** More buttons after "Annuler" (Supprimer). */
  more?: ComponentChildren;
  children: ComponentChildren;
}

export function FormFrame(props: FormFrameProps) {
  const { form } = props;
  const waiting = useBackupWait(form.saving);
  return (
    <>
      <ScreenHeader title={props.title} description={props.description} />
      <form
        class={['stack', props.class].filter(Boolean).join(' ')}
        ref={form.formRef}
        onSubmit={form.submit}
        noValidate
        aria-label={props.title}
      >
        <DraftNotice form={form} />
        <FormProblem problem={form.problem} fix={props.fix} />
        {props.children}
        <div class={['actions', props.actionsClass].filter(Boolean).join(' ')}>
          <Button type="submit" variant="primary" aria-disabled={form.saving}>
            {waiting ?? (form.saving && props.savingLabel ? props.savingLabel : props.saveLabel)}
          </Button>
          <ButtonLink href={props.cancelHref}>{props.cancelLabel}</ButtonLink>
          {props.more}
        </div>
      </form>
    </>
  );
}
