import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Language, Settings } from '../../../shared/contract';
import { interfaceLanguages } from '../../../shared/i18n';
import type { AppError } from '../../../shared/errors';
import { call, errorText } from '../../api/client';
import { useDepot } from '../../app/depot';
import { roleMay } from '../../../shared/permissions';
import { ApprovalSettingsSection } from '../approvals/ApprovalSettingsSection';
import { ActivitySection } from './ActivitySection';
import { BackupSection } from './BackupSection';
import { PrintDefaultsSection } from './PrintDefaultsSection';
import { PrintSettingsSection } from './PrintSettingsSection';
import { ScannerSettings } from './ScannerSettings';
import { UsersSection } from './UsersSection';
import './settings.css';

type Field = 'depotName' | 'siteCode' | 'language';
type FieldErrors = Partial<Record<Field, string>>;

interface Refusal {
  fields: FieldErrors;
  /** Said above the save button when the refusal is not about one field. */
  form: string | null;
}

/** Turns the backend's refusal into sentences next to the fields it concerns. */
function explainRefusal(t: TFunction, error: AppError): Refusal {
  if (error.code === 'site-code-locked') {
    return { fields: { siteCode: errorText(t, error) }, form: null };
  }
  if (error.code === 'invalid-input' && Array.isArray(error.details)) {
    const fields: FieldErrors = {};
    for (const issue of error.details as { path?: unknown[] }[]) {
      const field = issue.path?.[0];
      if (field === 'siteCode') fields.siteCode = t('settings.siteCodeInvalid');
      else if (field === 'depotName') fields.depotName = t('settings.depotNameTooLong');
      else if (field === 'language') fields.language = errorText(t, error);
    }
    if (Object.keys(fields).length > 0) return { fields, form: null };
  }
  return { fields: {}, form: t('settings.saveFailed', { reason: errorText(t, error) }) };
}

/**
 * Only what the keeper changed goes to the backend, so an untouched field is never refused and a
 * change made elsewhere meanwhile (the language toggle) is not undone.
 */
function changes(saved: Settings, edits: Partial<Settings>): Partial<Settings> {
  const patch: Partial<Settings> = {};
  if (edits.depotName !== undefined && edits.depotName !== saved.depotName) patch.depotName = edits.depotName;
  if (edits.siteCode !== undefined && edits.siteCode !== saved.siteCode) patch.siteCode = edits.siteCode;
  if (edits.language !== undefined && edits.language !== saved.language) patch.language = edits.language;
  return patch;
}

const fieldOrder: readonly Field[] = ['depotName', 'siteCode', 'language'];

/** 设置: the depot's name and site code, and the interface language. Validation is the backend's. */
export function SettingsPage() {
  const { t } = useTranslation();
  const { settings, settingsChanged, user } = useDepot();
  const [edits, setEdits] = useState<Partial<Settings>>({});
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<Refusal>({ fields: {}, form: null });
  const [saved, setSaved] = useState(false);
  const draft: Settings = { ...settings, ...edits };

  function edit(patch: Partial<Settings>) {
    setEdits((e) => ({ ...e, ...patch }));
    setSaved(false);
  }

  // After a refusal, take the keeper to the first field concerned; its description now holds the reason.
  useEffect(() => {
    const first = fieldOrder.find((field) => refusal.fields[field]);
    if (first) document.getElementById(`settings-${first}`)?.focus();
  }, [refusal]);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaving(true);
    setSaved(false);
    const result = await call('settings:update', changes(settings, edits));
    setSaving(false);
    if (!result.ok) {
      setRefusal(explainRefusal(t, result.error));
      return;
    }
    setRefusal({ fields: {}, form: null });
    setEdits({});
    settingsChanged(result.value);
    setSaved(true);
  }

  const problem = refusal.fields;
  // The hint always, and the reason when the field was refused: read out when the field is focused.
  const described = (field: Field) =>
    problem[field] ? `settings-${field}-hint settings-${field}-error` : `settings-${field}-hint`;

  return (
    <div className="settings-page">
      <form className="settings-form" noValidate onSubmit={(e) => void onSubmit(e)}>
        <fieldset className="settings-section">
          <legend>{t('settings.depotSection')}</legend>
          <div className="settings-field">
            <label htmlFor="settings-depotName">{t('settings.depotName')}</label>
            <input
              id="settings-depotName"
              className="input"
              type="text"
              autoComplete="off"
              maxLength={100}
              value={draft.depotName}
              aria-invalid={problem.depotName ? true : undefined}
              aria-describedby={described('depotName')}
              onChange={(e) => edit({ depotName: e.target.value })}
            />
            <p id="settings-depotName-hint" className="settings-hint">
              {t('settings.depotNameHint')}
            </p>
            {problem.depotName && (
              <p id="settings-depotName-error" className="settings-field-error">
                {problem.depotName}
              </p>
            )}
          </div>
          <div className="settings-field">
            <label htmlFor="settings-siteCode">{t('settings.siteCode')}</label>
            <input
              id="settings-siteCode"
              className="input settings-code"
              type="text"
              autoComplete="off"
              spellCheck={false}
              maxLength={32}
              value={draft.siteCode}
              aria-invalid={problem.siteCode ? true : undefined}
              aria-describedby={described('siteCode')}
              // Site codes are upper case; typing them in lower case is not a mistake worth refusing.
              onChange={(e) => edit({ siteCode: e.target.value.toUpperCase() })}
            />
            <p id="settings-siteCode-hint" className="settings-hint">
              {t('settings.siteCodeHint')}
            </p>
            {problem.siteCode && (
              <p id="settings-siteCode-error" className="settings-field-error">
                {problem.siteCode}
              </p>
            )}
          </div>
        </fieldset>
        <fieldset className="settings-section">
          <legend>{t('settings.interfaceSection')}</legend>
          <div className="settings-field">
            <label htmlFor="settings-language">{t('settings.language')}</label>
            <select
              id="settings-language"
              className="input settings-language"
              value={draft.language}
              aria-invalid={problem.language ? true : undefined}
              aria-describedby={described('language')}
              onChange={(e) => edit({ language: e.target.value as Language })}
            >
              {interfaceLanguages.map((language) => (
                <option key={language} value={language} lang={language}>
                  {t(`languages.${language}`)}
                </option>
              ))}
            </select>
            <p id="settings-language-hint" className="settings-hint">
              {t('settings.languageHint')}
            </p>
            {problem.language && (
              <p id="settings-language-error" className="settings-field-error">
                {problem.language}
              </p>
            )}
          </div>
        </fieldset>
        <div className="settings-actions">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? t('settings.saving') : t('settings.save')}
          </button>
          <span className="settings-outcome" role="status">
            {saved ? t('settings.saved') : ''}
          </span>
          {refusal.form && (
            <p className="notice-error settings-form-error" role="alert">
              {refusal.form}
            </p>
          )}
        </div>
      </form>
      {roleMay(user.role, 'admin') && <UsersSection />}
      {roleMay(user.role, 'admin') && <ApprovalSettingsSection />}
      <PrintSettingsSection />
      <PrintDefaultsSection />
      <ScannerSettings />
      <BackupSection />
      {roleMay(user.role, 'audit') && <ActivitySection />}
    </div>
  );
}
