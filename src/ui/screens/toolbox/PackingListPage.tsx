// A packing list. A template (one per kind of trip) prepares a trip; a trip is a checklist
// ticked offline, with a "ce qui manque" view and a reset for the next trip.
import { useMemo, useState } from 'preact/hooks';
import {
  type PackingListView,
  readPackingList,
  removePackingList,
  resetPacking,
  setPacked,
  startTrip,
} from '../../../db/toolbox';
import { isolate, joinIsolated } from '../../../domain/bidi';
import type { Loan } from '../../../domain/toolbox';
import { type PackingLine, packingState } from '../../../domain/toolbox/packing';
import { hrefTo, navigate } from '../../../state/router';
import { Banner } from '../../components/Banner';
import { Button, ButtonLink } from '../../components/Button';
import { Check } from '../../components/Check';
import { classes } from '../../components/classes';
import { EmptyState } from '../../components/EmptyState';
import { Field } from '../../components/Field';
import { Progress } from '../../components/Progress';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Section } from '../../components/Section';
import { useTypedDateCheck } from '../../forms/typed-dates';
import { useDataContext } from '../../hooks/use-data-context';
import { useLive } from '../../hooks/use-live';
import { useDates } from '../../i18n/dates';
import { useMessages } from '../../i18n/messages';
import { BackLink } from './BackLink';
import fieldRow from './field-row.module.css';
import { messages } from './messages';
import styles from './PackingListPage.module.css';

export function PackingListPage({ listId }: { listId: string }) {
  const t = useMessages(messages);
  const d = useDates();
  const view = useLive((context) => readPackingList(context, listId), [listId]);
  if (view === undefined) return null;
  if (view === null) {
    return (
      <>
        <ScreenHeader title={t.listNotFound} />
        <BackLink />
      </>
    );
  }
  const { list } = view;
  const description = list.isTemplate
    ? [list.title === t.tripKind(list.tripKind) ? '' : t.tripKind(list.tripKind), t.templateNote]
        .filter(Boolean)
        .join(' — ')
    : [
        list.owner ? t.tripOwner(isolate(list.owner)) : '',
        list.tripDate ? t.tripOn(d.date(list.tripDate)) : t.tripUndated,
        view.template ? t.fromTemplate(isolate(view.template.title)) : '',
      ]
        .filter(Boolean)
        .join(' · ');
  return (
    <>
      <BackLink />
      <ScreenHeader
        title={list.title}
        description={description}
        actions={<ButtonLink href={hrefTo('valise', 'liste', list.id, 'modifier')}>{t.editList}</ButtonLink>}
      />
      {list.isTemplate ? (
        <TemplateView listId={list.id} lines={packingState(list, view.items).lines} loans={view.loans} />
      ) : (
        <TripChecklist view={view} />
      )}
    </>
  );
}

function holdersOf(loans: readonly Loan[], itemId: string): string {
  return joinIsolated(
    [...new Set(loans.filter((loan) => loan.itemId === itemId).map((loan) => loan.holderName))],
    ', ',
  );
}

function LineText({ line, loans }: { line: PackingLine; loans: readonly Loan[] }) {
  const t = useMessages(messages);
  const holders = holdersOf(loans, line.itemId);
  return (
    <span class={styles.text}>
      <span class={classes(styles.title, !line.item && styles.gone)} data-testid="packing-line-title">
        {line.item?.title ?? t.goneItem}
      </span>
      {holders ? <span class={styles.holder}>{t.withHolder(holders)}</span> : null}
    </span>
  );
}

