/**
 * The totals row under a document's lines: on every page but the last, the page's own subtotal; on the
 * last page the document's total. Quantities of different items are summed per unit (10 顶、53 床), since
 * tents and quilts do not add up; full cartons and loose units are counted as the keeper loads them.
 */
import { useTranslation } from 'react-i18next';
import { formatFen, formatNumber, toCartons } from '../../components/format';

export interface TotalsLine {
  unit: string;
  /** Base units issued or received (positive). */
  issued: number;
  packSize: number;
  valueFen: number;
}

export function totalsOf(lines: readonly TotalsLine[]) {
  const byUnit = new Map<string, number>();
  let cartons = 0;
  let loose = 0;
  let valueFen = 0;
  for (const l of lines) {
    byUnit.set(l.unit, (byUnit.get(l.unit) ?? 0) + l.issued);
    if (l.packSize > 1) {
      const split = toCartons(l.issued, l.packSize);
      cartons += split.cartons;
      loose += split.units;
    } else {
      loose += l.issued;
    }
    valueFen += l.valueFen;
  }
  return { lines: lines.length, byUnit: [...byUnit], cartons, loose, valueFen };
}

export function LineTotals({
  lines,
  grand,
  withValue,
}: {
  lines: readonly TotalsLine[];
  /** The whole document's total (last page) rather than the page's subtotal. */
  grand: boolean;
  withValue: boolean;
}) {
  const { t } = useTranslation();
  const totals = totalsOf(lines);
  const list = totals.byUnit.map(([unit, quantity]) => `${formatNumber(quantity)} ${unit}`).join('、');
  return (
    <div className={`slip-totals ${grand ? 'slip-totals--grand' : ''}`}>
      <strong>{grand ? t('printDocuments.totals.grandTotal') : t('printDocuments.totals.pageSubtotal')}</strong>
      <span>{t('printDocuments.totals.lines', { count: totals.lines })}</span>
      <span>{t('printDocuments.totals.quantity', { quantity: list || '0' })}</span>
      <span>
        {t('printDocuments.totals.cartons', {
          cartons: formatNumber(totals.cartons),
          units: formatNumber(totals.loose),
        })}
      </span>
      {withValue && <span>{t('printDocuments.totals.value', { value: formatFen(totals.valueFen) })}</span>}
    </div>
  );
}
