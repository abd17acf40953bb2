// An old address of a lieu or person merged into another (a bookmark, the history, a link in
// a note) leads to the kept record, which says it was merged, instead of "introuvable".
import { useEffect } from 'preact/hooks';
import { keptRecordOf } from '../../../db/merge';
import { readAnyRecord } from '../../../db/reads';
import type { MergeableType } from '../../../domain/merge-plan';
import { navigate } from '../../../state/router';
import { Banner } from '../../components/Banner';
import { ButtonLink } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useLive } from '../../hooks/use-live';
import { useMessages } from '../../i18n/messages';
import styles from './contacts.module.css';
import { mergeMessages } from './merge-messages';
import { messages } from './messages';
import { lieuHref, personHref } from './paths';

/** The query of a kept record's address that names the merged record it was reached from. */
const MERGED_FROM = 'fusionne';

const hrefOf = (type: MergeableType, id: string) => (type === 'organisations' ? lieuHref(id) : personHref(id));

/**
 * For a record this device does not show: to the kept record if it was merged, else says it is
 * not found here, with a link `back` to its list.
 */
export function MergedRedirect({
  type,
  id,
  back,
}: {
  type: MergeableType;
  id: string;
  back: { href: string; label: string };
}) {
  const t = useMessages(messages);
  const kept = useLive((context) => keptRecordOf(context, type, id), [type, id]);
  useEffect(() => {
    if (kept) navigate(`${hrefOf(type, kept)}?${MERGED_FROM}=${encodeURIComponent(id)}`, { replace: true });
  }, [kept, type, id]);
  if (kept !== null) return null;
  return (
    <>
      <ScreenHeader title={t.notFound} />
      <EmptyState title={t.notFound} action={<ButtonLink href={back.href}>{back.label}</ButtonLink>}>
        {t.notFoundText}
      </EmptyState>
    </>
  );
}

/** The id of the merged record a kept record's page was reached from, if any. */
export function mergedFromQuery(query: Record<string, string>): string | undefined {
  return query[MERGED_FROM];
}

/** "Ce lieu a été fusionné avec …" on the kept record, when reached from the merged one's address. */
export function MergedNote({ type, keptId, fromId }: { type: MergeableType; keptId: string; fromId: string }) {
  const t = useMessages(mergeMessages);
  const names = useLive(
    async (context) => {
      // Only a record that really leads here is named: the address is anyone's to write.
      if ((await keptRecordOf(context, type, fromId)) !== keptId) return null;
      const [from, kept] = await Promise.all([
        readAnyRecord(context, type, fromId),
        readAnyRecord(context, type, keptId),
      ]);
      return { from: String(from?.name ?? ''), kept: String(kept?.name ?? '') };
    },
    [type, keptId, fromId],
  );
  if (!names) return null;
  return (
    <Banner tone="info" class={styles['contacts-notice']}>
      {type === 'organisations' ? t.lieuMergedInto(names.from, names.kept) : t.personMergedInto(names.from, names.kept)}
    </Banner>
  );
}
