import { useSync } from '../../../state/sync';
import { ScreenHeader } from '../../components/ScreenHeader';
import { useMessages } from '../../i18n/messages';
import { JOIN_PATH, type ScreenProps } from '../../routes';
import { AboutSection } from './AboutSection';
import { AuthorNameSection } from './AuthorNameSection';
import { BackupSection } from './backup/BackupSection';
import { ReportsLink } from './backup/ReportsLink';
import { LanguageSection } from './LanguageSection';
import { messages } from './messages';
import { NetworkSection } from './NetworkSection';
import { StorageSection } from './StorageSection';
import { ValiseSpaceSection } from './ValiseSpaceSection';

export default function SettingsScreen({ route }: ScreenProps) {
  const t = useMessages(messages);
  // Arriving by an invitation link, the join form comes first.
  const joining = route.screen === JOIN_PATH;
  // Once joined, the name on one's writing is the member name given when joining.
  const joined = useSync((view) => view.session !== null);
  const network = <NetworkSection invitationCode={route.query.code ?? ''} />;
  return (
    <>
      <ScreenHeader title={t.title} description={t.purpose} />
      {joining ? network : null}
      <LanguageSection />
      {joined ? null : <AuthorNameSection />}
      {joining ? null : network}
      <StorageSection />
      <ValiseSpaceSection />
      <BackupSection />
      <ReportsLink />
      <AboutSection />
    </>
  );
}
