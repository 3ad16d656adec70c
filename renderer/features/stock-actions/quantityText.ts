/**
 * Quantities as keepers type and read them: whole cartons plus loose units, parsed strictly (no
 * fractions, no signs) and shown as base units with the cartons beside them.
 */
import type { TFunction } from 'i18next';
import { formatCartons, formatNumber } from '../../components/format';

/** What the two quantity inputs hold, as typed. */
export interface QuantityText {
  cartons: string;
  units: string;
}

export const emptyQuantity: QuantityText = { cartons: '', units: '' };

/** The most one posting line may carry (the backend's bound). */
export const maxQuantity = 1_000_000_000;

/**
 * A whole number typed by a keeper; empty means 0. Full-width digits (typed with the Chinese input
 * method on) count as digits. Anything else — signs, decimals, letters — is null.
 */
export function parseCount(text: string): number | null {
  const ascii = text.trim().replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
  if (ascii === '') return 0;
  if (!/^\d{1,10}$/.test(ascii)) return null;
  return Number(ascii);
}

/** Cartons × pack size + units in base units; null when either input is not a whole number. */
export function baseUnitsOf(value: QuantityText, packSize: number): number | null {
  const cartons = packSize > 1 ? parseCount(value.cartons) : 0;
  const units = parseCount(value.units);
  if (cartons === null || units === null) return null;
  return cartons * Math.max(packSize, 1) + units;
}

/** 53 quilts in cartons of 10 → "53 床（5 箱 + 3 床）"; items not packed in cartons → "12 顶". */
export function describeQuantity(t: TFunction, quantity: number, packSize: number, unit: string): string {
  const units = `${formatNumber(quantity)} ${unit}`;
  if (packSize <= 1 || Math.abs(quantity) < packSize) return units;
  return t('stock.quantity.withCartons', { units, cartons: formatCartons(t, quantity, packSize, unit) });
}

/** How far a quantity may go, and how to say it is too much. */
export interface QuantityLimit {
  /** The most allowed, in base units (stock on hand, or what is left to return). */
  max: number;
  /** The sentence for too much, given the limit already written out; defaults to "more than is on hand". */
  beyond?: (limitText: string) => string;
}

/**
 * Checks what was typed: a whole, non-zero quantity within the limit, if there is one. `allowZero`
 * lets a row of a longer list stay empty.
 */
export function checkQuantity(
  t: TFunction,
  value: QuantityText,
  item: { packSize: number; baseUnit: string },
  limit: QuantityLimit | null,
  allowZero = false,
): { quantity: number | null; error: string | null } {
  const quantity = baseUnitsOf(value, item.packSize);
  if (quantity === null) return { quantity: null, error: t('stock.quantity.notWhole') };
  if (quantity === 0) {
    return allowZero ? { quantity, error: null } : { quantity: null, error: t('stock.quantity.required') };
  }
  if (quantity > maxQuantity) return { quantity: null, error: t('stock.quantity.tooLarge') };
  if (limit && quantity > limit.max) {
    const limitText = describeQuantity(t, limit.max, item.packSize, item.baseUnit);
    return {
      quantity: null,
      error: limit.beyond ? limit.beyond(limitText) : t('stock.quantity.beyondOnHand', { onHand: limitText }),
    };
  }
  return { quantity, error: null };
}
