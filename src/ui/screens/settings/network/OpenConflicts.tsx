// Every text waiting to be settled, resolvable right here as well as on its record's screen.
import { useEffect, useRef } from 'preact/hooks';
import { openConflictsWithRecords } from '../../../../db/conflicts';
import { useLive } from '../../../hooks/use-live';
import { useLanguage, useMessages } from '../../../i18n/messages';
import { fieldLabel } from '../../../i18n/refusals';
import { ConflictNotice } from '../../../sync/ConflictNotice';
import { messages } from './messages';
import { RecordName } from './RecordName';

export function OpenConflicts() {
  const t = useMessages(messages);
  const lang = useLanguage();
  const open = useLive((context) => openConflictsWithRecords(context), []);
  // One notice per record field: it lists every losing version of that field.
  const fields = new Map((open ?? []).map((item) => [`${item.conflict.recordId}/${item.conflict.field}`, item]));
  // A text settled here takes its card, and the button pressed, away: the focus goes to the
  // heading rather than the page's start, and once none is left the section says so instead of
  // vanishing under the person's finger.
  const heading = useRef<HTMLHeadingElement>(null);
  const shownHere = useRef(false);
  const countBefore = useRef<number | null>(null);
  if (fields.size > 0) shownHere.current = true;
  useEffect(() => {
    const before = countBefore.current;
    countBefore.current = open ? fields.size : null;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (before !== null && open && fields.size < before && lost) heading.current?.focus();
  });
  if (!open || (fields.size === 0 && !shownHere.current)) return null;
  if (fields.size === 0)
    return (
      <div class="stack" id="conflits">
        <h3 ref={heading} tabIndex={-1}>
          {t.conflictsTitle}
        </h3>
        <p role="status">{t.conflictsNone}</p>
      </div>
    );
  return (
    <div class="stack" id="conflits">
      <h3 ref={heading} tabIndex={-1}>
        {t.conflictsTitle}
      </h3>
      <p>{t.conflictsExplain}</p>
      {[...fields.values()].map(({ conflict, shown, recordLabel, visitedAt, exists }) => (
        <div key={`${conflict.recordId}/${conflict.field}`} class="stack">
          <p>
            {/* A link: « sur la fiche concernée », as the explanation above says, is one tap away. */}
            <RecordName
              type={conflict.recordType}
              id={conflict.recordId}
              name={recordLabel}
              visitedAt={visitedAt}
              exists={exists}
            />{' '}
            — {t.conflictWhere(fieldLabel(conflict.field, lang))}
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
