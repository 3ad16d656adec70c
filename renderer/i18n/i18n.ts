import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/contract';
import { defaultLanguage, translations } from '../../shared/i18n';

/** The renderer's one i18next instance; resources are bundled, so it is ready synchronously. */
export const i18n: I18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: translations['zh-CN'] },
    'en-US': { translation: translations['en-US'] },
  },
  lng: defaultLanguage,
  fallbackLng: defaultLanguage,
  initAsync: false,
  // React escapes what it renders; escaping here too would show &amp; in the UI.
  interpolation: { escapeValue: false },
});

/** Switches the interface language and the document's `lang` (fonts, screen readers, hyphenation). */
export async function applyLanguage(language: Language): Promise<void> {
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
}
