/**
 * 物资保管卡: one item's card for a date range as stock:card reads it — the opening balance, each
 * movement with its document number, in, out and running balance, and the period's totals with the
 * closing balance. Paged like every printed document: the item's header and the column header on each
 * page, a page subtotal, page X/Y. The target is the card's selection (shared/print/stockCardTarget.ts).
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ChannelOutput, ItemDetail, StockCardRow } from '../../../shared/contract';
import { useSlipOptions } from './useSlipOptions';
import { parseStockCardTarget, type StockCardSelection } from '../../../shared/print/stockCardTarget';
import { call, errorText } from '../../api/client';
import { useDepot } from '../../app/depot';
import { formatNumber } from '../../components/format';
import { kindText } from '../../features/documents/documentText';
import type { PrintViewProps } from '../registry';
import type { LineColumn } from './PagedDocument';
import { PagedDocument } from './PagedDocument';
import { SignatureBlock, SlipHeader, type HeaderField } from './SlipParts';

type StockCard = ChannelOutput<'stock:card'>;

/** A printed line: the opening balance, then one per movement. */
type CardLine = { id: 'opening'; balance: number } | { id: string; entry: StockCardRow };

interface CardData {
  item: ItemDetail;
  card: StockCard;
  sourceName: string | null;
  batchNo: string | null;
}

function useCardData(selection: StockCardSelection | null, failed: (reason: string) => void): CardData | null {
  const { t } = useTranslation();
  const [data, setData] = useState<CardData | null>(null);
  useEffect(() => {
    if (!selection) return;
    let live = true;
    const { itemId, from, to, sourceId, batchId } = selection;
    void Promise.all([
      call('catalog:get-item', { id: itemId }),
      call('stock:card', { itemId, from, to, sourceId, batchId }),
      call('catalog:list-sources'),
      call('stock:on-hand', { itemId }),
    ]).then(([item, card, sources, stock]) => {
      if (!live) return;
      const refused = [item, card, sources, stock].find((r) => !r.ok);
      if (refused && !refused.ok) {
        failed(t('print.loadFailed', { reason: errorText(t, refused.error) }));
        return;
      }
      if (!item.ok || !card.ok || !sources.ok || !stock.ok) return;
      // The batch filter names a batch by id: its number is on the card's rows or in the stock held now.
      const batchNo =
        batchId === null
          ? null
          : (card.value.rows.find((r) => r.batchNo)?.batchNo ??
            stock.value.find((r) => r.batchId === batchId)?.batchNo ??
            null);
      setData({
        item: item.value,
        card: card.value,
        sourceName: sourceId === null ? null : (sources.value.find((s) => s.id === sourceId)?.name ?? null),
        batchNo,
      });
    });
    return () => {
      live = false;
    };
  }, [selection, failed, t]);
  return data;
}

function headerFields(t: TFunction, data: CardData, selection: StockCardSelection): HeaderField[] {
  const { item } = data;
  const all = t('printForms.stockCard.all');
  return [
    { label: t('printForms.stockCard.code'), value: item.code },
    { label: t('printForms.stockCard.name'), value: item.name },
    { label: t('printForms.stockCard.spec'), value: item.spec },
    { label: t('printForms.stockCard.unit'), value: item.baseUnit },
    {
      label: t('printForms.stockCard.pack'),
      value:
        item.packSize > 1
          ? t('printForms.stockCard.packValue', { pack: formatNumber(item.packSize), unit: item.baseUnit })
          : t('printForms.stockCard.notPacked'),
    },
    {
      label: t('printForms.stockCard.period'),
      value: t('printForms.stockCard.periodValue', {
        from: selection.from ?? t('printForms.stockCard.periodStart'),
        to: selection.to ?? t('printForms.stockCard.periodEnd'),
      }),
    },
    { label: t('printForms.stockCard.source'), value: selection.sourceId ? (data.sourceName ?? '') : all },
    { label: t('printForms.stockCard.batch'), value: selection.batchId ? (data.batchNo ?? '') : all },
  ];
}

