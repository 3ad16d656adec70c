/**
 * The faces of the three labels. Chinese text sits beside or above the code; sizes come from the
 * label box (small: 60 × 40 mm and the A4 sheet's 70 × 37 mm; large: 100 × 70 mm).
 */
import { useTranslation } from 'react-i18next';
import type { LabelBatch, LabelItem, LabelLocation } from '../../../shared/contract';
import { batchSymbol, gs1Transmitted, itemGtin, itemSymbol, locationLabelData } from '../../../shared/labels/symbols';
import { formatNumber } from '../../components/format';
import type { loadBarcodeEncoder } from '../../components/Barcode';
import { drawLinear, drawMatrix, type DrawnSymbol } from './symbols';

type Encoder = Awaited<ReturnType<typeof loadBarcodeEncoder>>;

export interface LabelFormat {
  size: 'small' | 'large';
  /** The label's content box, inside its padding. */
  widthMm: number;
  heightMm: number;
}

interface FaceProps {
  format: LabelFormat;
  encoder: Encoder;
}

type FallbackReason = 'batch-characters' | 'batch-length' | 'code-characters' | 'too-wide' | 'not-encodable';

function SymbolImage({ symbol, label, className }: { symbol: DrawnSymbol; label: string; className?: string }) {
  return (
    <span
      className={`barcode label-symbol ${className ?? ''}`}
      role="img"
      aria-label={label}
      data-symbol={className}
      style={{ width: `${symbol.widthMm}mm`, height: `${symbol.heightMm}mm` }}
      // bwip-js builds the SVG from the data alone (paths only, no text nodes from the input), so the markup is ours.
      dangerouslySetInnerHTML={{ __html: symbol.svg }}
    />
  );
}

/** A QR code standing in for a symbol that could not be drawn, with the reason printed under it. */
function FallbackQr({
  encoder,
  data,
  sizeMm,
  label,
  reason,
}: {
  encoder: Encoder;
  data: string;
  sizeMm: number;
  label: string;
  reason: FallbackReason;
}) {
  const { t } = useTranslation();
  const qr = drawMatrix(encoder, 'qrcode', data, sizeMm);
  return (
    <div className="label-fallback">
      {qr && <SymbolImage symbol={qr} label={label} className="qrcode" />}
      <p className="label-note" role="note">
        {t(`labels.view.fallback.${reason}`)}
      </p>
    </div>
  );
}

