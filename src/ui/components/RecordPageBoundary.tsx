// Around a record's page: if the record cannot be displayed, its name as the title and what is
// wrong with it below, instead of a blank screen. Apart from RecordBoundary so that lists (the
// first screen among them) do not load it.
import type { ComponentChildren } from 'preact';
import { useErrorBoundary } from 'preact/hooks';
import { readAnyRecord } from '../../db/reads';
import type { RecordType } from '../../domain/record-types';
import { useLive } from '../hooks/use-live';
import { useMessages } from '../i18n/messages';
import { RecordProblem } from './RecordProblem';
import { recordBoundaryMessages } from './record-boundary-messages';
import { ScreenHeader } from './ScreenHeader';

/** A record's page, by type and id: when it fails, its name as the title and its problem below. */
export function RecordPageBoundary({
  type,
  id,
  children,
}: {
  type: RecordType;
  id: string;
  children: ComponentChildren;
}) {
  const [error] = useErrorBoundary((caught: unknown) => console.error(caught));
  if (!error) return <>{children}</>;
  return <FailedPage type={type} id={id} />;
}

function FailedPage({ type, id }: { type: RecordType; id: string }) {
  const t = useMessages(recordBoundaryMessages);
  const record = useLive((context) => readAnyRecord(context, type, id), [type, id]);
  if (record === undefined) return null;
  const name = [record?.title, record?.name].find((value): value is string => typeof value === 'string');
  return (
    <>
      <ScreenHeader title={name ?? t.pageTitle} />
      <RecordProblem type={type} record={record ?? {}} name={name} as="div" />
    </>
  );
}
