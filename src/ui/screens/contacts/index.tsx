import { countRecords } from '../../../db/reads';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useLive } from '../../hooks/use-live';
import { useMessages } from '../../i18n/messages';
import { messages } from './messages';

export default function ContactsScreen() {
  const t = useMessages(messages);
  const counts = useLive(
    async (context) => [await countRecords(context, 'organisations'), await countRecords(context, 'contacts')] as const,
    [],
  );
  return (
    <>
      <ScreenHeader title={t.title} description={t.purpose} />
      {counts === undefined ? null : counts[0] + counts[1] === 0 ? (
        <EmptyState title={t.emptyTitle}>{t.emptyText}</EmptyState>
      ) : (
        <p>{t.counts(counts[0], counts[1])}</p>
      )}
    </>
  );
}
