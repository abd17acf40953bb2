// An old address of a lieu or person merged into another (a bookmark, the history, a link in
// a note) leads to the kept record, which says it was merged, instead of "introuvable".
import type { VNode } from 'preact';
import { useEffect } from 'preact/hooks';
import { keptRecordOf } from '../../../db/merge';
import { readAnyRecord } from '../../../db/reads';
import type { MergeableType } from '../../../domain/merge-plan';
import { navigate } from '../../../state/router';
import { Banner } from '../../components/Banner';
import { useLive } from '../../hooks/use-live';
import { useMessages } from '../../i18n/messages';
import { mergeMessages } from './merge-messages';
import { lieuHref, personHref } from './paths';

/** The query of a kept record's address that names the merged record it was reached from. */
const MERGED_FROM = 'fusionne';

const hrefOf = (type: MergeableType, id: string) => (type === 'organisations' ? lieuHref(id) : personHref(id));

/** For a record this device does not show: to the kept record if it was merged, else `notFound`. */
export function MergedRedirect({ type, id, notFound }: { type: MergeableType; id: string; notFound: VNode }) {
  const kept = useLive((context) => keptRecordOf(context, type, id), [type, id]);
  useEffect(() => {
    if (kept) navigate(`${hrefOf(type, kept)}?${MERGED_FROM}=${encodeURIComponent(id)}`, { replace: true });
  }, [kept, type, id]);
  return kept === null ? notFound : null;
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
    <Banner tone="info" class="contacts-notice">
      {type === 'organisations' ? t.lieuMergedInto(names.from, names.kept) : t.personMergedInto(names.from, names.kept)}
    </Banner>
  );
}
