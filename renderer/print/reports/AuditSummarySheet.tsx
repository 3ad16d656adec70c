/**
 * 审计摘要: the audit package's summary page, drawn while the package is built and written into it as
 * PDF. It shows what the job read in the package's own snapshot (`exports:audit-summary`): depot,
 * period, generated-at and operator, the period's figures, the hash chain's verification with its head
 * hash and entry count, and the files beside it in the package. The target is the export job's id.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepot } from '../../app/depot';
import { formatDateTime } from '../../components/format';
import type { PrintViewProps } from '../registry';
import { usePrintData } from '../usePrintData';
import { PagedDocument, type LineColumn } from '../documents/PagedDocument';
import './reports.css';

type FileLine = { no: number; name: string };

export function AuditSummarySheet({ target, paper, ready, failed }: PrintViewProps) {
  const { t } = useTranslation();
  const { settings } = useDepot();
  const summary = usePrintData('exports:audit-summary', { jobId: target }, failed);
  const [printedAt] = useState(() => formatDateTime(new Date().toISOString()));

  if (!summary) return null;
  const files: FileLine[] = summary.contents.map((name, i) => ({ no: i + 1, name }));
  const columns: LineColumn<FileLine>[] = [
    { id: 'no', header: t('reports.print.fileNo'), width: 1, align: 'center', cell: (f) => f.no },
    { id: 'name', header: t('reports.print.file'), width: 12, cell: (f) => f.name },
  ];
  const { chain } = summary;
  return (
    <PagedDocument
      paper={paper}
      copies={['']}
      lines={files}
      lineKey={(f) => String(f.no)}
      columns={columns}
      header={(page) => (
        <>
          <div className="report-heading">
            <h1 className="slip-title">{summary.title}</h1>
            {summary.meta.map((line) => (
              <p key={line} className="report-meta">
                {line}
              </p>
            ))}
          </div>
          {page.page === 1 && (
            <>
              <section className="audit-summary-section">
                <h2>{t('reports.audit.figures')}</h2>
                <ul>
                  {summary.figures.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </section>
              <section className="audit-summary-section">
                <h2>{t('reports.audit.chainTitle')}</h2>
                <p className={chain.ok ? '' : 'audit-verdict--broken'}>{chain.verdict}</p>
                <p>{t('reports.audit.chainSite', { site: chain.siteCode })}</p>
                <p>{t('reports.audit.chainEntries', { count: chain.entries })}</p>
                <p>{t('reports.audit.chainHead', { seq: chain.headSeq })}</p>
                <p className="audit-hash">{t('reports.audit.chainHash', { hash: chain.headHash })}</p>
                <p>{t('reports.audit.chainHow')}</p>
              </section>
              <section className="audit-summary-section">
                <h2>{t('reports.audit.contents')}</h2>
              </section>
            </>
          )}
        </>
      )}
      totals={() => null}
      signatures={null}
      footer={{ printedAt, reprint: null, note: settings.printing.footerNote }}
      ready={ready}
      failed={failed}
    />
  );
}
