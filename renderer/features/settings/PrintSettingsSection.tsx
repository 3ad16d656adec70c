/**
 * 设置 › 打印: the depot's logo, slip titles, footer note and copies. The logo is read in the window and
 * stored as a data URL; one over the size limit is refused here before it is sent, and the backend
 * checks the same limit (and every text's length) again.
 */
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { AppError } from '../../../shared/errors';
import { copyLabelKeys, logoMaxBytes, type PrintSettings } from '../../../shared/print/depotPrintSettings';
import { call, errorText } from '../../api/client';
import { useDepot } from '../../app/depot';

type Field = 'logo' | 'dispatchTitle' | 'receiptTitle' | 'footerNote' | `copyLabel${number}`;

const maxKb = Math.round(logoMaxBytes / 1024);

/** Field messages for the backend's refusal, by the path of each issue. */
function refusalFields(t: TFunction, error: AppError): Partial<Record<Field, string>> | null {
  if (error.code !== 'invalid-input' || !Array.isArray(error.details)) return null;
  const fields: Partial<Record<Field, string>> = {};
  for (const issue of error.details as { path?: unknown[]; message?: string }[]) {
    const [, key, sub] = issue.path ?? [];
    if (key === 'logo') {
      fields.logo =
        issue.message === 'logo-too-large'
          ? t('printDocuments.settings.logoLimit', { max: maxKb })
          : t('printDocuments.settings.logoUnreadable');
    } else if (key === 'titles')
      fields[sub === 'receipt' ? 'receiptTitle' : 'dispatchTitle'] = t('printDocuments.settings.tooLong');
    else if (key === 'footerNote') fields.footerNote = t('printDocuments.settings.tooLong');
    else if (key === 'copyLabels') fields[`copyLabel${Number(sub)}`] = t('printDocuments.settings.tooLong');
  }
  return Object.keys(fields).length > 0 ? fields : null;
}

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable'));
    reader.readAsDataURL(file);
  });
}

