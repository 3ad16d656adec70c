/**
 * The blocks every slip is made of: the heading (logo, depot, title, copy label, number as Code128 and
 * QR), the header fields, the signature block. They size themselves to the paper's printable width, so
 * one slip reads well on A4, A5 landscape, a 241 mm fan-fold form and an 80 mm thermal roll.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { printableMm, type Paper } from '../../../shared/print/papers';
import { useDepot } from '../../app/depot';
import { Barcode } from '../../components/Barcode';

/**
 * The body text size per paper, in points: A5 is read at arm's length on a desk, a fan-fold form in a
 * dot-matrix head's 10 cpi, a thermal roll in the hand.
 */
export const paperFontPt: Readonly<Record<Paper['id'], number>> = {
  'a4-portrait': 9,
  'a4-landscape': 8,
  'a5-landscape': 7.5,
  'continuous-241': 9.5,
  'thermal-80': 8.5,
  'label-60x40': 7,
  'label-100x70': 8,
  'a4-label-sheet': 8,
};

/**
 * How many header-field and signature columns fit: judged by the printable width in units of the
 * paper's text size, so the smaller A5 text takes four field columns where A4 takes three.
 */
export function gridColumns(paper: Paper): { fields: number; signatures: number } {
  const widthInEms = printableMm(paper).widthMm / paperFontPt[paper.id];
  if (widthInEms >= 24) return { fields: 4, signatures: 6 };
  if (widthInEms >= 15) return { fields: 3, signatures: 6 };
  // Narrow paper: one field per row; one signature per row, role, name and date on one line.
  return { fields: 1, signatures: 1 };
}

export interface SlipHeadingProps {
  paper: Paper;
  depotName: string;
  logo: string | null;
  title: string;
  /** The copy label (存根联…); '' for a document printed once. */
  copy: string;
  /** The document number, printed with its Code128 and QR; null for a printout of no document (a stock card). */
  number: string | null;
  /** Marks under the title: the emergency box, a reversal note. */
  marks?: ReactNode;
}

export function SlipHeading({ paper, depotName, logo, title, copy, number, marks }: SlipHeadingProps) {
  const { t } = useTranslation();
  const narrow = printableMm(paper).widthMm < 100;
  const code = number !== null && (
    <div className="slip-number">
      <Barcode
        symbology="code128"
        data={number}
        label={t('printDocuments.page.numberBarcode', { number })}
        widthMm={narrow ? 50 : 48}
        heightMm={9}
        barHeightMm={8}
      />
      <span className="slip-number-text">
        {t('printDocuments.page.numberLabel')} {number}
      </span>
    </div>
  );
  const qr = number !== null && (
    <Barcode
      symbology="qrcode"
      data={number}
      label={t('printDocuments.page.numberQr', { number })}
      widthMm={narrow ? 16 : 17}
      heightMm={narrow ? 16 : 17}
      className="slip-qr"
    />
  );
  return (
    <div className={`slip-heading ${narrow ? 'slip-heading--narrow' : ''}`}>
      <div className="slip-heading-left">
        {logo && <img className="slip-logo" src={logo} alt={t('printDocuments.page.logo')} />}
        {!narrow && qr}
      </div>
      <div className="slip-heading-centre">
        {depotName && <div className="slip-depot">{depotName}</div>}
        <h1 className="slip-title">{title}</h1>
        {copy && <div className="slip-copy">{copy}</div>}
        {narrow && (
          <div className="slip-codes">
            {code}
            {qr}
          </div>
        )}
      </div>
      {!narrow && <div className="slip-heading-right">{code}</div>}
      {marks && <div className="slip-marks">{marks}</div>}
    </div>
  );
}

export interface SlipHeaderProps extends Omit<SlipHeadingProps, 'depotName' | 'logo'> {
  fields: readonly HeaderField[];
}

/**
 * The header block every slip and form repeats on each page: the depot's logo and name from the
 * settings, the title, copy label, number with its barcodes, marks, and the header fields.
 */
export function SlipHeader({ fields, ...heading }: SlipHeaderProps) {
  const { settings } = useDepot();
  return (
    <>
      <SlipHeading {...heading} depotName={settings.depotName} logo={settings.printing.logo} />
      <FieldGrid paper={heading.paper} fields={fields} />
    </>
  );
}

export interface HeaderField {
  label: string;
  value: ReactNode;
  /** Spans the whole row (addresses, remarks). */
  wide?: boolean;
}

export function FieldGrid({ paper, fields }: { paper: Paper; fields: readonly HeaderField[] }) {
  const { t } = useTranslation();
  const columns = gridColumns(paper).fields;
  return (
    <dl className="slip-fields" style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}>
      {fields.map((f) => (
        <div key={f.label} className="slip-field" style={f.wide ? { gridColumn: '1 / -1' } : undefined}>
          <dt>{f.label}</dt>
          <dd>{f.value === '' || f.value === null ? t('printDocuments.page.emptyValue') : f.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export interface SignatureRole {
  role: string;
  /** A name the system knows (the operator who prepared the slip); blank lines otherwise. */
  name?: string;
  /** The date the system knows for this role (the day a write-off was applied for); a blank line otherwise. */
  date?: string;
  /** Further lines to fill in by hand (arrival time, condition on arrival). */
  extra?: readonly string[];
}

export function SignatureBlock({
  paper,
  statement,
  roles,
}: {
  paper: Paper;
  statement: string;
  roles: readonly SignatureRole[];
}) {
  const { t } = useTranslation();
  // Three roles on a wide sheet take a third each rather than huddling in half the width.
  const columns = Math.min(gridColumns(paper).signatures, roles.length);
  return (
    <div className="slip-signatures">
      <p className="slip-statement">{statement}</p>
      <div
        className={`slip-signature-grid ${columns === 1 ? 'slip-signature-grid--inline' : ''}`}
        style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))` }}
      >
        {roles.map((r) => (
          <div key={r.role} className="slip-signature">
            <div className="slip-signature-role">{r.role}</div>
            <div className="slip-signature-line">
              <span>{t('printDocuments.signatures.name')}</span>
              <span className="slip-blank">{r.name ?? ''}</span>
            </div>
            <div className="slip-signature-line">
              <span>{t('printDocuments.signatures.date')}</span>
              <span className="slip-blank">{r.date ?? ''}</span>
            </div>
            {r.extra?.map((label) => (
              <div key={label} className="slip-signature-line">
                <span>{label}</span>
                <span className="slip-blank" />
              </div>
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

/**
 * Several values in one cell, one block per batch a line was drawn from. Each block is at least two
 * text lines high (a batch's production and expiry dates), so a batch's cells stay level across the row.
 */
export function Stack({ values }: { values: readonly ReactNode[] }) {
  if (values.length === 1) return <>{values[0]}</>;
  return (
    <>
      {values.map((v, i) => (
        <div key={i} className="cell-pick">
          {v}
        </div>
      ))}
    </>
  );
}