function Line({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="label-line">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

const sizes = {
  small: { matrixMm: 14, qrMm: 14, gapMm: 2, maxModuleMm: 0.33 },
  large: { matrixMm: 22, qrMm: 24, gapMm: 3, maxModuleMm: 0.5 },
} as const;

export function ItemLabel({ item, format, encoder }: FaceProps & { item: LabelItem }) {
  const { t } = useTranslation();
  const symbol = itemSymbol(item.code, item.barcodes);
  const size = sizes[format.size];
  const barMm = format.size === 'large' ? 18 : Math.min(9, format.heightMm * 0.26);
  const linear = drawLinear(encoder, symbol.symbology, symbol.data, format.widthMm, barMm, size.maxModuleMm);
  const label = t('labels.view.itemBarcode', { name: item.name, data: symbol.data });
  return (
    <div className={`label-face label-item ${linear.ok ? '' : 'label-with-side'}`}>
      <div className="label-main">
        <dl className="label-text">
          <div className="label-title">{item.name}</div>
          {item.spec && <Line term={t('labels.view.spec')}>{item.spec}</Line>}
          <Line term={t('labels.view.unit')}>{item.baseUnit}</Line>
          <Line term={t('labels.view.code')}>{item.code}</Line>
        </dl>
        {!linear.ok && (
          <FallbackQr encoder={encoder} data={symbol.data} sizeMm={size.qrMm} label={label} reason={linear.problem} />
        )}
      </div>
      {linear.ok && (
        <div className="label-linear">
          <SymbolImage symbol={linear} label={label} className={symbol.symbology} />
          {symbol.symbology !== 'ean13' && <span className="label-hri">{symbol.data}</span>}
        </div>
      )}
    </div>
  );
}

function sourceText(batch: LabelBatch): { sources: string; donors: string } {
  return {
    sources: batch.sources.map((s) => s.name).join('、'),
    donors: [...new Set(batch.sources.flatMap((s) => (s.donorName ? [s.donorName] : [])))].join('、'),
  };
}

export function BatchLabel({ batch, quantity, format, encoder }: FaceProps & { batch: LabelBatch; quantity?: number }) {
  const { t } = useTranslation();
  const size = sizes[format.size];
  const symbol = batchSymbol({
    gtin: itemGtin(batch.item.barcodes),
    itemCode: batch.item.code,
    batchNo: batch.batchNo,
    productionDate: batch.productionDate,
    expiryDate: batch.expiryDate,
  });
  const { sources, donors } = sourceText(batch);
  const names = { name: batch.item.name, batch: batch.batchNo };
  // The linear GS1-128 needs ~300–400 modules: only the 100 × 70 label is wide enough at a readable X.
  const linear =
    symbol.kind === 'gs1' && format.size === 'large'
      ? drawLinear(encoder, 'gs1-128', symbol.elementString, format.widthMm, 11, size.maxModuleMm)
      : null;
  const matrix =
    symbol.kind === 'gs1' ? drawMatrix(encoder, 'gs1datamatrix', symbol.elementString, size.matrixMm) : null;
  return (
    <div className="label-face label-batch">
      <div className="label-main">
        <dl className="label-text">
          <div className="label-title">
            {batch.item.name}
            {batch.item.spec && <span className="label-title-spec"> {batch.item.spec}</span>}
          </div>
          <Line term={t('labels.view.batch')}>{batch.batchNo}</Line>
          {batch.productionDate && <Line term={t('labels.view.produced')}>{batch.productionDate}</Line>}
          {batch.expiryDate && <Line term={t('labels.view.expiry')}>{batch.expiryDate}</Line>}
          {sources && <Line term={t('labels.view.source')}>{sources}</Line>}
          {donors && <Line term={t('labels.view.donor')}>{donors}</Line>}
          {batch.origin && <Line term={t('labels.view.origin')}>{batch.origin}</Line>}
          <Line term={t('labels.view.received')}>{batch.receiptDate}</Line>
          {quantity !== undefined && (
            <Line term={t('labels.view.quantity')}>
              {formatNumber(quantity)} {batch.item.baseUnit}
            </Line>
          )}
        </dl>
        {symbol.kind === 'gs1' && matrix ? (
          <SymbolImage symbol={matrix} label={t('labels.view.batchMatrix', names)} className="gs1datamatrix" />
        ) : (
          <FallbackQr
            encoder={encoder}
            data={symbol.kind === 'gs1' ? symbol.elementString : symbol.data}
            sizeMm={size.qrMm}
            label={t('labels.view.batchQr', names)}
            reason={symbol.kind === 'gs1' ? 'not-encodable' : symbol.reason}
          />
        )}
      </div>
      {linear?.ok && symbol.kind === 'gs1' && (
        <div className="label-linear">
          <SymbolImage symbol={linear} label={t('labels.view.batchLinear', names)} className="gs1-128" />
          <span className="label-hri" data-transmitted={gs1Transmitted(symbol.elementString)}>
            {symbol.elementString}
          </span>
        </div>
      )}
    </div>
  );
}

export function LocationLabel({ location, format, encoder }: FaceProps & { location: LabelLocation }) {
  const { t } = useTranslation();
  const size = sizes[format.size];
  const data = locationLabelData(location.code);
  const barMm = format.size === 'large' ? 16 : Math.min(8, format.heightMm * 0.22);
  const linear = drawLinear(
    encoder,
    'code128',
    data,
    format.widthMm - size.qrMm - size.gapMm,
    barMm,
    format.size === 'large' ? 0.6 : 0.4,
  );
  const qr = drawMatrix(encoder, 'qrcode', data, size.qrMm);
  return (
    <div className="label-face label-location">
      <dl className="label-text">
        <div className="label-title label-title-big">{location.name}</div>
        <Line term={t(location.kind === 'zone' ? 'labels.view.zone' : 'labels.view.slot')}>{location.code}</Line>
        {location.zoneName && <Line term={t('labels.view.inZone')}>{location.zoneName}</Line>}
      </dl>
      <div className="label-codes">
        {linear.ok ? (
          <div className="label-linear">
            <SymbolImage
              symbol={linear}
              label={t('labels.view.locationLinear', { code: location.code })}
              className="code128"
            />
            <span className="label-hri">{data}</span>
          </div>
        ) : (
          <p className="label-note" role="note">
            {t(`labels.view.fallback.${linear.problem}`)}
          </p>
        )}
        {qr && (
          <SymbolImage symbol={qr} label={t('labels.view.locationQr', { code: location.code })} className="qrcode" />
        )}
      </div>
    </div>
  );
}