export function PrintSettingsSection() {
  const { t } = useTranslation();
  const { settings, settingsChanged } = useDepot();
  const [draft, setDraft] = useState<PrintSettings>(settings.printing);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);

  function edit(patch: Partial<PrintSettings>) {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
  }

  async function chooseLogo(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > logoMaxBytes) {
      setErrors((e) => ({
        ...e,
        logo: t('printDocuments.settings.logoTooLarge', { size: Math.ceil(file.size / 1024), max: maxKb }),
      }));
      return;
    }
    if (!/^image\/(png|jpeg|webp)$/.test(file.type)) {
      setErrors((e) => ({ ...e, logo: t('printDocuments.settings.logoUnreadable') }));
      return;
    }
    try {
      const logo = await readAsDataUrl(file);
      setErrors((e) => ({ ...e, logo: undefined }));
      edit({ logo });
    } catch {
      setErrors((e) => ({ ...e, logo: t('printDocuments.settings.logoUnreadable') }));
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaving(true);
    setSaved(false);
    setFormError(null);
    const result = await call('settings:update', { printing: draft });
    setSaving(false);
    if (!result.ok) {
      const fields = refusalFields(t, result.error);
      if (fields) setErrors(fields);
      else setFormError(t('printDocuments.settings.saveFailed', { reason: errorText(t, result.error) }));
      return;
    }
    setErrors({});
    settingsChanged(result.value);
    setDraft(result.value.printing);
    setSaved(true);
  }

  const describedBy = (field: Field) =>
    errors[field] ? `print-settings-${field}-hint print-settings-${field}-error` : `print-settings-${field}-hint`;
  const fieldError = (field: Field) =>
    errors[field] ? (
      <p id={`print-settings-${field}-error`} className="settings-field-error">
        {errors[field]}
      </p>
    ) : null;

  const textField = (
    field: Field,
    label: string,
    hint: string,
    value: string,
    max: number,
    onChange: (v: string) => void,
  ) => (
    <div className="settings-field">
      <label htmlFor={`print-settings-${field}`}>{label}</label>
      <input
        id={`print-settings-${field}`}
        className="input"
        type="text"
        autoComplete="off"
        maxLength={max}
        value={value}
        aria-invalid={errors[field] ? true : undefined}
        aria-describedby={describedBy(field)}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={`print-settings-${field}-hint`} className="settings-hint">
        {hint}
      </p>
      {fieldError(field)}
    </div>
  );

  return (
    <form className="settings-form" noValidate onSubmit={(e) => void onSubmit(e)}>
      <fieldset className="settings-section">
        <legend>{t('printDocuments.settings.section')}</legend>
        <p className="settings-hint">{t('printDocuments.settings.intro')}</p>
        <div className="settings-field">
          <label htmlFor="print-settings-logo">{t('printDocuments.settings.logo')}</label>
          <div className="print-settings-logo">
            {draft.logo ? (
              <img src={draft.logo} alt={t('printDocuments.settings.logoPreview')} />
            ) : (
              <span className="settings-hint">{t('printDocuments.settings.logoNone')}</span>
            )}
            <input
              id="print-settings-logo"
              type="file"
              accept="image/png,image/jpeg,image/webp"
              aria-invalid={errors.logo ? true : undefined}
              aria-describedby={describedBy('logo')}
              onChange={(e) => void chooseLogo(e)}
            />
            {draft.logo && (
              <button type="button" className="button" onClick={() => edit({ logo: null })}>
                {t('printDocuments.settings.logoRemove')}
              </button>
            )}
          </div>
          <p id="print-settings-logo-hint" className="settings-hint">
            {t('printDocuments.settings.logoHint', { max: maxKb })}
          </p>
          {fieldError('logo')}
        </div>
        {textField(
          'dispatchTitle',
          t('printDocuments.settings.dispatchTitle'),
          t('printDocuments.settings.titleHint', { title: t('printDocuments.titles.dispatch') }),
          draft.titles.dispatch,
          40,
          (v) => edit({ titles: { ...draft.titles, dispatch: v } }),
        )}
        {textField(
          'receiptTitle',
          t('printDocuments.settings.receiptTitle'),
          t('printDocuments.settings.titleHint', { title: t('printDocuments.titles.receipt') }),
          draft.titles.receipt,
          40,
          (v) => edit({ titles: { ...draft.titles, receipt: v } }),
        )}
        {textField(
          'footerNote',
          t('printDocuments.settings.footerNote'),
          t('printDocuments.settings.footerNoteHint'),
          draft.footerNote,
          200,
          (v) => edit({ footerNote: v }),
        )}
        <fieldset className="print-settings-copies">
          <legend>{t('printDocuments.settings.copies')}</legend>
          {([3, 4] as const).map((count) => (
            <label key={count}>
              <input
                type="radio"
                name="print-settings-copies"
                checked={draft.copies === count}
                onChange={() => edit({ copies: count })}
              />
              {t('printDocuments.settings.copiesOption', { count })}
            </label>
          ))}
        </fieldset>
        {copyLabelKeys.map((key, index) =>
          index < draft.copies
            ? textField(
                `copyLabel${index}`,
                t('printDocuments.settings.copyLabel', { index: index + 1 }),
                t('printDocuments.settings.copyLabelHint', { label: t(`printDocuments.copyLabels.${key}`) }),
                draft.copyLabels[index]!,
                12,
                (v) => {
                  const copyLabels = [...draft.copyLabels] as PrintSettings['copyLabels'];
                  copyLabels[index] = v;
                  edit({ copyLabels });
                },
              )
            : null,
        )}
      </fieldset>
      <div className="settings-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? t('printDocuments.settings.saving') : t('printDocuments.settings.save')}
        </button>
        <span className="settings-outcome" role="status">
          {saved ? t('printDocuments.settings.saved') : ''}
        </span>
        {formError && (
          <p className="notice-error settings-form-error" role="alert">
            {formError}
          </p>
        )}
      </div>
    </form>
  );
}
