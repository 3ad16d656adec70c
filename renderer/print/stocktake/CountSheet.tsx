/**
 * 盘点表: the sheets counters carry along the shelves. The blind sheet (盲盘表) lists what to count —
 * item, spec, unit, batch, location, source — with an empty box for the count and no book quantity, so
 * the count cannot lean on the books; the count sheet adds the quantity frozen at the start, for the
 * supervisor's check. Both page with the header, column header, signatures and page X/Y on every page.
 * `?recount=1` prints only the lines of the current recount round.
 */
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { StocktakeDetail, StocktakeLine } from '../../../shared/contract';
import { useDepot } from '../../app/depot';
import { formatDateTime, formatNumber } from '../../components/format';
import type { PrintViewProps } from '../registry';
import { usePrintData } from '../usePrintData';
import { useSlipOptions } from '../documents/useSlipOptions';
import { PagedDocument, type LineColumn } from '../documents/PagedDocument';
import { FieldGrid, SignatureBlock, SlipHeading, type HeaderField } from '../documents/SlipParts';
import './count-sheet.css';

/** The scope in words: "全库", "货位/库区 A 库区A"… */
export function scopeText(t: TFunction, s: Pick<StocktakeDetail, 'scopeKind' | 'scopeName'>): string {
  return t(`stocktake.scopeText.${s.scopeKind}`, { name: s.scopeName ?? '' });
}

function columns(t: TFunction, withSystem: boolean): LineColumn<StocktakeLine>[] {
  const c = (key: string) => t(`stocktake.sheet.columns.${key}` as 'stocktake.sheet.columns.code');
  const list: LineColumn<StocktakeLine>[] = [
    { id: 'lineNo', header: c('lineNo'), width: 3.5, align: 'center', cell: (l) => l.lineNo, stacked: 'title' },
    { id: 'location', header: c('location'), width: 6, cell: (l) => l.locationCode },
    { id: 'code', header: c('code'), width: 7, cell: (l) => <span className="cell-code">{l.itemCode}</span> },
    {
      id: 'name',
      header: c('name'),
      width: 10,
      cell: (l) => <span className="cell-strong">{l.itemName}</span>,
      stacked: 'title',
    },
    { id: 'spec', header: c('spec'), width: 7, cell: (l) => l.spec },
    { id: 'unit', header: c('unit'), width: 3.5, align: 'center', cell: (l) => l.baseUnit },
    { id: 'batch', header: c('batch'), width: 9, cell: (l) => <span className="cell-code">{l.batchNo}</span> },
    {
      id: 'expiry',
      header: c('expiry'),
      width: 9,
      cell: (l) => <span className="count-date">{l.expiryDate ?? ''}</span>,
    },
    { id: 'source', header: c('source'), width: 8, cell: (l) => l.sourceName },
  ];
  if (withSystem) {
    list.push({
      id: 'system',
      header: c('system'),
      width: 6.5,
      align: 'end',
      cell: (l) => (l.systemQuantity === null ? '' : formatNumber(l.systemQuantity)),
    });
  }
  list.push(
    // Boxes to write in: tall enough for a handwritten number and a correction beside it.
    { id: 'counted', header: c('counted'), width: 8, cell: () => <span className="count-box" />, stacked: 'field' },
    { id: 'remarks', header: c('remarks'), width: 8, cell: () => <span className="count-box" />, stacked: 'field' },
  );
  return list;
}

function CountSheetView({ target, paper, params, ready, failed, blind }: PrintViewProps & { blind: boolean }) {
  const { t } = useTranslation();
  const { settings } = useDepot();
  const detail = usePrintData('stocktake:get', { stocktakeId: target }, failed);
  const { options, printedAt } = useSlipOptions(params, failed);
  const recountOnly = params.recount === '1';

  // Book quantities are withheld from counters while the count is open: the sheet with them is not theirs to print.
  const withheld = !blind && detail !== null && detail.lines.some((l) => l.systemQuantity === null);
  useEffect(() => {
    if (withheld) failed(t('errors.stocktake-blind'));
  }, [withheld, failed, t]);

  const cols = useMemo(() => columns(t, !blind), [t, blind]);
  if (!detail || !options || withheld) return null;
  const lines = recountOnly ? detail.lines.filter((l) => l.countRound === detail.round) : detail.lines;
  const roundText =
    recountOnly && detail.round > 1
      ? t('stocktake.sheet.recountRound', { round: detail.round })
      : t('stocktake.session.roundValue', { round: detail.round });
  const fields: HeaderField[] = [
    { label: t('stocktake.sheet.scope'), value: scopeText(t, detail) },
    { label: t('stocktake.sheet.frozenAt'), value: formatDateTime(detail.startedAt) },
    { label: t('stocktake.sheet.startedBy'), value: detail.startedBy },
    { label: t('stocktake.sheet.round'), value: roundText },
    ...(detail.remarks ? [{ label: t('stocktake.sheet.remarks'), value: detail.remarks, wide: true }] : []),
  ];
  const systemTotal = lines.reduce((sum, l) => sum + (l.systemQuantity ?? 0), 0);
  return (
    <PagedDocument
      paper={paper}
      copies={['']}
      lines={lines}
      lineKey={(l) => l.id}
      columns={cols}
      header={() => (
        <>
          <SlipHeading
            paper={paper}
            depotName={settings.depotName}
            logo={settings.printing.logo}
            title={blind ? t('stocktake.sheet.blindTitle') : t('stocktake.sheet.title')}
            copy=""
            number={detail.number}
          />
          <FieldGrid paper={paper} fields={fields} />
        </>
      )}
      totals={(pageLines, page) => (
        <p className="count-sheet-totals">
          {page.last
            ? t('stocktake.sheet.allLines', { lines: formatNumber(lines.length) })
            : t('stocktake.sheet.pageLines', { lines: formatNumber(pageLines.length) })}
          {!blind && page.last && <span>{t('stocktake.sheet.systemTotal', { total: formatNumber(systemTotal) })}</span>}
        </p>
      )}
      signatures={
        <SignatureBlock
          paper={paper}
          statement={t('stocktake.sheet.statement')}
          roles={[
            { role: t('stocktake.sheet.counter') },
            { role: t('stocktake.sheet.checker') },
            { role: t('stocktake.sheet.keeper') },
            { role: t('stocktake.sheet.supervisor') },
          ]}
        />
      }
      footer={{ printedAt, reprint: options.reprint, note: settings.printing.footerNote }}
      ready={ready}
      failed={failed}
    />
  );
}

export function BlindCountSheet(props: PrintViewProps) {
  return <CountSheetView {...props} blind />;
}

export function CountSheet(props: PrintViewProps) {
  return <CountSheetView {...props} blind={false} />;
}
