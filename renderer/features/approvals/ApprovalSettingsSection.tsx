import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/contract';
import { call, errorText } from '../../api/client';
import { useDepot } from '../../app/depot';
import { Field } from '../../components/Field';
import { fenToYuanText, parseWhole, yuanToFen } from '../catalog/numbers';

type Limits = Pick<Settings, 'singlePerson' | 'approvalQuantityLimit' | 'approvalValueLimitFen'>;

/**
 * 审批 settings (admin): whether the depot is single-person, and the quantity and value above which a
 * keeper's dispatch needs a supervisor's approval. Empty means no limit; the backend checks the range.
 */
export function ApprovalSettingsSection() {
  const { t } = useTranslation();
  const { settings, settingsChanged } = useDepot();
  const [singlePerson, setSinglePerson] = useState(settings.singlePerson);
  const [quantity, setQuantity] = useState(
    settings.approvalQuantityLimit === null ? '' : String(settings.approvalQuantityLimit),
  );
  const [value, setValue] = useState(
    settings.approvalValueLimitFen === null ? '' : fenToYuanText(settings.approvalValueLimitFen),
  );
  const [problems, setProblems] = useState<{ quantity?: string; value?: string }>({});
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const quantityLimit = parseWhole(quantity, null);
    const valueFen = value.trim() === '' ? null : yuanToFen(value);
    const found: { quantity?: string; value?: string } = {};
    if (quantity.trim() !== '' && (quantityLimit === null || quantityLimit < 1)) {
      found.quantity = t('approvals.settings.invalidNumber');
    }
    if (value.trim() !== '' && (valueFen === null || valueFen < 1)) found.value = t('approvals.settings.invalidMoney');
    setProblems(found);
    setOutcome(null);
    if (found.quantity || found.value) return;
    const patch: Limits = {
      singlePerson,
      approvalQuantityLimit: quantityLimit,
      approvalValueLimitFen: valueFen,
    };
    setBusy(true);
    const result = await call('settings:update', patch);
    setBusy(false);
    if (result.ok) {
      settingsChanged(result.value);
      setOutcome({ ok: true, text: t('approvals.settings.saved') });
    } else {
      setOutcome({ ok: false, text: t('approvals.settings.saveFailed', { reason: errorText(t, result.error) }) });
    }
  }

  return (
    <form className="settings-form" noValidate onSubmit={(e) => void onSubmit(e)}>
      <fieldset className="settings-section">
        <legend>{t('approvals.settings.section')}</legend>
        <div className="settings-field">
          <label className="approvals-check">
            <input type="checkbox" checked={singlePerson} onChange={(e) => setSinglePerson(e.target.checked)} />
            {t('approvals.settings.singlePerson')}
          </label>
          <p className="settings-hint">{t('approvals.settings.singlePersonHint')}</p>
        </div>
        <Field
          className="settings-field"
          label={t('approvals.settings.quantityLimit')}
          hint={t('approvals.settings.quantityLimitHint')}
          error={problems.quantity}
        >
          <input
            className="input approvals-limit"
            inputMode="numeric"
            value={quantity}
            onChange={(e) => setQuantity(e.target.value)}
          />
        </Field>
        <Field
          className="settings-field"
          label={t('approvals.settings.valueLimit')}
          hint={t('approvals.settings.valueLimitHint')}
          error={problems.value}
        >
          <input
            className="input approvals-limit"
            inputMode="decimal"
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        </Field>
      </fieldset>
      <div className="settings-actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('approvals.settings.saving') : t('approvals.settings.save')}
        </button>
        {outcome && (
          <span className={outcome.ok ? 'settings-outcome' : 'notice-error'} role={outcome.ok ? 'status' : 'alert'}>
            {outcome.text}
          </span>
        )}
      </div>
    </form>
  );
}
