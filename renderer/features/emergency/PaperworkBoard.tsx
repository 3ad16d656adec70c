import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/contract';
import { errorText, useChannel } from '../../api/client';
import { areaHref } from '../../app/areas';
import { formatDateTime, today } from '../../components/format';
import { FilePaperworkDialog } from '../documents/FilePaperworkDialog';

type Pending = ChannelOutput<'stock:pending-paperwork'>[number];

/** Whole days from one calendar date to another (both YYYY-MM-DD). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * 补办手续看板: every emergency dispatch still waiting for its allocation order number, soonest deadline
 * first (2 working days after posting), overdue ones marked; the number is filed right here.
 */
export function PaperworkBoard() {
  const { t } = useTranslation();
  const { state, reload } = useChannel('stock:pending-paperwork');
  const [filing, setFiling] = useState<Pending | null>(null);
  const [filed, setFiled] = useState<string | null>(null);
  const todayDate = today();

  const rows = state.status === 'ok' ? state.value : state.status === 'loading' ? (state.stale ?? null) : null;
  const overdue = rows?.filter((r) => r.overdue).length ?? 0;

  function status(row: Pending): string {
    if (row.overdue) return t('emergency.board.overdue', { days: daysBetween(row.due, todayDate) });
    const left = daysBetween(todayDate, row.due);
    return left === 0 ? t('emergency.board.dueToday') : t('emergency.board.dueIn', { days: left });
  }

  return (
    <section className="paperwork-board" aria-label={t('emergency.board.title')}>
      <header className="emergency-section-header">
        <h2 className="emergency-heading">{t('emergency.board.title')}</h2>
        <p className="emergency-explain">{t('emergency.board.explain')}</p>
      </header>
      {state.status === 'error' && (
        <p className="notice-error" role="alert">
          {errorText(t, state.error)}
        </p>
      )}
      {filed && (
        <p className="emergency-done" role="status">
          {filed}
        </p>
      )}
      {rows && rows.length === 0 && <p className="emergency-empty">{t('emergency.board.empty')}</p>}
      {rows && rows.length > 0 && (
        <>
          <p className="paperwork-summary" role="status">
            {t('emergency.board.summary', { count: rows.length, overdue })}
          </p>
          <table className="emergency-table">
            <thead>
              <tr>
                <th scope="col">{t('emergency.board.col.number')}</th>
                <th scope="col">{t('emergency.board.col.postedAt')}</th>
                <th scope="col">{t('emergency.board.col.unit')}</th>
                <th scope="col">{t('emergency.board.col.incident')}</th>
                <th scope="col">{t('emergency.board.col.due')}</th>
                <th scope="col">{t('emergency.board.col.status')}</th>
                <th scope="col">
                  <span className="scan-sr-only">{t('emergency.board.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.documentId} className={row.overdue ? 'paperwork-overdue' : undefined}>
                  <td>
                    <a href={areaHref('documents', row.documentId)} className="paperwork-number">
                      {row.number}
                    </a>
                  </td>
                  <td>{formatDateTime(row.postedAt)}</td>
                  <td>{row.receivingUnit}</td>
                  <td>{row.incidentName}</td>
                  <td>{row.due}</td>
                  <td className="paperwork-status">{status(row)}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-quiet"
                      aria-label={t('emergency.board.fileFor', { number: row.number })}
                      onClick={() => {
                        setFiled(null);
                        setFiling(row);
                      }}
                    >
                      {t('emergency.board.file')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {filing && (
        <FilePaperworkDialog
          open
          doc={{ id: filing.documentId, number: filing.number, paperworkDue: filing.due }}
          onClose={() => setFiling(null)}
          onFiled={(orderNo) => {
            setFiled(t('emergency.board.filed', { number: filing.number, orderNo }));
            setFiling(null);
            reload();
          }}
        />
      )}
    </section>
  );
}
