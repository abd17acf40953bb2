// Files out of the device: CSV per kind of record, JSON of everything, the summary for the wiki,
// and the browser's print dialog (print CSS keeps only the report).
import { useState } from 'preact/hooks';
import { readExportData } from '../../../db/export-data';
import { isolate } from '../../../domain/bidi';
import type { DiagnosticTemplate } from '../../../domain/diagnostic';
import { type CsvExport, type ExportData, exportCsv, exportJson } from '../../../domain/exports';
import { attendanceCsv, diagnosticsCsv } from '../../../domain/flat-exports';
import type { Report } from '../../../domain/report';
import { reportMarkdown, reportWikitext } from '../../../domain/report-text';
import { Button } from '../../components/Button';
import { Confirmation } from '../../components/Confirmation';
import { Section } from '../../components/Section';
import { downloadFile, fileDay, fileSlug } from '../../download';
import { useDataContext } from '../../hooks/use-data-context';
import { useLanguage, useMessages } from '../../i18n/messages';
import { messages } from './messages';

/** `grids`: the grid versions the period's diagnostics were filled with, one flat file each. */
export function ExportActions({ report, grids }: { report: Report; grids: readonly DiagnosticTemplate[] }) {
  const t = useMessages(messages);
  const lang = useLanguage();
  const context = useDataContext();
  // Every record, read when a file is asked for: the screen itself reads only the period.
  const withData = (write: (data: ExportData) => void) => () => {
    if (context) readExportData(context).then(write);
  };
  const [done, setDone] = useState<string | null>(null);
  const save = (name: string, text: string, mimeType: string) => {
    downloadFile(name, [text], mimeType);
    setDone(name);
  };
  const period = `${report.period.from}_${report.period.to}`;
  // Visits and follow-ups follow the period chosen above; lieux and contacts come whole.
  const csv = (kind: CsvExport, file: string) =>
    withData((data) =>
      save(
        `valise-${file}-${kind === 'visits' || kind === 'followUps' ? period : fileDay()}.csv`,
        exportCsv(kind, data, lang, undefined, report.period),
        'text/csv;charset=utf-8',
      ),
    );
  return (
    <Section title={t.exportsTitle} id="exporter">
      <div class="stack">
        <p>{t.exportsExplain}</p>
        <div class="actions">
          <Button onClick={csv('visits', t.fileVisits)}>{t.csvVisits}</Button>
          <Button onClick={csv('organisations', t.fileOrganisations)}>{t.csvOrganisations}</Button>
          <Button onClick={csv('contacts', t.fileContacts)}>{t.csvContacts}</Button>
          <Button onClick={csv('followUps', t.fileFollowUps)}>{t.csvFollowUps}</Button>
          <Button
            onClick={withData((data) =>
              save(
                `valise-${t.fileAll}-${fileDay()}.json`,
                exportJson(data, new Date().toISOString()),
                'application/json',
              ),
            )}
          >
            {t.json}
          </Button>
        </div>
        <p>{t.flatExplain}</p>
        <div class="actions">
          {grids.map((grid) => (
            <Button
              key={grid.id}
              onClick={withData((data) =>
                save(
                  `valise-${t.fileDiagnostics}-${fileSlug(grid.title, 'grille')}-v${grid.version}-${period}.csv`,
                  diagnosticsCsv(data, grid.id, lang, report.period),
                  'text/csv;charset=utf-8',
                ),
              )}
            >
              {t.csvDiagnostics(isolate(grid.title), grid.version)}
            </Button>
          ))}
          <Button
            onClick={withData((data) =>
              save(
                `valise-${t.fileAttendance}-${period}.csv`,
                attendanceCsv(data, lang, report.period),
                'text/csv;charset=utf-8',
              ),
            )}
          >
            {t.csvAttendance}
          </Button>
        </div>
        <div class="actions">
          <Button
            onClick={() =>
              save(`valise-${t.fileSummary}-${period}.md`, reportMarkdown(report, lang), 'text/markdown;charset=utf-8')
            }
          >
            {t.markdown}
          </Button>
          <Button
            onClick={() =>
              save(`valise-${t.fileSummary}-${period}.wiki`, reportWikitext(report, lang), 'text/plain;charset=utf-8')
            }
          >
            {t.wikitext}
          </Button>
          <Button variant="primary" onClick={() => window.print()}>
            {t.print}
          </Button>
        </div>
        <div aria-live="polite">{done ? <Confirmation>{t.exported(isolate(done))}</Confirmation> : null}</div>
      </div>
    </Section>
  );
}
