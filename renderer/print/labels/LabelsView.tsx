/**
 * The 'labels' print view: item, batch and location labels on 60 × 40 mm or 100 × 70 mm label stock
 * (one label per page, as label printers feed them) or on A4 sheets of 24 self-adhesive labels,
 * 3 × 8 of 70 × 37 mm edge to edge (the common A4 24-up 70 × 37 mm stock, e.g. Avery 3474). The same
 * component draws the in-app preview, so the preview is the print.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabelData } from '../../../shared/contract';
import { parseLabelSelection, type LabelEntry, type LabelSelection } from '../../../shared/labels/selection';
import type { Paper } from '../../../shared/print/papers';
import { call, errorText } from '../../api/client';
import { loadBarcodeEncoder } from '../../components/Barcode';
import { PrintSheet } from '../PrintSheet';
import type { PrintViewProps } from '../registry';
import { BatchLabel, ItemLabel, LocationLabel, type LabelFormat } from './LabelFaces';
import './labels.css';

type Encoder = Awaited<ReturnType<typeof loadBarcodeEncoder>>;

/** The A4 sheet: 3 columns × 8 rows of 70 × 37 mm labels edge to edge, 0.5 mm left top and bottom. */
export const sheetLayout = { columns: 3, rows: 8, labelWidthMm: 70, labelHeightMm: 37 } as const;
export const labelsPerSheet = sheetLayout.columns * sheetLayout.rows;

/** The label box each paper gives a label (inside the label's own padding). */
export function labelFormat(paper: Paper): LabelFormat {
  switch (paper.id) {
    case 'label-100x70':
      return { size: 'large', widthMm: 94, heightMm: 64 };
    case 'a4-label-sheet':
      return { size: 'small', widthMm: sheetLayout.labelWidthMm - 7, heightMm: sheetLayout.labelHeightMm - 6 };
    default:
      return { size: 'small', widthMm: 56, heightMm: 36 };
  }
}

/**
 * Shrinks each label's text until it fits its box (long names, several sources), down to 5 pt. Copies
 * of one record share a face: it is measured once and its size given to the others.
 */
function fitText(root: HTMLElement): void {
  const fitted = new Map<string, string>();
  for (const text of root.querySelectorAll<HTMLElement>('.label-text')) {
    const face = text.closest<HTMLElement>('[data-face]')?.dataset.face ?? '';
    const known = fitted.get(face);
    if (known !== undefined) {
      text.style.fontSize = known;
    } else {
      let size = parseFloat(getComputedStyle(text).fontSize) * 0.75; // px → pt
      while ((text.scrollHeight > text.clientHeight + 0.5 || text.scrollWidth > text.clientWidth + 0.5) && size > 5) {
        size -= 0.25;
        text.style.fontSize = `${size}pt`;
      }
      fitted.set(face, text.style.fontSize);
    }
    text.dataset.overflow = text.scrollHeight > text.clientHeight + 0.5 ? 'true' : 'false';
  }
}

interface Drawn {
  /** The selection text these labels were drawn for. */
  target: string;
  selection: LabelSelection;
  data: LabelData;
  encoder: Encoder;
}

export function LabelsView({ target, paper, ready, failed }: PrintViewProps) {
  const { t } = useTranslation();
  const [latest, setDrawn] = useState<Drawn | null>(null);
  // Labels of an earlier selection never show under a new one while it loads.
  const drawn = latest?.target === target ? latest : null;
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let live = true;
    const parsed = parseLabelSelection(target);
    if (!parsed.ok) {
      failed(t('labels.view.badSelection', { problem: parsed.problem }));
      return;
    }
    const { selection } = parsed;
    void Promise.all([
      call('catalog:get-label-data', {
        kind: selection.kind,
        entries: selection.entries.map((e) => (e.sourceId ? { id: e.id, sourceId: e.sourceId } : { id: e.id })),
      }),
      loadBarcodeEncoder(),
    ]).then(([result, encoder]) => {
      if (!live) return;
      if (!result.ok) failed(t('print.loadFailed', { reason: errorText(t, result.error) }));
      else setDrawn({ target, selection, data: result.value, encoder });
    });
    return () => {
      live = false;
    };
  }, [target, failed, t]);

  const format = useMemo(() => labelFormat(paper), [paper]);
  const faces = useMemo(() => (drawn ? labelFaces(drawn, format) : []), [drawn, format]);

  useLayoutEffect(() => {
    if (!drawn || !root.current) return;
    const element = root.current;
    let live = true;
    // Text metrics need the CJK font loaded; then one frame so the printer sees the settled layout.
    void document.fonts.ready.then(() => {
      if (!live) return;
      fitText(element);
      requestAnimationFrame(() => live && ready());
    });
    return () => {
      live = false;
    };
  }, [drawn, faces, ready]);

  if (!drawn) return null;
  const count = faces.length;
  const labelled = faces.map(({ face, record }, i) => (
    <div
      key={i}
      data-face={record}
      className={`label label-${format.size}`}
      role="group"
      aria-label={t('labels.view.labelOf', { index: i + 1, count })}
    >
      {face}
    </div>
  ));

  if (paper.id === 'a4-label-sheet') {
    const sheets: ReactNode[][] = [];
    for (let i = 0; i < labelled.length; i += labelsPerSheet) sheets.push(labelled.slice(i, i + labelsPerSheet));
    return (
      <div ref={root} className="labels-view">
        {sheets.map((sheet, i) => (
          <PrintSheet
            key={i}
            paper={paper}
            className="label-sheet"
            label={t('print.pageOf', { page: i + 1, pages: sheets.length })}
          >
            {sheet}
          </PrintSheet>
        ))}
      </div>
    );
  }
  return (
    <div ref={root} className="labels-view">
      {labelled.map((label, i) => (
        <PrintSheet key={i} paper={paper} className="label-page">
          {label}
        </PrintSheet>
      ))}
    </div>
  );
}

/** Every label face in print order: each record's face repeated for its copies (drawn once, shared). */
function labelFaces({ selection, data, encoder }: Drawn, format: LabelFormat): { face: ReactNode; record: number }[] {
  const faces: { face: ReactNode; record: number }[] = [];
  const repeat = (entry: LabelEntry, face: ReactNode) => {
    const record = selection.entries.indexOf(entry);
    for (let c = 0; c < entry.copies; c++) faces.push({ face, record });
  };
  selection.entries.forEach((entry, i) => {
    switch (data.kind) {
      case 'items':
        repeat(entry, <ItemLabel item={data.items[i]!} format={format} encoder={encoder} />);
        break;
      case 'batches':
        repeat(
          entry,
          <BatchLabel batch={data.batches[i]!} quantity={entry.quantity} format={format} encoder={encoder} />,
        );
        break;
      case 'locations':
        repeat(entry, <LocationLabel location={data.locations[i]!} format={format} encoder={encoder} />);
        break;
    }
  });
  return faces;
}
