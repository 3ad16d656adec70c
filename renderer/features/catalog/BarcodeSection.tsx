import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Barcode, ItemDetail } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { call, errorText } from '../../api/client';
import { Field } from '../../components/Field';
import { formatNumber } from '../../components/format';
import { refusalDetail } from './refusal';
import { useInFlight } from './useInFlight';

interface BarcodeSectionProps {
  item: ItemDetail;
  onChange(barcodes: Barcode[]): void;
  /** Put the cursor in the barcode field at once (right after the item was created: scan next). */
  focusFirst?: boolean;
}

const byQuantityThenText = (a: Barcode, b: Barcode) => a.quantity - b.quantity || a.barcode.localeCompare(b.barcode);

/** Why a barcode was refused; a duplicate names the item it already stands for. */
async function explainBarcodeRefusal(t: TFunction, error: AppError, barcode: string): Promise<string> {
  if (error.code === 'invalid-input') return t('catalog.barcodes.invalid');
  if (error.code === 'duplicate-barcode') {
    const ownerId = refusalDetail(error, 'itemId');
    const owner = ownerId ? await call('catalog:get-item', { id: ownerId }) : null;
    if (owner?.ok) return t('catalog.barcodes.duplicate', { barcode, code: owner.value.code, name: owner.value.name });
  }
  return errorText(t, error);
}

/**
 * The barcodes an item is scanned by: a unit barcode counts one, a carton barcode counts the pack
 * size. Scanning straight into the field adds the barcode (scanners end with Enter).
 */
export function BarcodeSection({ item, onChange, focusFirst }: BarcodeSectionProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [kind, setKind] = useState<'unit' | 'carton'>('unit');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const { busy, run } = useInFlight();
  const input = useRef<HTMLInputElement>(null);
  const cartonPossible = item.packSize > 1;
  const unit = item.baseUnit;

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    await run(async () => {
      const barcode = text.trim();
      const quantity = kind === 'carton' && cartonPossible ? item.packSize : 1;
      const result = await call('catalog:add-barcode', { itemId: item.id, barcode, quantity });
      if (!result.ok) {
        setError(await explainBarcodeRefusal(t, result.error, barcode));
        setStatus('');
        input.current?.focus();
        return;
      }
      onChange([...item.barcodes, result.value].sort(byQuantityThenText));
      setText('');
      setError(null);
      setStatus(t('catalog.barcodes.added', { barcode: result.value.barcode }));
      input.current?.focus();
    });
  }

  async function remove(barcode: Barcode) {
    await run(async () => {
      const result = await call('catalog:remove-barcode', { id: barcode.id });
      if (!result.ok) {
        setError(errorText(t, result.error));
        return;
      }
      onChange(item.barcodes.filter((b) => b.id !== barcode.id));
      setStatus(t('catalog.barcodes.removed', { barcode: barcode.barcode }));
      input.current?.focus();
    });
  }

  return (
    <section className="catalog-barcodes" aria-labelledby="catalog-barcodes-title">
      <h3 id="catalog-barcodes-title" className="catalog-section-title">
        {t('catalog.barcodes.title')}
      </h3>
      {item.barcodes.length === 0 ? (
        <p className="catalog-muted">{t('catalog.barcodes.none')}</p>
      ) : (
        <ul className="catalog-barcode-list" aria-label={t('catalog.barcodes.listLabel', { name: item.name })}>
          {item.barcodes.map((b) => (
            <li key={b.id} className="catalog-barcode">
              <span className="catalog-code">{b.barcode}</span>
              <span className="catalog-barcode-kind">
                {b.quantity === 1 ? t('catalog.barcodes.unitBarcode') : t('catalog.barcodes.cartonBarcode')} ·{' '}
                {formatNumber(b.quantity)} {unit}
              </span>
              <button
                type="button"
                className="button button-quiet catalog-small-button"
                aria-label={t('catalog.barcodes.remove', { barcode: b.barcode })}
                disabled={busy}
                onClick={() => void remove(b)}
              >
                {t('catalog.barcodes.removeShort')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="catalog-barcode-form" noValidate onSubmit={(e) => void add(e)}>
        <Field
          label={t('catalog.barcodes.barcode')}
          hint={t('catalog.barcodes.barcodeHint')}
          error={error}
          className="catalog-barcode-field"
        >
          <input
            ref={input}
            autoFocus={focusFirst}
            className="input catalog-code-input"
            type="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={80}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
          />
        </Field>
        <fieldset className="catalog-radios">
          <legend className="field-label">{t('catalog.barcodes.stands')}</legend>
          <label>
            <input type="radio" name="barcode-kind" checked={kind === 'unit'} onChange={() => setKind('unit')} />
            {t('catalog.barcodes.unit', { unit })}
          </label>
          <label className={cartonPossible ? undefined : 'catalog-disabled'}>
            <input
              type="radio"
              name="barcode-kind"
              checked={kind === 'carton' && cartonPossible}
              disabled={!cartonPossible}
              aria-describedby={cartonPossible ? undefined : 'catalog-carton-same'}
              onChange={() => setKind('carton')}
            />
            {t('catalog.barcodes.carton', { size: formatNumber(item.packSize), unit })}
          </label>
          {!cartonPossible && (
            <span id="catalog-carton-same" className="catalog-muted catalog-radios-note">
              {t('catalog.barcodes.cartonSameAsUnit')}
            </span>
          )}
        </fieldset>
        <button type="submit" className="button button-quiet catalog-barcode-add" disabled={busy || text.trim() === ''}>
          {t('catalog.barcodes.add')}
        </button>
      </form>
      <p className="catalog-status" role="status">
        {status}
      </p>
    </section>
  );
}
