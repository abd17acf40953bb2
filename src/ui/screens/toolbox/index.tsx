import { countRecords } from '../../../db/reads';
import { EmptyState } from '../../components/EmptyState';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useLive } from '../../hooks/use-live';
import { useMessages } from '../../i18n/messages';
import { messages } from './messages';

export default function ToolboxScreen() {
  const t = useMessages(messages);
  const count = useLive((context) => countRecords(context, 'toolboxItems'), []);
  return (
    <>
      <ScreenHeader title={t.title} description={t.purpose} />
      {count === undefined ? null : count === 0 ? (
        <EmptyState title={t.emptyTitle}>{t.emptyText}</EmptyState>
      ) : (
        <p>{t.count(count)}</p>
      )}
    </>
  );
}