function cardColumns(t: TFunction): LineColumn<CardLine>[] {
  const entry = (line: CardLine) => ('entry' in line ? line.entry : null);
  const quantity = (n: number | undefined) => (n ? formatNumber(n) : null);
  return [
    {
      id: 'date',
      header: t('printForms.stockCard.columns.date'),
      width: 13,
      // A date broken over two lines doubles every row's height.
      cell: (l) => {
        const e = entry(l);
        return e ? <span className="cell-nowrap">{e.docDate}</span> : null;
      },
      stacked: 'title',
    },
    {
      id: 'number',
      header: t('printForms.stockCard.columns.number'),
      width: 17,
      cell: (l) => entry(l)?.number ?? null,
      stacked: 'title',
    },
    {
      id: 'summary',
      header: t('printForms.stockCard.columns.summary'),
      width: 24,
      cell: (l) => {
        const e = entry(l);
        if (!e) return <span className="cell-strong">{t('printForms.stockCard.opening')}</span>;
        const kind = kindText(t, e.kind, e.subkind);
        return e.partyName ? `${kind} ${e.partyName}` : kind;
      },
    },
    { id: 'batch', header: t('printForms.stockCard.columns.batch'), width: 12, cell: (l) => entry(l)?.batchNo ?? null },
    {
      id: 'location',
      header: t('printForms.stockCard.columns.location'),
      width: 8,
      cell: (l) => entry(l)?.locationCode ?? null,
    },
    {
      id: 'source',
      header: t('printForms.stockCard.columns.source'),
      width: 12,
      cell: (l) => entry(l)?.sourceName ?? null,
    },
    {
      id: 'in',
      header: t('printForms.stockCard.columns.in'),
      width: 9,
      align: 'end',
      cell: (l) => quantity(entry(l)?.quantityIn),
    },
    {
      id: 'out',
      header: t('printForms.stockCard.columns.out'),
      width: 9,
      align: 'end',
      cell: (l) => quantity(entry(l)?.quantityOut),
    },
    {
      id: 'balance',
      header: t('printForms.stockCard.columns.balance'),
      width: 11,
      align: 'end',
      cell: (l) => <span className="cell-strong">{formatNumber('entry' in l ? l.entry.balance : l.balance)}</span>,
    },
  ];
}

function CardTotals({
  lines,
  card,
  unit,
  grand,
}: {
  lines: readonly CardLine[];
  card: StockCard;
  unit: string;
  grand: boolean;
}) {
  const { t } = useTranslation();
  let inSum = 0;
  let outSum = 0;
  for (const l of lines) {
    if ('entry' in l) {
      inSum += l.entry.quantityIn;
      outSum += l.entry.quantityOut;
    }
  }
  return (
    <div className={`slip-totals ${grand ? 'slip-totals--grand' : ''}`}>
      {grand ? (
        <span>
          {t('printForms.stockCard.totals', {
            in: formatNumber(card.totalIn),
            out: formatNumber(card.totalOut),
            closing: formatNumber(card.closing),
            unit,
          })}
        </span>
      ) : (
        <span>{t('printForms.stockCard.pageTotals', { in: formatNumber(inSum), out: formatNumber(outSum) })}</span>
      )}
    </div>
  );
}

export function StockCardSheet({ target, paper, params, ready, failed }: PrintViewProps) {
  const { t } = useTranslation();
  const { settings } = useDepot();
  const selection = useMemo(() => parseStockCardTarget(target), [target]);
  const { options, printedAt } = useSlipOptions(params, failed);
  const badTarget = selection === null ? t('printDocuments.page.badParam', { name: 'target', value: target }) : null;
  useEffect(() => {
    if (badTarget) failed(badTarget);
  }, [badTarget, failed]);
  const data = useCardData(badTarget || !options ? null : selection, failed);

  const lines = useMemo<CardLine[]>(
    () =>
      data
        ? [
            { id: 'opening', balance: data.card.opening },
            ...data.card.rows.map((entry) => ({ id: entry.entryId, entry })),
          ]
        : [],
    [data],
  );
  if (!data || !selection || !options) return null;
  const fields = headerFields(t, data, selection);
  return (
    <PagedDocument
      paper={paper}
      copies={['']}
      lines={lines}
      lineKey={(l) => l.id}
      columns={cardColumns(t)}
      header={(page) => (
        <SlipHeader
          paper={paper}
          title={t('printForms.stockCard.title')}
          copy={page.copy}
          number={null}
          fields={fields}
        />
      )}
      totals={(pageLines, page) => (
        <CardTotals lines={pageLines} card={data.card} unit={data.item.baseUnit} grand={page.last} />
      )}
      signatures={
        <SignatureBlock
          paper={paper}
          statement={t('printForms.stockCard.statement')}
          roles={[{ role: t('printForms.stockCard.keeper') }, { role: t('printForms.stockCard.checker') }]}
        />
      }
      footer={{ printedAt, reprint: options.reprint, note: settings.printing.footerNote }}
      ready={ready}
      failed={failed}
    />
  );
}
