// The diagnostic as text for the network's wiki or notes (Markdown, MediaWiki), to copy or
// download, and as a printed A4 report. Works offline: nothing leaves the device.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { toMarkdown, toWikitext } from '../../../domain/diagnostic-export';
import type { Report } from '../../../domain/diagnostic-report';
import { Button, ButtonLink } from '../../components/Button';
import { Confirmation } from '../../components/Confirmation';
import { Field } from '../../components/Field';
import { Section } from '../../components/Section';
import { fileSlug } from '../../download';
import { useMessages } from '../../i18n/messages';
import styles from './ExportSection.module.css';
import { messages } from './messages';

type Format = 'markdown' | 'wikitext';

const RENDER: Record<Format, { render: (report: Report) => string; extension: string; type: string }> = {
  markdown: { render: toMarkdown, extension: 'md', type: 'text/markdown' },
  wikitext: { render: toWikitext, extension: 'wiki', type: 'text/plain' },
};

/** "diagnostic-la-forge-des-possibles-2026-03-03": a file name any system accepts. */
function fileNameOf(subject: string, date: string): string {
  return `diagnostic-${fileSlug(subject, 'sans-titre')}-${date}`;
}

export function ExportSection({ report, filledOn }: { report: Report; filledOn: string }) {
  const t = useMessages(messages);
  const [format, setFormat] = useState<Format>();
  const [copied, setCopied] = useState(false);
  const text = useMemo(() => (format ? RENDER[format].render(report) : ''), [format, report]);
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!format) return;
    const objectUrl = URL.createObjectURL(new Blob([text], { type: `${RENDER[format].type};charset=utf-8` }));
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [text, format]);

  const choose = (next: Format) => {
    setFormat(next);
    setCopied(false);
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      // Clipboard refused (permissions, an old browser): the text stays selectable below.
      setCopied(false);
    }
  };

  return (
    <Section title={t.exportTitle} id="exporter">
      <p>{t.exportText}</p>
      <div class="actions">
        <Button variant={format === 'markdown' ? 'primary' : 'secondary'} onClick={() => choose('markdown')}>
          {t.exportMarkdown}
        </Button>
        <Button variant={format === 'wikitext' ? 'primary' : 'secondary'} onClick={() => choose('wikitext')}>
          {t.exportWikitext}
        </Button>
        <Button variant="secondary" onClick={() => window.print()}>
          {t.print}
        </Button>
      </div>
      {format ? (
        <div class="stack">
          <Field
            as="textarea"
            label={format === 'markdown' ? t.exportedMarkdown : t.exportedWikitext}
            readOnly
            rows={10}
            class={styles.text}
            value={text}
            onFocus={(event) => event.currentTarget.select()}
          />
          <div class="actions">
            <Button variant="primary" onClick={() => void copy()}>
              {t.copy}
            </Button>
            {url ? (
              <ButtonLink href={url} download={`${fileNameOf(report.subject, filledOn)}.${RENDER[format].extension}`}>
                {t.download}
              </ButtonLink>
            ) : null}
          </div>
          <Confirmation aria-live="polite">{copied ? t.copied : ''}</Confirmation>
        </div>
      ) : null}
    </Section>
  );
}
