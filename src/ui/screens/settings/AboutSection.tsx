import { PROTOCOL_VERSION } from '../../../protocol/wire';
import { useSync } from '../../../state/sync';
import { Section } from '../../components/Section';
import { useMessages } from '../../i18n/messages';
import { messages } from './messages';

export function AboutSection() {
  const t = useMessages(messages);
  const serverVersion = useSync((view) => (view.session ? view.status.serverVersion : null));
  return (
    <Section title={t.aboutTitle} id="a-propos">
      <p>{t.aboutText}</p>
      <dl class="facts">
        <div class="facts__row">
          <dt>{t.version}</dt>
          <dd data-testid="app-version">
            {__APP_VERSION__} · {t.protocol(PROTOCOL_VERSION)}
          </dd>
        </div>
        {serverVersion ? (
          <div class="facts__row">
            <dt>{t.serverVersion}</dt>
            <dd data-testid="server-version">{serverVersion}</dd>
          </div>
        ) : null}
      </dl>
    </Section>
  );
}
