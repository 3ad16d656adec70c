import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../components/format';
import { baseUnitsOf, type QuantityText } from './quantityText';

interface QuantityFieldsProps {
  /** What the quantity is for ("移库数量"); the group's name, and part of each input's name when compact. */
  label: string;
  packSize: number;
  unit: string;
  value: QuantityText;
  onChange(value: QuantityText): void;
  /** Said under the inputs and tied to them for screen readers. */
  error?: string | null;
  /** For a row of a table: no visible labels, the inputs carry their names. */
  compact?: boolean;
  disabled?: boolean;
}

/**
 * A quantity as keepers count it: whole cartons and loose units side by side (just units for items
 * not packed in cartons), with the total in base units beside them. Plain whole-number inputs that
 * also take full-width digits, so the Chinese input method does not get in the way.
 */
export function QuantityFields({
  label,
  packSize,
  unit,
  value,
  onChange,
  error,
  compact,
  disabled,
}: QuantityFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = `${id}-error`;
  const inCartons = packSize > 1;
  const total = baseUnitsOf(value, packSize);
  const common = {
    className: 'input quantity-input',
    type: 'text',
    inputMode: 'numeric',
    autoComplete: 'off',
    spellCheck: false,
    maxLength: 10,
    disabled,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
  } as const;

  const cartonsInput = inCartons && (
    <input
      {...common}
      id={`${id}-cartons`}
      aria-label={compact ? t('stock.quantity.cartonsOf', { label }) : undefined}
      value={value.cartons}
      onChange={(e) => onChange({ ...value, cartons: e.target.value })}
    />
  );
  const unitsInput = (
    <input
      {...common}
      id={`${id}-units`}
      aria-label={
        compact
          ? inCartons
            ? t('stock.quantity.unitsOf', { label, unit })
            : t('stock.quantity.singleOf', { label, unit })
          : undefined
      }
      value={value.units}
      onChange={(e) => onChange({ ...value, units: e.target.value })}
    />
  );
  const totalText =
    inCartons && total !== null && total > 0
      ? t('stock.quantity.equals', { total: `${formatNumber(total)} ${unit}` })
      : '';

  return (
    <fieldset
      className={compact ? 'quantity-fields quantity-fields-compact' : 'quantity-fields'}
      aria-label={compact ? label : undefined}
    >
      {!compact && <legend className="quantity-legend">{label}</legend>}
      <div className="quantity-row">
        {inCartons && (
          <span className="quantity-part">
            {!compact && (
              <label className="quantity-label" htmlFor={`${id}-cartons`}>
                {t('stock.quantity.cartons')}
              </label>
            )}
            {cartonsInput}
          </span>
        )}
        {inCartons && <span className="quantity-plus">+</span>}
        <span className="quantity-part">
          {!compact && (
            <label className="quantity-label" htmlFor={`${id}-units`}>
              {inCartons ? t('stock.quantity.units', { unit }) : t('stock.quantity.single', { unit })}
            </label>
          )}
          {unitsInput}
        </span>
        {inCartons && (
          <span className="quantity-note">
            {totalText || t('stock.quantity.perCarton', { packSize: formatNumber(packSize), unit })}
          </span>
        )}
      </div>
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
