import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/contract';
import { currentLanguage } from '../i18n/i18n';

/** The other language of the two; the toggle always offers the one not in use. */
function otherLanguage(language: Language): Language {
  return language === 'zh-CN' ? 'en-US' : 'zh-CN';
}

/**
 * A one-click language switch, labelled with the target language's own name (中文 / English) so a
 * keeper who cannot read the current language still finds it. `switchTo` persists and applies the
 * change and returns a translated reason when it could not.
 */
export function LanguageToggle({ switchTo }: { switchTo(language: Language): Promise<string | null> }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const target = otherLanguage(currentLanguage());

  async function onClick() {
    setBusy(true);
    setProblem(null);
    const reason = await switchTo(target);
    setBusy(false);
    if (reason) setProblem(t('language.switchFailed', { reason }));
  }

  return (
    <span className="language-toggle">
      <button
        type="button"
        className="button button-quiet"
        lang={target}
        title={t('language.switchTo', { language: t(`languages.${target}`) })}
        disabled={busy}
        onClick={() => void onClick()}
      >
        {t(`languages.${target}`)}
      </button>
      {problem && (
        <span className="language-toggle-problem" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
