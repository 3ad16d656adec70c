import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { scanTerminators, type ScannerSettings as Scanner } from '../../../shared/contract';
import { call, errorText } from '../../api/client';
import { useDepot } from '../../app/depot';

type Field = 'minLength' | 'maxIntervalMs' | 'terminators';

/** Whole numbers only: "6" → 6; anything else → NaN, which the check below refuses. */
const whole = (text: string) => (/^\d{1,4}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

/**
 * 扫描枪: how the scan capture tells a scanner from a person (renderer/scan). Checked here with the
 * same limits the backend's schema enforces, so a refusal names the field.
 */
export function ScannerSettings() {
  const { t } = useTranslation();
  const { settings, settingsChanged } = useDepot();
  const saved = settings.scanner;
  const [minLength, setMinLength] = useState(String(saved.minLength));
  const [maxInterval, setMaxInterval] = useState(String(saved.maxIntervalMs));
  const [terminators, setTerminators] = useState<Scanner['terminators']>(saved.terminators);
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [outcome, setOutcome] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOutcome(null);
    const next = { minLength: whole(minLength), maxIntervalMs: whole(maxInterval), terminators };
    const found: Partial<Record<Field, string>> = {};
    if (!(next.minLength >= 3 && next.minLength <= 64)) found.minLength = t('scan.settings.invalidMinLength');
    if (!(next.maxIntervalMs >= 5 && next.maxIntervalMs <= 200)) {
      found.maxIntervalMs = t('scan.settings.invalidMaxInterval');
    }
    if (terminators.length === 0) found.terminators = t('scan.settings.invalidTerminators');
    setProblems(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(`scanner-${Object.keys(found)[0]}`)?.focus();
      return;
    }
    setSaving(true);
    const result = await call('settings:update', { scanner: next });
    setSaving(false);
    if (!result.ok) {
      setOutcome(errorText(t, result.error));
      return;
    }
    settingsChanged(result.value);
    setOutcome(t('scan.settings.saved'));
  }

  const described = (field: Field) =>
    problems[field] ? `scanner-${field}-hint scanner-${field}-error` : `scanner-${field}-hint`;

  return (
    <form className="settings-form" noValidate onSubmit={(e) => void onSubmit(e)}>
      <fieldset className="settings-section">
        <legend>{t('scan.settings.section')}</legend>
        <div className="settings-field">
          <label htmlFor="scanner-minLength">{t('scan.settings.minLength')}</label>
          <input
            id="scanner-minLength"
            className="input settings-number"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={minLength}
            aria-invalid={problems.minLength ? true : undefined}
            aria-describedby={described('minLength')}
            onChange={(e) => setMinLength(e.target.value)}
          />
          <p id="scanner-minLength-hint" className="settings-hint">
            {t('scan.settings.minLengthHint')}
          </p>
          {problems.minLength && (
            <p id="scanner-minLength-error" className="settings-field-error">
              {problems.minLength}
            </p>
          )}
        </div>
        <div className="settings-field">
          <label htmlFor="scanner-maxIntervalMs">{t('scan.settings.maxInterval')}</label>
          <input
            id="scanner-maxIntervalMs"
            className="input settings-number"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={maxInterval}
            aria-invalid={problems.maxIntervalMs ? true : undefined}
            aria-describedby={described('maxIntervalMs')}
            onChange={(e) => setMaxInterval(e.target.value)}
          />
          <p id="scanner-maxIntervalMs-hint" className="settings-hint">
            {t('scan.settings.maxIntervalHint')}
          </p>
          {problems.maxIntervalMs && (
            <p id="scanner-maxIntervalMs-error" className="settings-field-error">
              {problems.maxIntervalMs}
            </p>
          )}
        </div>
        <fieldset
          id="scanner-terminators"
          className="settings-field settings-checks"
          tabIndex={-1}
          aria-describedby={problems.terminators ? 'scanner-terminators-error' : undefined}
        >
          <legend>{t('scan.settings.terminators')}</legend>
          {scanTerminators.map((key) => (
            <label key={key}>
              <input
                type="checkbox"
                checked={terminators.includes(key)}
                onChange={(e) =>
                  setTerminators((list) =>
                    e.target.checked
                      ? scanTerminators.filter((k) => k === key || list.includes(k))
                      : list.filter((k) => k !== key),
                  )
                }
              />
              {t(key === 'Enter' ? 'scan.settings.enter' : 'scan.settings.tab')}
            </label>
          ))}
          {problems.terminators && (
            <p id="scanner-terminators-error" className="settings-field-error">
              {problems.terminators}
            </p>
          )}
        </fieldset>
      </fieldset>
      <div className="settings-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {t('scan.settings.save')}
        </button>
        <span className="settings-outcome" role="status">
          {outcome ?? ''}
        </span>
      </div>
    </form>
  );
}
