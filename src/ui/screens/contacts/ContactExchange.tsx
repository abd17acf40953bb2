// Import contacts from a CSV or vCard file (with a report of what was added, merged and
// refused, line by line) and export them all as vCard.
import { useEffect, useRef, useState } from 'preact/hooks';
import { type ImportReport, importContacts } from '../../../db/contact-import';
import { listContacts } from '../../../db/contacts';
import { listOrganisations } from '../../../db/organisations';
import { isolate } from '../../../domain/bidi';
import {
  contactsReader,
  contactsToVCard,
  type DuplicateColumns,
  type ImportLine,
  type ImportProblem,
} from '../../../domain/contact-exchange';
import { localDay } from '../../../domain/days';
import { tooLargeToRead } from '../../../domain/text-file';
import { Banner, BannerMore } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Disclosure } from '../../components/Disclosure';
import { Hint } from '../../components/Field';
import { FileInput } from '../../components/FileInput';
import { downloadFile } from '../../download';
import { useDataContext } from '../../hooks/use-data-context';
import { useLanguage, useMessages } from '../../i18n/messages';
import { describeIssue, fieldNamed } from '../../i18n/validation';
import { inSlices } from '../../in-slices';
import styles from './contacts.module.css';
import { importMessages } from './import-messages';
import { messages } from './messages';

/** Rows read between two looks at the clock. */
const STEP_ROWS = 200;
/**
 * Refused lines listed by the report: a file of 100,000 lines none of which has a name would
 * otherwise draw 100,000 items at once, and hold the page for seconds after its progress ended.
 */
const SHOWN_LINES = 200;

/**
 * The judged lines of a picked file, read in slices between paints with how far it is; null
 * when `signal` stopped it first.
 */
async function readLines(
  file: File,
  onProgress: (percent: number) => void,
  signal: AbortSignal,
): Promise<{ lines: ImportLine[]; duplicates: DuplicateColumns[] } | null> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  // Decoding a large file is work of its own: skipped when the import was cancelled meanwhile.
  if (signal.aborted) return null;
  const reader = contactsReader(bytes, file.name, localDay());
  const read: { lines: ImportLine[] | null } = { lines: null };
  const step = () => {
    read.lines = reader.step(STEP_ROWS);
    return read.lines !== null;
  };
  if (!(await inSlices(step, () => onProgress(Math.floor(reader.progress() * 100)), signal))) return null;
  return { lines: read.lines ?? [], duplicates: reader.duplicateColumns() };
}

