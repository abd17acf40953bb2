// Import lieux from a file: pick it (its encoding found from its bytes), see its columns
// mapped to a lieu's fields (guessed, changeable) and what each line will do (add, merge with
// an existing lieu, refused and why), then confirm — one transaction — or cancel, nothing written.
import { useEffect, useRef, useState } from 'preact/hooks';
import { importLieux, liveLieux } from '../../../db/lieu-import';
import {
  decodeLieuFile,
  guessLieuMapping,
  type LieuMapping,
  type LieuSource,
  type LieuSourceRefusal,
  lieuSourceReader,
  type MappedLieuLine,
  mapLieuRows,
} from '../../../domain/lieu-import';
import {
  type LieuImportPlan,
  lieuImportPlanner,
  outcomeCounts,
  type PlannedLieuLine,
} from '../../../domain/lieu-import-plan';
import type { Organisation } from '../../../domain/organisation';
import { type TextEncodingName, tooLargeToRead } from '../../../domain/text-file';
import { BackLink } from '../../components/BackLink';
import { Banner } from '../../components/Banner';
import { Button } from '../../components/Button';
import { Hint } from '../../components/Field';
import { FileInput } from '../../components/FileInput';
import { Progress } from '../../components/Progress';
import { ScreenHeader } from '../../components/ScreenHeader';
import { Section } from '../../components/Section';
import { useCommunes } from '../../hooks/use-communes';
import { useDataContext } from '../../hooks/use-data-context';
import { useMessages } from '../../i18n/messages';
import { inSlices } from '../../in-slices';
import { importMessages } from './import-messages';
import styles from './LieuImport.module.css';
import { Done, LineList } from './LieuImportLines';
import { MappingEditor } from './LieuImportMapping';
import { messages } from './messages';
import { lieuxHref } from './paths';

interface Picked {
  fileName: string;
  encoding: TextEncodingName;
  source: LieuSource;
  mapping: LieuMapping;
  stored: Organisation[];
}

/** What a long file is going through, with how far: reading it, checking its lines, writing its lieux. */
type Work = { phase: 'reading'; share: number } | { phase: 'checking' | 'writing'; done: number; total: number };

/** Rows read, or lines checked, between two looks at the clock. */
const STEP_ROWS = 200;

