// The space the valise's files take on this device, and freeing it (files the server has).
import { useState } from 'preact/hooks';
import { freeValiseFiles, valiseFilesUsage } from '../../../db/toolbox-files';
import { Button } from '../../components/Button';
import { Confirmation } from '../../components/Confirmation';
import { Section } from '../../components/Section';
import { useDataContext } from '../../hooks/use-data-context';
import { useLive } from '../../hooks/use-live';
import { useLanguage, useMessages } from '../../i18n/messages';
import { formatBytes } from '../../i18n/numbers';
import { messages } from './valise-space-messages';

export function ValiseSpaceSection() {
  const t = useMessages(messages);
  const lang = useLanguage();
  const context = useDataContext();
  const usage = useLive((ctx) => valiseFilesUsage(ctx), []);
  const [freed, setFreed] = useState<number | null>(null);
  if (!usage) return null;
  const free = async () => {
    if (!context || !confirm(t.confirm)) return;
    setFreed(await freeValiseFiles(context));
  };
  return (
    <Section title={t.title} id="valise">
      <p data-testid="valise-usage">{t.usage(usage.count, formatBytes(usage.bytes, lang))}</p>
      {usage.count > 0 ? (
        <>
          <p>{t.explain}</p>
          <Button onClick={free}>{t.free}</Button>
        </>
      ) : null}
      {freed !== null ? <Confirmation role="status">{t.freed(freed)}</Confirmation> : null}
    </Section>
  );
}
