import { LANGUAGES, type Language, setLanguage } from '../../../state/ui';
import { Choice, Choices } from '../../components/Choices';
import { Section } from '../../components/Section';
import { useLanguage, useMessages } from '../../i18n/messages';
import { messages } from './messages';

/** Each language is named in itself, so someone who reads only that one finds it. */
const NAMES: Record<Language, string> = { fr: 'Français', en: 'English' };

export function LanguageSection() {
  const t = useMessages(messages);
  const current = useLanguage();
  return (
    <Section title={t.languageTitle} id="langue">
      <Choices>
        <legend class="visually-hidden">{t.languageLegend}</legend>
        {LANGUAGES.map((lang) => (
          <Choice key={lang} lang={lang}>
            <input
              type="radio"
              name="language"
              value={lang}
              checked={current === lang}
              onChange={() => setLanguage(lang)}
            />
            <span>{NAMES[lang]}</span>
          </Choice>
        ))}
      </Choices>
    </Section>
  );
}
