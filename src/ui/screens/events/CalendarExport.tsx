import type { NetworkEvent } from '../../../domain/event';
import type { FollowUp } from '../../../domain/follow-up';
import { calendarFile } from '../../../domain/ics';
import { hrefTo } from '../../../state/router';
import { Button } from '../../components/Button';
import { downloadFile, fileSlug } from '../../download';
import { useLanguage } from '../../i18n/messages';

interface CalendarExportProps {
  events: readonly NetworkEvent[];
  followUps?: readonly FollowUp[];
  placeNames?: ReadonlyMap<string, string>;
  fileName: string;
  label: string;
}

/** A button that saves events (and follow-ups with a due day) as a calendar file. */
export function CalendarExport({ events, followUps = [], placeNames, fileName, label }: CalendarExportProps) {
  const lang = useLanguage();
  const save = () => {
    const text = calendarFile(events, followUps, {
      language: lang,
      ...(placeNames ? { placeNames } : {}),
      eventUrl: (id) => `${location.origin}${location.pathname}${hrefTo('evenements', id)}`,
    });
    downloadFile(`${fileSlug(fileName, 'evenement')}.ics`, [text], 'text/calendar;charset=utf-8');
  };
  return <Button onClick={save}>{label}</Button>;
}
