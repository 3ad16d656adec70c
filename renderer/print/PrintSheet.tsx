/**
 * One printed page: a box of the paper's exact size with its margins as padding, so what the preview
 * shows is what the printer and the PDF receive. Content that does not fit is the view's pagination
 * bug, not the printer's problem: overflow is hidden in print and outlined in the preview.
 */
import type { ReactNode } from 'react';
import type { Paper } from '../../shared/print/papers';

export interface PrintSheetProps {
  paper: Paper;
  children: ReactNode;
  className?: string;
  /** For screen readers and tests: e.g. "第 2 页，共 3 页". */
  label?: string;
}

export function PrintSheet({ paper, children, className, label }: PrintSheetProps) {
  const { top, right, bottom, left } = paper.marginsMm;
  return (
    <section
      className={`print-sheet ${className ?? ''}`}
      aria-label={label}
      data-paper={paper.id}
      style={{
        width: `${paper.widthMm}mm`,
        height: `${paper.heightMm}mm`,
        padding: `${top}mm ${right}mm ${bottom}mm ${left}mm`,
      }}
    >
      {children}
    </section>
  );
}