export function LieuImport() {
  const t = useMessages(importMessages);
  const context = useDataContext();
  const communes = useCommunes();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [work, setWork] = useState<Work | null>(null);
  const [preview, setPreview] = useState<{ mapped: MappedLieuLine[]; plan: LieuImportPlan } | null>(null);
  const [report, setReport] = useState<PlannedLieuLine[] | null>(null);
  const reading = useRef<AbortController | null>(null);

  // Leaving the page stops the read of a picked file: no work nor memory for a page no one sees.
  useEffect(() => () => reading.current?.abort(), []);

  // Every line is mapped and planned again when the mapping changes, in slices between paints;
  // a change (or a cancel) meanwhile stops the run it makes stale.
  useEffect(() => {
    setPreview(null);
    if (!picked || communes === null) return;
    const controller = new AbortController();
    const index = communes === 'unavailable' ? null : communes;
    const total = picked.source.rows.length;
    const planner = lieuImportPlanner(picked.stored);
    const mapped: MappedLieuLine[] = [];
    let next = 0;
    const step = () => {
      const lines = mapLieuRows(picked.source, picked.mapping, index, next, next + STEP_ROWS);
      next += STEP_ROWS;
      planner.add(lines);
      for (const line of lines) mapped.push(line);
      return next >= total;
    };
    setWork({ phase: 'checking', done: 0, total });
    void inSlices(step, () => setWork({ phase: 'checking', done: next, total }), controller.signal).then((done) => {
      if (!done) return;
      setPreview({ mapped, plan: planner.plan() });
      setWork(null);
    });
    return () => controller.abort();
  }, [picked, communes]);

  const pick = async (file: File | undefined) => {
    if (!context || !file) return;
    reading.current?.abort();
    const controller = new AbortController();
    reading.current = controller;
    setProblem(null);
    setReport(null);
    setWork({ phase: 'reading', share: 0 });
    try {
      // A file past the limit (a film picked by mistake) is never read: its bytes alone could
      // take more memory than a phone gives the tab.
      if (tooLargeToRead(file.size)) return refuse({ problem: 'too_large' });
      const bytes = new Uint8Array(await file.arrayBuffer());
      // Decoding a large file is work of its own: skipped when the read was stopped meanwhile.
      if (controller.signal.aborted) return;
      const decoded = decodeLieuFile(bytes);
      if ('problem' in decoded) return refuse(decoded);
      const reader = lieuSourceReader(decoded.text);
      const read: { result: LieuSource | LieuSourceRefusal | null } = { result: null };
      const step = () => {
        read.result = reader.step(STEP_ROWS);
        return read.result !== null;
      };
      const onSlice = () => setWork({ phase: 'reading', share: reader.progress() });
      if (!(await inSlices(step, onSlice, controller.signal)) || !read.result) return;
      const source = read.result;
      if ('problem' in source) return refuse(source);
      const stored = await liveLieux(context);
      if (controller.signal.aborted) return;
      setWork(null);
      setPicked({
        fileName: file.name,
        encoding: decoded.encoding,
        source,
        mapping: guessLieuMapping(source.headers),
        stored,
      });
    } catch (error) {
      if (controller.signal.aborted) return;
      console.error(error);
      setWork(null);
      setProblem(t.unreadable);
    }
  };

  const refuse = (refusal: LieuSourceRefusal) => {
    setWork(null);
    setProblem(refusal.problem === 'unclosed_quote' ? t.unclosedQuote(refusal.line) : t.problem(refusal.problem));
  };

  const cancelReading = () => {
    reading.current?.abort();
    setWork(null);
  };

  const write = async () => {
    if (!context || !preview) return;
    setBusy(true);
    setProblem(null);
    try {
      const written = await importLieux(context, preview.mapped, (done, total) =>
        setWork({ phase: 'writing', done, total }),
      );
      setReport(written.lines);
      setPicked(null);
    } catch (error) {
      console.error(error);
      setProblem(t.failed);
    } finally {
      setWork(null);
      setBusy(false);
    }
  };

  const plan = preview?.plan ?? null;
  const tally = plan && outcomeCounts(plan.lines);
  return (
    <>
      <BackLink href={lieuxHref()}>{useMessages(messages).backLieux}</BackLink>
      <ScreenHeader title={t.title} description={t.purpose} />
      {problem ? (
        <Banner tone="error" class={styles.problem}>
          {problem}
        </Banner>
      ) : null}
      {report ? (
        <Done lines={report} />
      ) : picked ? (
        <>
          <p class={styles.fileFacts}>
            <strong>{picked.fileName}</strong> —{' '}
            {[t.format(picked.source.format), t.encoding(picked.encoding), t.rows(picked.source.rows.length)].join(
              ' · ',
            )}
          </p>
          {tally ? (
            // Above the columns: on a phone, the effect of a changed column shows where it is changed.
            <p class={styles.summary} data-testid="import-summary" aria-live="polite">
              {t.summary(tally.add, tally.merge, tally.refuse)}
            </p>
          ) : null}
          {work?.phase === 'checking' ? <WorkProgress work={work} /> : null}
          <MappingEditor
            source={picked.source}
            mapping={picked.mapping}
            disabled={busy}
            onChange={(mapping) => setPicked({ ...picked, mapping })}
          />
          <Section title={t.preview}>
            {communes === null ? <Hint>{t.communesLoading}</Hint> : null}
            {communes === 'unavailable' ? <Banner tone="warning">{t.communesUnavailable}</Banner> : null}
            {plan ? <LineList lines={plan.lines} planned /> : null}
          </Section>
          {/* Beside the button just pressed: on a phone the top of the page is out of sight. */}
          {work?.phase === 'writing' ? <WorkProgress work={work} /> : null}
          <div class="actions">
            <Button variant="primary" disabled={!plan} aria-disabled={busy} onClick={write}>
              {busy ? t.writing : tally ? t.confirm(tally.add + tally.merge) : t.openImport}
            </Button>
            <Button disabled={busy} onClick={() => setPicked(null)}>
              {t.cancel}
            </Button>
          </div>
        </>
      ) : work ? (
        <div class="stack">
          <WorkProgress work={work} />
          <div class="actions">
            <Button onClick={cancelReading}>{t.cancel}</Button>
          </div>
        </div>
      ) : (
        <div class="stack">
          <Hint>{t.pickHint}</Hint>
          <div class="actions">
            <FileInput
              accept=".csv,.json,.txt,text/csv,application/json"
              disabled={!context}
              onFiles={(files) => pick(files?.[0])}
            >
              {t.pick}
            </FileInput>
          </div>
        </div>
      )}
    </>
  );
}

/** How far a long file is: its words for everyone (a live status), the bar for the eyes. */
function WorkProgress({ work }: { work: Work }) {
  const t = useMessages(importMessages);
  const share = work.phase === 'reading' ? work.share : work.total === 0 ? 1 : work.done / work.total;
  return (
    <div class={styles.progress}>
      <p role="status" data-testid="import-progress">
        {work.phase === 'reading'
          ? t.readingShare(Math.floor(share * 100))
          : (work.phase === 'checking' ? t.checking : t.writingCount)(Math.min(work.done, work.total), work.total)}
      </p>
      <Progress value={share} />
    </div>
  );
}
