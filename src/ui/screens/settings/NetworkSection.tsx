// SLOT for the sync issue: "Rejoindre un réseau" (server address + invitation code) and the
// sync status go in this section. Until sync exists it says what is true: the device is a
// local notebook and nothing leaves it.
import { Section } from '../../components/Section';
import { useMessages } from '../../i18n/messages';
import { messages } from './messages';

export function NetworkSection() {
  const t = useMessages(messages);
  return (
    <Section title={t.networkTitle} id="reseau">
      <p>{t.networkLocal}</p>
    </Section>
  );
}
