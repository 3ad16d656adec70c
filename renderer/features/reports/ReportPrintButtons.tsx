/**
 * "导出 PDF" and "打印" beside the export button for the ledger summary and the inventory: the report's
 * print view (the same rows and totals as its XLSX) saved as PDF through the shell's save dialog, or
 * opened in the print preview to print it.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportTableQuery } from '../../../shared/contract';
import { reportPrintTarget } from '../../../shared/print/reportTarget';
import { call, errorText } from '../../api/client';
import { PrintPreview } from '../../print/PrintPreview';

type Outcome = { kind: 'saved'; path: string } | { kind: 'failed'; text: string } | null;

/** What the report covers, for the PDF's file name ("2026-03-01_2026-03-31") or the preview's title. */
function scopeOf(query: ReportTableQuery, between = '_'): string {
  return query.report === 'inventory' ? query.date : `${query.from}${between}${query.to}`;
}

export function ReportPrintButtons({ report }: { report: () => ReportTableQuery | null }) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [previewing, setPreviewing] = useState<ReportTableQuery | null>(null);

  async function savePdf() {
    const query = report();
    if (!query || saving) return;
    setSaving(true);
    setOutcome(null);
    const { kind, target } = reportPrintTarget(query);
    const result = await call('print:save-pdf', {
      job: { kind, target, paper: 'a4-landscape' },
      fileName: `${t(`print.kinds.${kind}`)}_${scopeOf(query)}.pdf`,
    });
    setSaving(false);
    if (!result.ok) setOutcome({ kind: 'failed', text: errorText(t, result.error) });
    else if (result.value.path !== null) setOutcome({ kind: 'saved', path: result.value.path });
  }

  const preview = previewing && reportPrintTarget(previewing);
  return (
    <>
      <button type="button" className="button" disabled={saving} onClick={() => void savePdf()}>
        {saving ? t('reports.print.saving') : t('reports.print.savePdf')}
      </button>
      <button
        type="button"
        className="button button-quiet"
        onClick={() => {
          setOutcome(null);
          setPreviewing(report());
        }}
      >
        {t('reports.print.print')}
      </button>
      {outcome?.kind === 'saved' && (
        <p className="reports-result reports-print-result" role="status">
          {t('reports.print.saved')} <code>{outcome.path}</code>
        </p>
      )}
      {outcome?.kind === 'failed' && (
        <p className="notice-error reports-print-result" role="alert">
          {t('reports.print.failed', { reason: outcome.text })}
        </p>
      )}
      {preview && previewing && (
        <PrintPreview
          kind={preview.kind}
          target={preview.target}
          title={`${t(`print.kinds.${preview.kind}`)} ${scopeOf(previewing, ' – ')}`}
          fileStem={`${t(`print.kinds.${preview.kind}`)}_${scopeOf(previewing)}`}
          onClose={() => setPreviewing(null)}
        />
      )}
    </>
  );
}
