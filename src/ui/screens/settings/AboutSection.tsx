import { PROTOCOL_VERSION } from '../../../protocol/wire';
import { useSync } from '../../../state/sync';
import { Fact, Facts } from '../../components/Facts';
import { Section } from '../../components/Section';
import { useMessages } from '../../i18n/messages';
import { messages } from './messages';

export function AboutSection() {
  const t = useMessages(messages);
  const serverVersion = useSync((view) => (view.session ? view.status.serverVersion : null));
  return (
    <Section title={t.aboutTitle} id="a-propos">
      <p>{t.aboutText}</p>
      <Facts>
        <Fact label={t.version} data-testid="app-version">
          {__APP_VERSION__} · {t.protocol(PROTOCOL_VERSION)}
        </Fact>
        {serverVersion ? (
          <Fact label={t.serverVersion} data-testid="server-version">
            {serverVersion}
          </Fact>
        ) : null}
      </Facts>
    </Section>
  );
}
