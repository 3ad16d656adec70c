/**
 * How numbers, quantities, money and dates look everywhere: grouped integers, cartons beside units,
 * yuan from fen, YYYY-MM-DD. One place, so a slip and a grid never disagree.
 */
import type { TFunction } from 'i18next';

const grouping = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 12345 → "12,345". Both languages group by thousands the same way on these documents. */
export function formatNumber(value: number): string {
  return grouping.format(value);
}

/** Splits base units into whole cartons and the loose rest. */
export function toCartons(quantity: number, packSize: number): { cartons: number; units: number } {
  if (packSize <= 1) return { cartons: 0, units: quantity };
  const sign = quantity < 0 ? -1 : 1;
  const abs = Math.abs(quantity);
  return { cartons: sign * Math.floor(abs / packSize), units: sign * (abs % packSize) };
}

/** 53 quilts in cartons of 10 → "5 箱 + 3 床"; items not packed in cartons show just the units. */
export function formatCartons(t: TFunction, quantity: number, packSize: number, unit: string): string {
  if (packSize <= 1) return `${formatNumber(quantity)} ${unit}`;
  const { cartons, units } = toCartons(quantity, packSize);
  return t('common.quantity.cartonsAndUnits', {
    cartons: formatNumber(cartons),
    units: formatNumber(Math.abs(units)),
    unit,
  });
}

/** Fen → "1,280.50" (yuan with two decimals), exact: integer arithmetic, no floating point. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${grouping.format(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
}

/** An ISO instant as the local date and time the keeper reads: "2026-11-28 03:12". */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Today's local date as YYYY-MM-DD (the default document date). */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
