/**
 * After a receipt: the goods just received, each with its barcode or none, and labels in one step —
 * goods without a barcode (donations, bulk) get the depot's next internal code, then their batch
 * labels open, one per unit received unless the keeper chooses another count.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentDetail } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { call, errorText } from '../../api/client';
import { formatNumber } from '../../components/format';
import { useLabelsDialog } from './useLabelsDialog';
import './labels-dialog.css';

interface ReceivedLine {
  lineId: string;
  itemId: string;
  name: string;
  spec: string;
  unit: string;
  quantity: number;
  batchId: string;
  batchNo: string;
  sourceId: string;
}

type Loaded =
  | { status: 'loading' }
  | { status: 'ok'; lines: ReceivedLine[]; unitBarcodes: Record<string, string | null> }
  | { status: 'error'; error: AppError };

function receivedLines(detail: DocumentDetail): ReceivedLine[] {
  return detail.lines.flatMap((line) => {
    const entry = detail.entries.find((e) => e.lineId === line.id);
    if (!entry) return [];
    return [
      {
        lineId: line.id,
        itemId: line.itemId,
        name: line.itemName,
        spec: line.spec,
        unit: line.baseUnit,
        quantity: line.quantity,
        batchId: entry.batchId,
        batchNo: entry.batchNo,
        sourceId: entry.sourceId,
      },
    ];
  });
}

export function ReceiptLabels({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  const labels = useLabelsDialog();

  useEffect(() => {
    let live = true;
    void (async () => {
      const detail = await call('documents:get', { id: documentId });
      if (!detail.ok) {
        if (live) setLoaded({ status: 'error', error: detail.error });
        return;
      }
      const lines = receivedLines(detail.value);
      const itemIds = [...new Set(lines.map((l) => l.itemId))];
      const data = await call('catalog:get-label-data', { kind: 'items', entries: itemIds.map((id) => ({ id })) });
      if (!live) return;
      if (!data.ok || data.value.kind !== 'items') {
        setLoaded({
          status: 'error',
          error: data.ok ? { code: 'internal', message: 'unexpected label data' } : data.error,
        });
        return;
      }
      const unitBarcodes = Object.fromEntries(
        data.value.items.map((item) => [item.id, item.barcodes.find((b) => b.quantity === 1)?.barcode ?? null]),
      );
      setLoaded({ status: 'ok', lines, unitBarcodes });
    })();
    return () => {
      live = false;
    };
  }, [documentId]);

  if (loaded.status === 'loading' || (loaded.status === 'ok' && loaded.lines.length === 0)) return null;
  if (loaded.status === 'error') {
    return (
      <p className="notice-error" role="alert">
        {t('print.loadFailed', { reason: errorText(t, loaded.error) })}
      </p>
    );
  }

  const showLabels = (line: ReceivedLine) =>
    labels.show({
      kind: 'batches',
      entries: [{ id: line.batchId, sourceId: line.sourceId }],
      initialCopies: line.quantity,
      unit: line.unit,
    });

  async function assignAndShow(line: ReceivedLine) {
    setBusy(line.lineId);
    setMessage(null);
    const result = await call('catalog:assign-internal-code', { itemId: line.itemId });
    setBusy(null);
    if (!result.ok) {
      setMessage({ kind: 'alert', text: errorText(t, result.error) });
      return;
    }
    setLoaded((l) =>
      l.status === 'ok' ? { ...l, unitBarcodes: { ...l.unitBarcodes, [line.itemId]: result.value.barcode } } : l,
    );
    setMessage({ kind: 'status', text: t('labels.receipt.assigned', { barcode: result.value.barcode }) });
    showLabels(line);
  }

  return (
    <section className="receipt-labels" aria-labelledby="receipt-labels-title">
      <h3 id="receipt-labels-title">{t('labels.receipt.title')}</h3>
      <p className="receipt-labels-intro">{t('labels.receipt.intro')}</p>
      <table className="receipt-labels-table">
        <tbody>
          {loaded.lines.map((line) => {
            const barcode = loaded.unitBarcodes[line.itemId] ?? null;
            const names = { name: line.name, batch: line.batchNo };
            return (
              <tr key={line.lineId}>
                <th scope="row">
                  {line.name}
                  {line.spec && <span className="receipt-labels-muted"> {line.spec}</span>}
                </th>
                <td>{line.batchNo}</td>
                <td className="receipt-labels-number">
                  {formatNumber(line.quantity)} {line.unit}
                </td>
                <td className="receipt-labels-barcode">
                  {barcode ? t('labels.receipt.hasBarcode', { barcode }) : t('labels.receipt.noBarcode')}
                </td>
                <td>
                  {barcode ? (
                    <button
                      type="button"
                      className="button button-quiet"
                      aria-label={t('labels.receipt.printFor', names)}
                      onClick={() => showLabels(line)}
                    >
                      {t('labels.receipt.print')}
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="button button-primary"
                      aria-label={t('labels.receipt.assignFor', names)}
                      disabled={busy !== null}
                      onClick={() => void assignAndShow(line)}
                    >
                      {t('labels.receipt.assign')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {message && (
        <p className={message.kind === 'alert' ? 'notice-error' : 'receipt-labels-done'} role={message.kind}>
          {message.text}
        </p>
      )}
      {labels.dialog}
    </section>
  );
}
