// Records the network's server sent that this device did not keep, their fields being of the
// wrong kinds (a hostile or broken server): said until the person has read it.
import { dismissRecordsNotKept, readRecordsNotKept } from '../../../../db/sync-meta';
import { Banner } from '../../../components/Banner';
import { Button } from '../../../components/Button';
import { useDataContext } from '../../../hooks/use-data-context';
import { useLive } from '../../../hooks/use-live';
import { useDates } from '../../../i18n/dates';
import { useMessages } from '../../../i18n/messages';
import { messages } from './messages';

export function RecordsNotKept() {
  const t = useMessages(messages);
  const d = useDates();
  const context = useDataContext();
  const notKept = useLive((ctx) => readRecordsNotKept(ctx), []);
  if (!notKept || !context) return null;
  return (
    <Banner
      tone="warning"
      data-testid="records-not-kept"
      actions={<Button onClick={() => void dismissRecordsNotKept(context)}>{t.recordsNotKeptDismiss}</Button>}
    >
      {t.recordsNotKept(notKept.count, d.ago(notKept.lastAt))}
    </Banner>
  );
}
