import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScanBarState } from './useScanSession';
import './scan.css';

/**
 * The strip above a scanning screen's lines: the multiplier for the next scan, undo, and the outcome
 * of the last scan in a live region (found in green, a problem in red and announced assertively).
 */
export function ScanBar({ state }: { state: ScanBarState }) {
  const { t } = useTranslation();
  const id = useId();
  const { feedback, multiplier, multiplierInvalid, multiplierField, onMultiplier, canUndo, onUndo } = state;
  return (
    <section className="scan-bar" aria-label={t('scan.bar.label')}>
      <span className="scan-bar-title" aria-hidden="true">
        {t('scan.bar.label')}
      </span>
      <label className="scan-multiplier" htmlFor={`${id}-multiplier`} title={t('scan.bar.multiplierHint')}>
        <span aria-hidden="true">×</span>
        <span className="scan-sr-only">{t('scan.bar.multiplier')}</span>
      </label>
      <input
        id={`${id}-multiplier`}
        ref={multiplierField}
        className="input scan-multiplier-input"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        maxLength={4}
        placeholder="1"
        value={multiplier}
        aria-invalid={multiplierInvalid || undefined}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onMultiplier(e.target.value.replace(/\D/g, ''))}
      />
      <span id={`${id}-hint`} className="scan-sr-only">
        {t('scan.bar.multiplierHint')}
      </span>
      <button
        type="button"
        className="button button-quiet"
        title={t('scan.bar.undoTitle')}
        aria-keyshortcuts="Control+Z"
        disabled={!canUndo}
        onClick={onUndo}
      >
        {t('scan.bar.undo')}
      </button>
      <p
        key={feedback?.seq ?? 0}
        className={`scan-feedback ${feedback ? `scan-feedback-${feedback.tone}` : 'scan-feedback-idle'}`}
        role={feedback?.tone === 'problem' ? 'alert' : 'status'}
        aria-live={feedback?.tone === 'problem' ? 'assertive' : 'polite'}
      >
        {feedback ? feedback.text : t('scan.bar.ready')}
      </p>
    </section>
  );
}
