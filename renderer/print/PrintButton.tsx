/**
 * The way into printing from a screen: a button that opens the print preview of one printout and,
 * once it was printed, says how often (so a keeper sees a reprint coming before pressing it).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PrintKind } from '../../shared/print/jobs';
import { PrintPreview, usePrintHistory } from './PrintPreview';

interface PrintButtonProps {
  kind: PrintKind;
  target: string;
  /** The document number: in the preview's title and the PDF's file name. */
  number: string;
  label: string;
  className?: string;
}

export function PrintButton({ kind, target, number, label, className }: PrintButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { state, reload } = usePrintHistory(kind, target);
  const times = state.status === 'ok' ? state.value.count : 0;
  return (
    <>
      <button type="button" className={className ?? 'button button-quiet'} onClick={() => setOpen(true)}>
        {times > 0 ? `${label}（${t('print.open.printedTimes', { times })}）` : label}
      </button>
      {open && (
        <PrintPreview
          kind={kind}
          target={target}
          title={`${t(`print.kinds.${kind}`)} ${number}`}
          fileStem={number}
          onClose={() => {
            setOpen(false);
            reload();
          }}
        />
      )}
    </>
  );
}
