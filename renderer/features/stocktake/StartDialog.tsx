import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  stocktakeScopeKinds,
  thresholdKinds,
  type StocktakeScope,
  type VarianceThreshold,
} from '../../../shared/contract';
import { call, errorText, useChannel } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';

type ScopeKind = (typeof stocktakeScopeKinds)[number];

/** A whole number ≥ 0 as typed, or null. */
export function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,9}$/.test(trimmed)) return null;
  return Number(trimmed);
}

export function ThresholdFields({
  kind,
  value,
  onKind,
  onValue,
  error,
  labels,
}: {
  kind: VarianceThreshold['kind'];
  value: string;
  onKind(kind: VarianceThreshold['kind']): void;
  onValue(value: string): void;
  error?: string;
  labels: { kind: string; value: string; hint?: string };
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={labels.kind}>
        <select className="input" value={kind} onChange={(e) => onKind(e.target.value as VarianceThreshold['kind'])}>
          {thresholdKinds.map((k) => (
            <option key={k} value={k}>
              {k === 'absolute' ? t('stocktake.threshold.kindAbsolute') : t('stocktake.threshold.kindPercent')}
            </option>
          ))}
        </select>
      </Field>
      <Field label={kind === 'percent' ? `${labels.value} (%)` : labels.value} hint={labels.hint} error={error}>
        <input
          className="input stocktake-number-input"
          inputMode="numeric"
          autoComplete="off"
          value={value}
          onChange={(e) => onValue(e.target.value)}
        />
      </Field>
    </>
  );
}

/** Chooses the scope and recount rule and starts the session; the backend freezes the book quantities. */
export function StartDialog({
  open,
  onClose,
  onStarted,
}: {
  open: boolean;
  onClose(): void;
  onStarted(id: string): void;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ScopeKind>('full');
  const [scopeId, setScopeId] = useState('');
  const [thresholdKind, setThresholdKind] = useState<VarianceThreshold['kind']>('absolute');
  const [thresholdValue, setThresholdValue] = useState('0');
  const [remarks, setRemarks] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [tried, setTried] = useState(false);
  const locations = useChannel('catalog:list-locations');
  const categories = useChannel('catalog:list-categories');
  const sources = useChannel('catalog:list-sources');

  const options =
    kind === 'location'
      ? locations.state.status === 'ok'
        ? locations.state.value.filter((l) => l.active)
        : []
      : kind === 'category'
        ? categories.state.status === 'ok'
          ? categories.state.value
          : []
        : kind === 'source'
          ? sources.state.status === 'ok'
            ? sources.state.value
            : []
          : [];
  const threshold = wholeNumber(thresholdValue);
  const scopeMissing = kind !== 'full' && scopeId === '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setTried(true);
    if (scopeMissing || threshold === null) return;
    const scope: StocktakeScope = kind === 'full' ? { kind: 'full' } : { kind, id: scopeId };
    setBusy(true);
    setProblem(null);
    const result = await call('stocktake:start', {
      scope,
      threshold: { kind: thresholdKind, value: threshold },
      remarks,
    });
    setBusy(false);
    if (!result.ok) {
      setProblem(t('stocktake.start.failed', { reason: errorText(t, result.error) }));
      return;
    }
    onStarted(result.value.id);
  }

  const scopeLabel = kind === 'full' ? '' : t(`stocktake.start.${kind}`);
  return (
    <Dialog
      title={t('stocktake.start.title')}
      open={open}
      onClose={onClose}
      actions={
        <>
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t('stocktake.start.cancel')}
          </button>
          <button type="submit" form="stocktake-start" className="button button-primary" disabled={busy}>
            {busy ? t('stocktake.start.starting') : t('stocktake.start.confirm')}
          </button>
        </>
      }
    >
      <form id="stocktake-start" className="stocktake-start" onSubmit={(e) => void submit(e)} noValidate>
        <Field label={t('stocktake.start.scopeKind')}>
          <select
            className="input"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as ScopeKind);
              setScopeId('');
            }}
          >
            {stocktakeScopeKinds.map((k) => (
              <option key={k} value={k}>
                {t(`stocktake.scopeKinds.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        {kind !== 'full' && (
          <Field
            label={scopeLabel}
            error={tried && scopeMissing ? t('stocktake.start.chooseRequired', { what: scopeLabel }) : undefined}
          >
            <select className="input" value={scopeId} onChange={(e) => setScopeId(e.target.value)}>
              <option value="">{t('stocktake.start.choose')}</option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.code} {o.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <div className="stocktake-start-row">
          <ThresholdFields
            kind={thresholdKind}
            value={thresholdValue}
            onKind={setThresholdKind}
            onValue={setThresholdValue}
            error={tried && threshold === null ? t('stocktake.start.thresholdInvalid') : undefined}
            labels={{
              kind: t('stocktake.start.thresholdKind'),
              value: t('stocktake.start.thresholdValue'),
            }}
          />
        </div>
        <p className="stocktake-hint">{t('stocktake.start.thresholdHint')}</p>
        <Field label={t('stocktake.start.remarks')}>
          <input className="input" maxLength={500} value={remarks} onChange={(e) => setRemarks(e.target.value)} />
        </Field>
        <p className="stocktake-note">{t('stocktake.start.freezeNote')}</p>
        {problem && (
          <p className="notice-error" role="alert">
            {problem}
          </p>
        )}
      </form>
    </Dialog>
  );
}
