import { Section } from '../../components/Section';
import { useMessages } from '../../i18n/messages';
import { messages } from './messages';

export function AboutSection() {
  const t = useMessages(messages);
  return (
    <Section title={t.aboutTitle} id="a-propos">
      <p>{t.aboutText}</p>
      <dl class="facts">
        <div class="facts__row">
          <dt>{t.version}</dt>
          <dd data-testid="app-version">{__APP_VERSION__}</dd>
        </div>
      </dl>
    </Section>
  );
}
