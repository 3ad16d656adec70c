/**
 * The lines of a movement slip (dispatch, receipt, transfer, write-off): one printed line per document
 * line; the batches it moved stand stacked inside its cells, each batch level across the row.
 */
import type { TFunction } from 'i18next';
import type { DocumentDetail } from '../../../shared/contract';
import { formatFen, formatNumber, toCartons } from '../../components/format';
import type { LineColumn } from './PagedDocument';
import { Stack } from './SlipParts';

type Entry = DocumentDetail['entries'][number];

export interface DocumentRow {
  id: string;
  lineNo: number;
  itemCode: string;
  itemName: string;
  spec: string;
  unit: string;
  packSize: number;
  ordered: number | null;
  issued: number;
  valueFen: number;
  remarks: string;
  picks: Entry[];
  /** A transfer's slot each pick moved to, in the order of `picks`; null for other documents. */
  destinations: string[] | null;
}

/** A document's printed lines: each line with the ledger entries (batches, slots, sources) it moved. */
export function documentRows(doc: DocumentDetail): DocumentRow[] {
  const picksByLine = new Map<string, Entry[]>();
  for (const e of doc.entries) picksByLine.set(e.lineId, [...(picksByLine.get(e.lineId) ?? []), e]);
  return doc.lines.map((l) => {
    const issued = Math.abs(l.quantity);
    return {
      id: l.id,
      lineNo: l.lineNo,
      itemCode: l.itemCode,
      itemName: l.itemName,
      spec: l.spec,
      unit: l.baseUnit,
      packSize: l.packSize,
      ordered: l.quantityOrdered,
      issued,
      valueFen: issued * l.unitValueFen,
      remarks: l.remarks,
      picks: picksByLine.get(l.id) ?? [],
      destinations: null,
    };
  });
}

/**
 * A transfer's printed lines: a transfer line is posted as an entry out of one slot and one into
 * another (same batch and source); the slip prints each out-entry as the pick, with the slot it went to.
 */
export function transferRows(doc: DocumentDetail): DocumentRow[] {
  return documentRows(doc).map((row) => {
    const outs = row.picks.filter((p) => p.quantity < 0);
    const ins = row.picks.filter((p) => p.quantity > 0);
    const destinations = outs.map((out) => {
      const i = ins.findIndex((p) => p.batchId === out.batchId && p.sourceId === out.sourceId);
      return i < 0 ? '' : ins.splice(i, 1)[0]!.locationCode;
    });
    return { ...row, picks: outs, destinations };
  });
}

/** "5 箱 × 10" and "散 3" for packed items; nothing for items not packed in cartons. */
export function cartonsCell(t: TFunction, quantity: number, packSize: number): string | null {
  if (packSize <= 1) return null;
  const { cartons, units } = toCartons(quantity, packSize);
  const full = t('printDocuments.cells.cartonsTimesPack', {
    cartons: formatNumber(cartons),
    pack: formatNumber(packSize),
  });
  return units > 0 ? `${full} ${t('printDocuments.cells.loose', { units: formatNumber(units) })}` : full;
}

function pickValues(row: DocumentRow, value: (p: Entry) => string): string[] {
  return row.picks.map(value);
}

export interface LineColumnOptions {
  /** Show the quantity ordered (dispatch slips). */
  ordered: boolean;
  /** The header of the moved quantity: 实发数量 on a dispatch, 实收数量 on a receipt. */
  quantityHeader: string;
  withValue: boolean;
  /** A transfer: the slot column is the slot moved from, followed by the slot moved to. */
  transfer?: boolean;
}

