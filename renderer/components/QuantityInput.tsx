import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from './format';
import './QuantityInput.css';

export interface CartonsAndUnits {
  cartons: number;
  units: number;
}

export interface QuantityInputProps {
  /** Units per carton; at 1 the cartons box is left out. */
  packSize: number;
  /** The item's base unit (床, 顶, 瓶…). */
  unit: string;
  value: CartonsAndUnits;
  onChange(value: CartonsAndUnits): void;
  /** The quantity's name; each box's accessible name is derived from it ("数量：箱数"). */
  label: string;
  /** Given to the first box, so a <label for> or Field points at it. */
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  disabled?: boolean;
}

/** The most digits a count may have: quantities stop below 1,000,000,000 base units. */
const maxDigits = 9;

/** Full-width digits (０-９) come from a Chinese input method left on; they mean the same numbers. */
function asciiDigits(text: string): string {
  return text.replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));
}

/** The whole number a box holds, or null when the text is not one. */
function parseCount(text: string): number | null {
  const digits = asciiDigits(text).trim();
  if (digits === '') return 0;
  if (!/^\d+$/.test(digits) || digits.length > maxDigits) return null;
  return Number(digits);
}

/**
 * A quantity as keepers count it: whole cartons and loose units side by side, with the total in base
 * units beside them ("5 箱 + 3 床 = 53 床"). Only whole numbers go in: other keys are refused with a
 * short message, and full-width digits from an input method are read as digits.
 */
export function QuantityInput({
  packSize,
  unit,
  value,
  onChange,
  label,
  id,
  'aria-invalid': ariaInvalid,
  'aria-describedby': ariaDescribedBy,
  disabled,
}: QuantityInputProps) {
  const { t } = useTranslation();
  const [refused, setRefused] = useState(false);
  const refusedTimer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(refusedTimer.current), []);

  const hasCartons = packSize > 1;
  const total = (hasCartons ? value.cartons * packSize : 0) + value.units;

  function refuse() {
    setRefused(true);
    window.clearTimeout(refusedTimer.current);
    refusedTimer.current = window.setTimeout(() => setRefused(false), 2500);
  }

  function change(part: keyof CartonsAndUnits, text: string) {
    const count = parseCount(text);
    if (count === null) {
      refuse();
      return;
    }
    setRefused(false);
    onChange({ ...value, [part]: count });
  }

  const shared = {
    className: 'input quantity-input-box',
    type: 'text',
    inputMode: 'numeric' as const,
    autoComplete: 'off',
    placeholder: '0',
    disabled,
    'aria-invalid': ariaInvalid || undefined,
    'aria-describedby': ariaDescribedBy,
  };

  return (
    <span className="quantity-input">
      {hasCartons && (
        <>
          <input
            {...shared}
            id={id}
            aria-label={t('receive.picker.cartonsOf', { label })}
            value={value.cartons === 0 ? '' : String(value.cartons)}
            onChange={(e) => change('cartons', e.target.value)}
          />
          <span className="quantity-input-unit" aria-hidden="true">
            {t('receive.picker.cartonsUnit')}
          </span>
          <span className="quantity-input-plus" aria-hidden="true">
            {t('receive.picker.plus')}
          </span>
        </>
      )}
      <input
        {...shared}
        id={hasCartons ? undefined : id}
        aria-label={t('receive.picker.unitsOf', { label, unit })}
        value={value.units === 0 ? '' : String(value.units)}
        onChange={(e) => change('units', e.target.value)}
      />
      <span className="quantity-input-unit" aria-hidden="true">
        {unit}
      </span>
      {refused ? (
        <span className="quantity-input-refused" role="alert">
          {t('receive.picker.digitsOnly')}
        </span>
      ) : (
        hasCartons && (
          <span className="quantity-input-total">
            {t('receive.picker.total', { quantity: formatNumber(total), unit })}
          </span>
        )
      )}
    </span>
  );
}
