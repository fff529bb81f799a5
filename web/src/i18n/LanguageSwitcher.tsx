import { t } from './t';
import { LANGUAGE_NAMES, LANGUAGES, setLanguage, useLanguage, type Language } from './locale';
import './i18n.css';

/** Switches every screen's language at once; remembered per user (locale.ts). */
export function LanguageSwitcher() {
  const language = useLanguage();
  return (
    <div className="language-switcher">
      <label htmlFor="language-select">{t('lang.label')}</label>
      <select
        id="language-select"
        data-testid="language"
        value={language}
        onChange={(e) => setLanguage(e.target.value as Language)}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