/** The lines table every movement slip prints: item, unit, batches with dates, source, slot, quantities, cartons, value, remarks. */
export function lineColumns(t: TFunction, options: LineColumnOptions): LineColumn<DocumentRow>[] {
  const { withValue } = options;
  const several = (row: DocumentRow) => row.picks.length > 1;
  const columns: LineColumn<DocumentRow>[] = [
    {
      id: 'no',
      header: t('printDocuments.columns.no'),
      width: 7,
      align: 'center',
      cell: (r) => r.lineNo,
      stacked: 'title',
    },
    {
      id: 'item',
      header: t('printDocuments.columns.item'),
      width: 28,
      cell: (r) => (
        <>
          <div className="cell-code">{r.itemCode}</div>
          <div>
            <span className="cell-strong">{r.itemName}</span>
            {r.spec && ` ${r.spec}`}
          </div>
        </>
      ),
      stacked: 'title',
    },
    {
      id: 'unit',
      header: t('printDocuments.columns.unit'),
      width: 7,
      align: 'center',
      cell: (r) => r.unit,
      stacked: 'hidden',
    },
    {
      id: 'batch',
      header: t('printDocuments.columns.batch'),
      width: 17,
      cell: (r) => (
        <Stack
          values={pickValues(r, (p) =>
            several(r) ? `${p.batchNo}（${formatNumber(Math.abs(p.quantity))}）` : p.batchNo,
          )}
        />
      ),
      stackedHeader: t('printDocuments.columns.picks'),
      // On narrow paper each batch is one block: batch (quantity) · slot · source, then its dates.
      stackedCell: (r) => (
        <>
          {r.picks.map((p) => (
            <div key={p.id} className="stacked-pick">
              <div>
                {[
                  several(r) ? `${p.batchNo}（${formatNumber(Math.abs(p.quantity))}）` : p.batchNo,
                  r.destinations ? `${p.locationCode} → ${r.destinations[r.picks.indexOf(p)] ?? ''}` : p.locationCode,
                  p.donorName
                    ? `${p.sourceName} ${t('printDocuments.cells.donor', { donor: p.donorName })}`
                    : p.sourceName,
                ].join(' · ')}
              </div>
              {(p.productionDate || p.expiryDate) && (
                <div>
                  {`${p.productionDate ?? t('printDocuments.page.emptyValue')} / ${p.expiryDate ?? t('printDocuments.page.emptyValue')}`}
                </div>
              )}
            </div>
          ))}
        </>
      ),
    },
    {
      id: 'dates',
      stacked: 'hidden',
      header: t('printDocuments.columns.dates'),
      width: 18,
      cell: (r) =>
        r.picks.some((p) => p.productionDate || p.expiryDate) ? (
          <Stack
            values={r.picks.map((p) => (
              <span className="cell-dates">
                <span>{p.productionDate ?? t('printDocuments.page.emptyValue')}</span>
                <span>{p.expiryDate ?? t('printDocuments.page.emptyValue')}</span>
              </span>
            ))}
          />
        ) : null,
    },
    {
      id: 'source',
      stacked: 'hidden',
      header: t('printDocuments.columns.source'),
      width: 18,
      cell: (r) => (
        <Stack
          values={pickValues(r, (p) =>
            p.donorName ? `${p.sourceName} ${t('printDocuments.cells.donor', { donor: p.donorName })}` : p.sourceName,
          )}
        />
      ),
    },
    {
      id: 'location',
      stacked: 'hidden',
      header: options.transfer ? t('printForms.transfer.from') : t('printDocuments.columns.location'),
      width: 11,
      cell: (r) => <Stack values={pickValues(r, (p) => p.locationCode)} />,
    },
    ...(options.transfer
      ? [
          {
            id: 'toLocation',
            stacked: 'hidden' as const,
            header: t('printForms.transfer.to'),
            width: 11,
            cell: (r: DocumentRow) => <Stack values={r.destinations ?? []} />,
          },
        ]
      : []),
    {
      id: 'ordered',
      header: t('printDocuments.columns.quantityOrdered'),
      width: 14,
      align: 'end',
      cell: (r) => (r.ordered === null ? null : `${formatNumber(r.ordered)} ${r.unit}`),
    },
    {
      id: 'issued',
      header: options.quantityHeader,
      width: 14,
      align: 'end',
      cell: (r) => <span className="cell-strong">{`${formatNumber(r.issued)} ${r.unit}`}</span>,
    },
    {
      id: 'cartons',
      header: t('printDocuments.columns.cartons'),
      width: 16,
      align: 'end',
      cell: (r) => cartonsCell(t, r.issued, r.packSize),
    },
  ];
  if (withValue) {
    columns.push({
      id: 'value',
      header: t('printDocuments.columns.value'),
      width: 16,
      align: 'end',
      cell: (r) => (r.valueFen > 0 ? formatFen(r.valueFen) : null),
    });
  }
  if (!options.ordered)
    columns.splice(
      columns.findIndex((c) => c.id === 'ordered'),
      1,
    );
  columns.push({
    id: 'remarks',
    header: t('printDocuments.columns.remarks'),
    width: 19,
    cell: (r) => r.remarks || null,
  });
  return columns;
}
