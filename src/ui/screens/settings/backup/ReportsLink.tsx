// Réglages → Rapports et exports: the way to the reports screen (the navigation keeps its five
// field places; reports are a desk task).
import { ButtonLink } from '../../../components/Button';
import { Section } from '../../../components/Section';
import { useMessages } from '../../../i18n/messages';
import { messages } from './messages';

export function ReportsLink() {
  const t = useMessages(messages);
  return (
    <Section title={t.reportsTitle} id="rapports">
      <p>{t.reportsExplain}</p>
      <div class="actions">
        <ButtonLink href="#/rapports" variant="secondary">
          {t.reportsOpen}
        </ButtonLink>
      </div>
    </Section>
  );
}
