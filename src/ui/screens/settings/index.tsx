import { ScreenHeader } from '../../components/ScreenHeader';
import { useMessages } from '../../i18n/messages';
import { AboutSection } from './AboutSection';
import { AuthorNameSection } from './AuthorNameSection';
import { LanguageSection } from './LanguageSection';
import { messages } from './messages';
import { NetworkSection } from './NetworkSection';
import { StorageSection } from './StorageSection';

export default function SettingsScreen() {
  const t = useMessages(messages);
  return (
    <>
      <ScreenHeader title={t.title} description={t.purpose} />
      <LanguageSection />
      <AuthorNameSection />
      <NetworkSection />
      <StorageSection />
      <AboutSection />
    </>
  );
}
