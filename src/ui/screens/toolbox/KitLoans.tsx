// "Qui a le vidéoprojecteur ?": open loans of a piece of kit, borrowing and returning it.
import { useState } from 'preact/hooks';
import { borrow, giveBack } from '../../../db/toolbox';
import { isolate } from '../../../domain/bidi';
import { localDay } from '../../../domain/days';
import type { Loan, ToolboxItem } from '../../../domain/toolbox';
import { isHeldBy, isOverdue, kitAvailability } from '../../../domain/toolbox/loans';
import { Badge } from '../../components/Badge';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { classes } from '../../components/classes';
import { Field } from '../../components/Field';
import { InlineList } from '../../components/InlineList';
import { Section } from '../../components/Section';
import { useTypedDateCheck } from '../../forms/typed-dates';
import { useDataContext } from '../../hooks/use-data-context';
import { useDates } from '../../i18n/dates';
import { useMessages } from '../../i18n/messages';
import fieldRow from './field-row.module.css';
import styles from './KitLoans.module.css';
import { messages } from './messages';

export function KitLoans({ item, loans }: { item: ToolboxItem; loans: Loan[] }) {
  const t = useMessages(messages);
  const d = useDates();
  const context = useDataContext();
  const [name, setName] = useState<string | null>(null);
  const [error, setError] = useState<string>();
  const [dueOn, setDueOn] = useState('');
  const [dueOnError, setDueOnError] = useState<string>();
  const [failed, setFailed] = useState(false);
  const typedDates = useTypedDateCheck();
  const state = kitAvailability(item, loans);
  const borrower = name ?? context?.authorName ?? '';
  const today = localDay();

  const take = async (event: Event) => {
    event.preventDefault();
    const nameMissing = borrower.trim() === '';
    const wrongDate = typedDates({ dueOn }, null, event.currentTarget as HTMLFormElement).dueOn;
    // A day the date rule takes has four digits of year, so the days compare as text.
    const duePast = !wrongDate && dueOn !== '' && dueOn < today;
    setError(nameMissing ? t.borrowNeedsName : undefined);
    setDueOnError(wrongDate ?? (duePast ? t.dueOnPast : undefined));
    if (nameMissing || wrongDate || duePast || !context) return;
    try {
      await borrow(context, item.id, borrower.trim(), { dueOn: dueOn || null });
      setDueOn('');
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };
  const giveBackLoan = async (loanId: string) => {
    if (!context) return;
    try {
      await giveBack(context, loanId);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };

  return (
    <Section title={t.kitTitle} id="pret">
      <p class={styles.status} data-testid="kit-status">
        {t.available(state.available, state.owned)}
      </p>
      {state.overBorrowed ? <Banner tone="warning">{t.overBorrowed(state.out, state.owned)}</Banner> : null}
      {state.holders.length === 0 ? (
        <p>{t.nobodyHolds}</p>
      ) : (
        <InlineList>
          {state.holders.map((loan) => (
            <li key={loan.id} class={styles.loan}>
              <span data-testid="holder">
                {t.holder(isolate(loan.holderName), loan.count, d.date(loan.borrowedAt))}
                {loan.dueOn ? ` · ${t.dueOn(d.date(loan.dueOn))}` : null}
                {isOverdue(loan, today) ? (
                  <>
                    {' '}
                    <Badge tone="warning">{t.overdue}</Badge>
                  </>
                ) : null}
              </span>
              <Button onClick={() => void giveBackLoan(loan.id)}>
                {isHeldBy(loan, context?.authorName ?? '') ? t.giveBack : t.returnedBy(isolate(loan.holderName))}
              </Button>
            </li>
          ))}
        </InlineList>
      )}
      {failed ? <Banner tone="error">{t.saveFailed}</Banner> : null}
      {state.available > 0 ? (
        <form class={classes(fieldRow.row, styles.borrow)} onSubmit={take} noValidate>
          <Field
            label={t.borrowerLabel}
            class={fieldRow.field}
            name="holderName"
            autocomplete="name"
            value={borrower}
            error={error}
            maxLength={120}
            onInput={(event) => setName(event.currentTarget.value)}
          />
          <Field
            label={t.dueOnLabel}
            class={fieldRow.field}
            type="date"
            name="dueOn"
            optional
            min={today}
            value={dueOn}
            error={dueOnError}
            onInput={(event) => setDueOn(event.currentTarget.value)}
          />
          <Button type="submit" variant="primary">
            {t.borrow}
          </Button>
        </form>
      ) : null}
    </Section>
  );
}