function TemplateView({ listId, lines, loans }: { listId: string; lines: PackingLine[]; loans: Loan[] }) {
  const t = useMessages(messages);
  const context = useDataContext();
  const [tripDate, setTripDate] = useState('');
  const [tripDateError, setTripDateError] = useState<string>();
  const [failed, setFailed] = useState(false);
  const typedDates = useTypedDateCheck();
  const prepare = async (event: Event) => {
    event.preventDefault();
    const wrong = typedDates({ tripDate }, null, event.currentTarget as HTMLFormElement).tripDate;
    setTripDateError(wrong);
    if (!context || wrong) return;
    try {
      const trip = await startTrip(context, listId, tripDate === '' ? null : tripDate);
      navigate(hrefTo('valise', 'liste', trip.id));
    } catch {
      setFailed(true);
    }
  };
  return (
    <>
      <form class={classes(fieldRow.row, styles.tripStart)} onSubmit={prepare} noValidate>
        <Field
          label={t.tripDateLabel}
          class={fieldRow.field}
          optional
          type="date"
          name="tripDate"
          value={tripDate}
          error={tripDateError}
          onInput={(event) => setTripDate(event.currentTarget.value)}
        />
        <Button type="submit" variant="primary">
          {t.startTrip}
        </Button>
      </form>
      {failed ? <Banner tone="error">{t.saveFailed}</Banner> : null}
      <Section title={t.contentsTitle}>
        {lines.length === 0 ? <p>{t.emptyList}</p> : null}
        <ul class={styles.lines}>
          {lines.map((line) => (
            <li key={line.itemId} class={styles.line} data-testid="packing-line">
              <LineText line={line} loans={loans} />
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}

function TripChecklist({ view }: { view: PackingListView }) {
  const t = useMessages(messages);
  const context = useDataContext();
  const [onlyMissing, setOnlyMissing] = useState(false);
  const [failed, setFailed] = useState(false);
  const state = useMemo(() => packingState(view.list, view.items), [view]);
  const shown = onlyMissing ? state.missing : state.lines;
  const listId = view.list.id;

  const tick = async (itemId: string, packed: boolean) => {
    if (!context) return;
    try {
      await setPacked(context, listId, itemId, packed);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };
  const reset = async () => {
    if (context && confirm(t.resetConfirm)) await resetPacking(context, listId);
  };
  const remove = async () => {
    if (!context || !confirm(t.removeListConfirm)) return;
    await removePackingList(context, listId);
    navigate(hrefTo('valise'), { replace: true });
  };

  return (
    <>
      <div class={styles.toolbar}>
        <div class={styles.progress}>
          <p class={styles.progressText} role="status" data-testid="packing-progress">
            {t.packedProgress(state.packedCount, state.lines.length)}
          </p>
          <Progress value={state.lines.length === 0 ? 0 : state.packedCount / state.lines.length} />
        </div>
        <div class={styles.segmented}>
          <Button
            variant={onlyMissing ? 'secondary' : 'primary'}
            aria-pressed={!onlyMissing}
            onClick={() => setOnlyMissing(false)}
          >
            {t.showAll}
          </Button>
          <Button
            variant={onlyMissing ? 'primary' : 'secondary'}
            aria-pressed={onlyMissing}
            onClick={() => setOnlyMissing(true)}
          >
            {t.showMissingCount(state.missing.length)}
          </Button>
        </div>
      </div>
      {failed ? <Banner tone="error">{t.saveFailed}</Banner> : null}
      {state.complete ? <Banner tone="success">{t.allPacked}</Banner> : null}
      {state.lines.length === 0 ? (
        <EmptyState title={t.emptyList} />
      ) : shown.length === 0 ? (
        <p>{t.nothingMissing}</p>
      ) : (
        <ul class={styles.lines} aria-label={onlyMissing ? t.showMissing : view.list.title}>
          {shown.map((line) => (
            <li key={line.itemId} class={styles.line} data-testid="packing-line">
              <Check
                class={styles.check}
                checked={line.packed}
                onChange={(event) => void tick(line.itemId, event.currentTarget.checked)}
              >
                <LineText line={line} loans={view.loans} />
              </Check>
            </li>
          ))}
        </ul>
      )}
      <div class={`actions ${styles.actions}`}>
        <Button onClick={reset} aria-disabled={state.packedCount === 0}>
          {t.reset}
        </Button>
        <Button variant="danger" onClick={remove}>
          {t.removeList}
        </Button>
      </div>
    </>
  );
}
