// Every text waiting to be settled, resolvable right here as well as on its record's screen.
import { openConflictsWithRecords } from '../../../../db/conflicts';
import { isolate } from '../../../../domain/bidi';
import { useLive } from '../../../hooks/use-live';
import { useLanguage, useMessages } from '../../../i18n/messages';
import { fieldLabel } from '../../../i18n/refusals';
import { ConflictNotice } from '../../../sync/ConflictNotice';
import { messages } from './messages';

export function OpenConflicts() {
  const t = useMessages(messages);
  const lang = useLanguage();
  const open = useLive((context) => openConflictsWithRecords(context), []);
  if (!open || open.length === 0) return null;
  // One notice per record field: it lists every losing version of that field.
  const fields = new Map(open.map((item) => [`${item.conflict.recordId}/${item.conflict.field}`, item]));
  return (
    <div class="stack" id="conflits">
      <h3>{t.conflictsTitle}</h3>
      <p>{t.conflictsExplain}</p>
      {[...fields.values()].map(({ conflict, shown, recordLabel }) => (
        <div key={`${conflict.recordId}/${conflict.field}`} class="stack">
          <p>
            {/* The record's name is any device's text: an override in it would turn the rest around. */}
            <strong>{isolate(recordLabel)}</strong> — {t.conflictWhere(fieldLabel(conflict.field, lang))}
          </p>
          <ConflictNotice
            recordType={conflict.recordType as never}
            recordId={conflict.recordId}
            field={conflict.field}
            shown={shown}
          />
        </div>
      ))}
    </div>
  );
}
