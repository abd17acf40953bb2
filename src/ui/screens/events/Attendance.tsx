import { useState } from 'preact/hooks';
import { type Attendee, attendeeKinds, setAttendance } from '../../../db/events';
import type { NetworkEvent } from '../../../domain/event';
import { attendanceCounts } from '../../../domain/event-agenda';
import { labelOf } from '../../../domain/label-of';
import { ORGANISATION_KINDS } from '../../../domain/vocabulary';
import { ORGANISATION_KIND_LABELS } from '../../../domain/vocabulary-labels';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Choices } from '../../components/Choices';
import { classes } from '../../components/classes';
import { useDataContext } from '../../hooks/use-data-context';
import { useLive } from '../../hooks/use-live';
import { useLanguage, useMessages } from '../../i18n/messages';
import styles from './Attendance.module.css';
import { messages } from './messages';
import { Pill } from './Pill';

const STATUSES: readonly Attendee['status'][] = ['invited', 'present', 'excused'];

/** Who was expected, who came, who sent apologies; each tick is saved on its own. */
export function Attendance({ event }: { event: NetworkEvent }) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const context = useDataContext();
  const [failed, setFailed] = useState(false);
  const people = Object.entries(event.attendees).sort(([, a], [, b]) => a.name.localeCompare(b.name));
  const kinds = useLive((data) => attendeeKinds(data, event), [event]);
  const counts = attendanceCounts(event.attendees, (contactId) => kinds?.[contactId] ?? null);
  const byKind = [...ORGANISATION_KINDS, 'unknown' as const].flatMap((kind) => {
    const count = counts.byKind[kind];
    if (!count) return [];
    return [t.kindCount(kind === 'unknown' ? t.noOrganisation : labelOf(ORGANISATION_KIND_LABELS, kind, lang), count)];
  });
  const statusLabel = { invited: t.statusInvited, present: t.statusPresent, excused: t.statusExcused };

  const write = async (entries: Record<string, Attendee | null>) => {
    if (!context) return;
    try {
      await setAttendance(context, event.id, entries);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };

  if (people.length === 0) return <p>{t.noAttendees}</p>;
  return (
    <div class="stack">
      <p class={styles.summary}>{t.attendanceSummary(counts.present, counts.excused, counts.invited)}</p>
      {byKind.length > 0 ? (
        <p class={styles.summary} data-testid="attendance-by-kind">
          {t.byKind} — {byKind.join(' · ')}
        </p>
      ) : null}
      <ul class={styles.attendance}>
        {people.map(([contactId, attendee]) => (
          <li key={contactId} class={styles.person} data-contact-id={contactId} data-testid="attendee">
            <span class={styles.name}>{attendee.name}</span>
            <Choices class={styles.status}>
              <legend class="visually-hidden">{t.statusOf(attendee.name)}</legend>
              {STATUSES.map((status) => (
                <Pill
                  key={status}
                  class={classes(styles.choice, status === 'excused' && styles.excused)}
                  name={`status-${contactId}`}
                  value={status}
                  checked={attendee.status === status}
                  onChange={() => void write({ [contactId]: { ...attendee, status } })}
                >
                  {statusLabel[status]}
                </Pill>
              ))}
            </Choices>
            <Button
              variant="quiet"
              class={styles.remove}
              aria-label={t.removeAttendee(attendee.name)}
              onClick={() => void write({ [contactId]: null })}
            >
              ×
            </Button>
          </li>
        ))}
      </ul>
      {failed ? <Banner tone="error">{t.attendanceFailed}</Banner> : null}
    </div>
  );
}