export function ContactExchange() {
  const t = useMessages(messages);
  const lines = useMessages(importMessages);
  const lang = useLanguage();
  const context = useDataContext();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [duplicates, setDuplicates] = useState<DuplicateColumns[]>([]);
  const [failed, setFailed] = useState(false);
  const [progress, setProgress] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  // The read of the picked file, while it can still be stopped: once writing starts (one
  // transaction) it is null, and the import goes to its end.
  const reading = useRef<AbortController | null>(null);
  const [readingFile, setReadingFile] = useState(false);

  // Leaving the page stops the read: nothing is written from a file the person walked away from.
  useEffect(() => () => reading.current?.abort(), []);

  const fieldLabels: Record<string, string> = {
    name: t.name,
    role: t.role,
    phone: t.phone,
    email: t.email,
    tags: t.tags,
    consentDate: t.importConsentDate,
    organisations: t.organisations,
    firstName: t.importFirstName,
    notes: t.notes,
    consentNote: t.consent,
  };
  const duplicateText = ({ field, columns }: DuplicateColumns) =>
    t.importDuplicateColumns(
      columns.map(({ header, column }) => t.importColumn(isolate(header), column)),
      fieldLabels[field] ?? field,
      field === 'tags' || field === 'organisations' || field === 'notes',
    );
  const reason = (problem: ImportProblem) => {
    switch (problem.kind) {
      case 'noName':
        return t.importNoName;
      case 'noHeader':
        return t.importNoHeader;
      case 'empty':
        return t.importEmpty;
      case 'noCard':
        return t.importNoCard;
      case 'unclosedQuote':
        return t.importUnclosedQuote;
      case 'unfinishedCard':
        return t.importUnfinishedCard;
      case 'spreadsheet':
        return t.importSpreadsheet;
      case 'binary':
        return t.importBinary;
      case 'tooLarge':
        return t.importTooLarge;
      case 'extraCells':
        return t.importExtraCells(problem.cells, problem.columns);
      case 'tooManyColumns':
        return t.importTooManyColumns;
      case 'tooManyTags':
        return t.importTooManyTags(isolate(problem.into), problem.tags);
      case 'consentAhead':
        return t.importField(t.importConsentDate, t.importConsentAhead);
      case 'invalid': {
        const field = fieldNamed(problem.issue);
        return t.importField(fieldLabels[field] ?? field, describeIssue(problem.issue, lang));
      }
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!context || !file) return;
    const controller = new AbortController();
    reading.current = controller;
    setBusy(true);
    setFailed(false);
    setCancelled(false);
    setReport(null);
    setDuplicates([]);
    setProgress(t.importReading(0));
    setReadingFile(true);
    try {
      // A file past the limit (a film picked by mistake) is never read: its bytes alone could
      // take more memory than a phone gives the tab.
      const read = tooLargeToRead(file.size)
        ? { lines: [{ line: 1, problem: { kind: 'tooLarge' } } as const], duplicates: [] }
        : await readLines(file, (percent) => setProgress(t.importReading(percent)), controller.signal);
      if (!read || controller.signal.aborted) return;
      reading.current = null;
      setReadingFile(false);
      setDuplicates(read.duplicates);
      setReport(await importContacts(context, read.lines, (done, total) => setProgress(t.importWriting(done, total))));
    } catch (error) {
      if (controller.signal.aborted) return;
      console.error(error);
      setFailed(true);
    } finally {
      // A cancelled read leaves the screen as its cancel set it, maybe already reading the next file.
      if (!controller.signal.aborted) {
        setProgress(null);
        setReadingFile(false);
        setBusy(false);
      }
    }
  };

  const cancelReading = () => {
    reading.current?.abort();
    reading.current = null;
    setProgress(null);
    setReadingFile(false);
    setBusy(false);
    setCancelled(true);
  };

  const exportAll = async () => {
    if (!context) return;
    const [people, lieux] = await Promise.all([listContacts(context), listOrganisations(context)]);
    const names = new Map(lieux.map((lieu) => [lieu.id, lieu.name]));
    downloadFile('contacts-valise.vcf', [contactsToVCard(people, (id) => names.get(id))], 'text/vcard');
  };

  return (
    <Disclosure class={styles['contacts-exchange']} summary={t.exchange}>
      <div class="stack">
        <Hint>{t.importHint}</Hint>
        <div class="actions">
          <FileInput accept=".csv,.vcf,text/csv,text/vcard" disabled={busy} onFiles={(files) => importFile(files?.[0])}>
            {busy ? t.importing : t.importLabel}
          </FileInput>
          <Button onClick={exportAll}>{t.exportVCard}</Button>
        </div>
        {progress ? (
          <p role="status" data-testid="contact-import-progress">
            {progress}
          </p>
        ) : null}
        {readingFile ? (
          <div class="actions">
            <Button onClick={cancelReading}>{t.cancel}</Button>
          </div>
        ) : null}
        {cancelled ? (
          <p role="status" data-testid="contact-import-cancelled">
            {t.importCancelled}
          </p>
        ) : null}
        {failed ? <Banner tone="error">{t.importFailed}</Banner> : null}
        {report ? (
          <Banner
            tone={report.rejected.length > 0 ? 'warning' : 'success'}
            title={t.importTitle}
            data-testid="import-report"
          >
            <BannerMore>{t.importDone(report.added, report.merged, report.rejected.length)}</BannerMore>
            {duplicates.map((duplicate) => (
              <BannerMore key={duplicate.field}>{duplicateText(duplicate)}</BannerMore>
            ))}
            {report.rejected.length > 0 ? (
              <ul class={styles['import-report__lines']}>
                {report.rejected.slice(0, SHOWN_LINES).map((rejected) => (
                  <li key={rejected.line}>{t.importRejectedLine(rejected.line, reason(rejected.problem))}</li>
                ))}
              </ul>
            ) : null}
            {report.rejected.length > SHOWN_LINES ? (
              <Hint>{lines.moreLines(report.rejected.length - SHOWN_LINES)}</Hint>
            ) : null}
          </Banner>
        ) : null}
      </div>
    </Disclosure>
  );
}
