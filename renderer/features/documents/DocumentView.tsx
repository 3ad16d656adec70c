import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ApprovalStamp, DocumentDetail, Party } from '../../../shared/contract';
import { roleMay } from '../../../shared/permissions';
import { errorText, useChannel } from '../../api/client';
import { areaHref } from '../../app/areas';
import { useDepot } from '../../app/depot';
import { announceApprovalsChanged } from '../approvals/approvalEvents';
import { formatCartons, formatDateTime, formatNumber, today } from '../../components/format';
import type { PrintKind } from '../../../shared/print/jobs';
import { PrintButton } from '../../print/PrintButton';
import { FilePaperworkDialog } from './FilePaperworkDialog';
import { ReturnDialog } from './ReturnDialog';
import { ReverseDialog } from './ReverseDialog';
import { kindText, paperworkState } from './documentText';
import { useRelated } from './relatedDocuments';

interface DocumentViewProps {
  id: string;
  /** Something was posted from here (a reversal, a filing, a return): the list should read again. */
  onChanged(): void;
}

type OpenDialog = 'reverse' | 'file' | 'return' | null;

/** The paper form each kind of document prints as; adjustments and reversals have none. */
const printKindOf: Partial<Record<DocumentDetail['kind'], PrintKind>> = {
  dispatch: 'dispatch-slip',
  receipt: 'receipt-slip',
  transfer: 'transfer-slip',
  write_off: 'write-off-application',
};

/** Who the header party is, by document kind and subkind. */
function partyRole(doc: DocumentDetail): Party['kind'] | 'other' {
  if (doc.kind === 'dispatch') return 'receiving_unit';
  if (doc.kind === 'receipt') {
    if (doc.subkind === 'purchase') return 'supplier';
    if (doc.subkind === 'allocation') return 'issuing_unit';
    if (doc.subkind === 'donation') return 'donor';
  }
  return 'other';
}

/** A signed change as the ledger shows it: +12, −5. */
function signed(quantity: number): string {
  return quantity > 0 ? `+${formatNumber(quantity)}` : `−${formatNumber(Math.abs(quantity))}`;
}

function Fact({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'document-fact document-fact-wide' : 'document-fact'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Who applied and who approved (write-offs, reversals, dispatches above the limit). */
function ApprovalFacts({ approval }: { approval: ApprovalStamp }) {
  const { t } = useTranslation();
  return (
    <>
      <Fact label={t('approvals.document.requestedBy')}>
        {t('approvals.document.person', {
          name: approval.requestedByName,
          username: approval.requestedBy,
          at: formatDateTime(approval.requestedAt),
        })}
      </Fact>
      <Fact label={t('approvals.document.approvedBy')}>
        {t('approvals.document.person', {
          name: approval.approvedByName,
          username: approval.approvedBy,
          at: formatDateTime(approval.approvedAt),
        })}
        {approval.selfApproved && ` · ${t('approvals.document.selfApproved')}`}
      </Fact>
    </>
  );
}

function paperworkSentence(t: TFunction, doc: DocumentDetail, todayDate: string): string {
  const state = paperworkState(doc, todayDate);
  const due = doc.paperworkDue ?? '';
  if (state === 'pending') return t('documents.paperwork.pendingLong', { due });
  if (state === 'overdue') return t('documents.paperwork.overdueLong', { due });
  if (state === 'filed' && doc.filing) {
    return t('documents.paperwork.filedLong', {
      operator: doc.filing.operator,
      at: formatDateTime(doc.filing.filedAt),
      orderNo: doc.filing.orderNo,
    });
  }
  if (state === 'reversed') return t('documents.paperwork.reversedLong');
  if (state === 'withOrder') return t('documents.paperwork.withOrderLong');
  return '';
}

/** One posted document: every header field, related documents, lines, ledger effect, and what can be done with it. */
export function DocumentView({ id, onChanged }: DocumentViewProps) {
  const { t, i18n } = useTranslation();
  const { state, reload } = useChannel('documents:get', { id });
  const doc = state.status === 'ok' ? state.value : state.status === 'loading' ? (state.stale ?? null) : null;
  const related = useRelated(doc);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const [outcome, setOutcome] = useState<{ text: string; link?: { id: string; number: string } } | null>(null);
  const outcomeRef = useRef<HTMLParagraphElement>(null);
  const todayDate = today();
  // Who may reverse at once; anyone else applies for the reversal, which a supervisor approves.
  const mayApprove = roleMay(useDepot().user.role, 'approve');

  // After a posting the button pressed may be gone (a reversed document offers no reversal): the
  // keeper is taken to the sentence saying what happened.
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const back = (
    <a className="button button-quiet document-back" href={areaHref('documents')}>
      {t('documents.view.back')}
    </a>
  );

  if (!doc) {
    return (
      <div className="document-view">
        <div className="document-toolbar">{back}</div>
        {state.status === 'error' ? (
          <p className="notice-error" role="alert">
            {t('documents.view.loadFailed', { reason: errorText(t, state.error) })}
          </p>
        ) : (
          <p className="document-loading" role="status">
            {t('documents.view.loading')}
          </p>
        )}
      </div>
    );
  }

  function posted(text: string, link?: { id: string; number: string }) {
    setDialog(null);
    setOutcome({ text, link });
    reload();
    onChanged();
  }

  const canReverse = doc.kind !== 'reversal' && doc.reversedBy === null;
  const canFile = paperworkState(doc, todayDate) === 'pending' || paperworkState(doc, todayDate) === 'overdue';
  const canReturn = doc.kind === 'dispatch' && doc.reversedBy === null;
  const paperwork = paperworkSentence(t, doc, todayDate);
  const pwState = paperworkState(doc, todayDate);
  const itemsById = new Map(doc.lines.map((l) => [l.itemId, l]));
  const donors = [...new Set(doc.entries.map((e) => e.donorName).filter((n): n is string => !!n))];
  const isDispatch = doc.kind === 'dispatch';
  const printKind = printKindOf[doc.kind];
  const transport = doc.transport;

  return (
    <div className="document-view">
      <div className="document-toolbar">
        {back}
        <div className="document-actions" role="group" aria-label={t('documents.view.actionsLabel')}>
          {printKind && (
            <PrintButton kind={printKind} target={doc.id} number={doc.number} label={t('print.open.print')} />
          )}
          {canFile && (
            <button type="button" className="button button-primary" onClick={() => setDialog('file')}>
              {t('documents.view.actions.file')}
            </button>
          )}
          {canReturn && (
            <button type="button" className="button button-quiet" onClick={() => setDialog('return')}>
              {t('documents.view.actions.return')}
            </button>
          )}
          {canReverse && (
            <button type="button" className="button button-quiet document-reverse" onClick={() => setDialog('reverse')}>
              {mayApprove ? t('documents.view.actions.reverse') : t('approvals.request.reversal')}
            </button>
          )}
        </div>
      </div>

      <h2 className="document-title">
        <span className="document-number">{doc.number}</span>
        <span className="document-kind">{kindText(t, doc.kind, doc.subkind)}</span>
      </h2>

      {outcome && (
        <p ref={outcomeRef} className="document-outcome" role="status" tabIndex={-1}>
          {outcome.text}{' '}
          {outcome.link && (
            <a href={areaHref('documents', outcome.link.id)}>
              {t('documents.list.openPosted', { number: outcome.link.number })}
            </a>
          )}
        </p>
      )}
      {doc.reversedBy && (
        <p className="document-reversed">{t('documents.view.reversedNotice', { number: doc.reversedBy })}</p>
      )}

      <section aria-label={t('documents.view.headerLabel')}>
        <dl className="document-facts">
          <Fact label={t('documents.view.number')}>{doc.number}</Fact>
          <Fact label={t('documents.view.kind')}>{kindText(t, doc.kind, doc.subkind)}</Fact>
          <Fact label={t('documents.view.docDate')}>{doc.docDate}</Fact>
          <Fact label={t('documents.view.postedAt')}>{formatDateTime(doc.postedAt)}</Fact>
          <Fact label={t('documents.view.operator')}>{doc.operator}</Fact>
          {doc.approval && <ApprovalFacts approval={doc.approval} />}
          {doc.partyName && <Fact label={t(`documents.view.parties.${partyRole(doc)}`)}>{doc.partyName}</Fact>}
          {doc.sourceName && <Fact label={t('documents.view.source')}>{doc.sourceName}</Fact>}
          {donors.length > 0 && partyRole(doc) !== 'donor' && (
            <Fact label={t('documents.view.donors')}>
              {new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(donors)}
            </Fact>
          )}
          {doc.orderNo && <Fact label={t('documents.view.orderNo')}>{doc.orderNo}</Fact>}
          {doc.orderIssuer && <Fact label={t('documents.view.orderIssuer')}>{doc.orderIssuer}</Fact>}
          {doc.orderDate && <Fact label={t('documents.view.orderDate')}>{doc.orderDate}</Fact>}
          {doc.incidentName && <Fact label={t('documents.view.incident')}>{doc.incidentName}</Fact>}
          {doc.responseLevel && (
            <Fact label={t('documents.view.responseLevel')}>{t(`common.responseLevels.${doc.responseLevel}`)}</Fact>
          )}
          {transport.mode && <Fact label={t('documents.view.transportMode')}>{transport.mode}</Fact>}
          {transport.carrier && <Fact label={t('documents.view.carrier')}>{transport.carrier}</Fact>}
          {transport.plateNo && <Fact label={t('documents.view.plateNo')}>{transport.plateNo}</Fact>}
          {transport.driver && <Fact label={t('documents.view.driver')}>{transport.driver}</Fact>}
          {transport.driverPhone && <Fact label={t('documents.view.driverPhone')}>{transport.driverPhone}</Fact>}
          {doc.reason && (
            <Fact label={t('documents.view.reason')} wide>
              {doc.reason}
            </Fact>
          )}
          {doc.remarks && (
            <Fact label={t('documents.view.remarks')} wide>
              {doc.remarks}
            </Fact>
          )}
          {paperwork && (
            <Fact label={t('documents.view.emergency')} wide>
              <span className={`document-paperwork document-paperwork-${pwState ?? 'none'}`}>{paperwork}</span>
            </Fact>
          )}
          {doc.filing?.remarks && (
            <Fact label={t('documents.view.filingRemarks')} wide>
              {doc.filing.remarks}
            </Fact>
          )}
        </dl>
      </section>

      {(doc.relatedId || related.reversal || related.returns.length > 0) && (
        <section className="document-related" aria-label={t('documents.view.related')}>
          <h3>{t('documents.view.related')}</h3>
          <ul>
            {doc.relatedId && doc.relatedNumber && (
              <li>
                {doc.kind === 'reversal' ? t('documents.view.reverses') : t('documents.view.returnOf')}{' '}
                <a href={areaHref('documents', doc.relatedId)}>{doc.relatedNumber}</a>
              </li>
            )}
            {related.reversal && (
              <li>
                {t('documents.view.reversedBy')}{' '}
                <a href={areaHref('documents', related.reversal.id)}>{related.reversal.number}</a>
              </li>
            )}
            {related.returns.length > 0 && (
              <li>
                {t('documents.view.returns')}{' '}
                {related.returns.map((r) => (
                  <span key={r.id} className="document-related-item">
                    <a href={areaHref('documents', r.id)}>{r.number}</a>
                    {r.reversedBy && ` (${t('documents.paperwork.reversed')})`}
                  </span>
                ))}
              </li>
            )}
          </ul>
        </section>
      )}
      {related.error && (
        <p className="notice-error" role="alert">
          {t('documents.view.loadFailed', { reason: errorText(t, related.error) })}
        </p>
      )}

      <section className="document-section" aria-labelledby="document-lines-heading">
        <h3 id="document-lines-heading">
          {t('documents.view.lines')}
          <span className="document-section-note">{t('documents.view.linesTotal', { lines: doc.lines.length })}</span>
        </h3>
        <div className="document-table-wrap">
          <table className="document-table">
            <thead>
              <tr>
                <th scope="col" className="numeric">
                  {t('documents.view.lineColumns.lineNo')}
                </th>
                <th scope="col">{t('documents.view.lineColumns.code')}</th>
                <th scope="col">{t('documents.view.lineColumns.name')}</th>
                <th scope="col">{t('documents.view.lineColumns.spec')}</th>
                <th scope="col">{t('documents.view.lineColumns.unit')}</th>
                {isDispatch && (
                  <th scope="col" className="numeric">
                    {t('documents.view.lineColumns.ordered')}
                  </th>
                )}
                <th scope="col" className="numeric">
                  {isDispatch ? t('documents.view.lineColumns.issued') : t('documents.view.lineColumns.quantity')}
                </th>
                <th scope="col" className="numeric">
                  {t('documents.view.lineColumns.cartons')}
                </th>
                <th scope="col">{t('documents.view.lineColumns.remarks')}</th>
                <th scope="col">{t('documents.view.lineColumns.card')}</th>
              </tr>
            </thead>
            <tbody>
              {doc.lines.map((line) => (
                <tr key={line.id}>
                  <td className="numeric">{line.lineNo}</td>
                  <td>{line.itemCode}</td>
                  <td>{line.itemName}</td>
                  <td>{line.spec}</td>
                  <td>{line.baseUnit}</td>
                  {isDispatch && (
                    <td className="numeric">
                      {line.quantityOrdered === null ? '' : formatNumber(line.quantityOrdered)}
                    </td>
                  )}
                  <td className="numeric">
                    {doc.kind === 'adjustment' ? signed(line.quantity) : formatNumber(line.quantity)}
                  </td>
                  <td className="numeric">
                    {line.packSize > 1 ? formatCartons(t, Math.abs(line.quantity), line.packSize, line.baseUnit) : ''}
                  </td>
                  <td className="document-remarks">{line.remarks}</td>
                  <td>
                    <a
                      href={areaHref('ledger', line.itemId)}
                      aria-label={t('documents.view.openCardOf', { code: line.itemCode, name: line.itemName })}
                    >
                      {t('documents.view.openCard')}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="document-section" aria-labelledby="document-ledger-heading">
        <h3 id="document-ledger-heading">{t('documents.view.ledger')}</h3>
        <div className="document-table-wrap">
          <table className="document-table">
            <thead>
              <tr>
                <th scope="col" className="numeric">
                  {t('documents.view.entryColumns.seq')}
                </th>
                <th scope="col">{t('documents.view.entryColumns.item')}</th>
                <th scope="col">{t('documents.view.entryColumns.batch')}</th>
                <th scope="col">{t('documents.view.entryColumns.productionDate')}</th>
                <th scope="col">{t('documents.view.entryColumns.expiryDate')}</th>
                <th scope="col">{t('documents.view.entryColumns.location')}</th>
                <th scope="col">{t('documents.view.entryColumns.source')}</th>
                <th scope="col" className="numeric">
                  {t('documents.view.entryColumns.quantity')}
                </th>
                <th scope="col" className="numeric">
                  {t('documents.view.entryColumns.balance')}
                </th>
              </tr>
            </thead>
            <tbody>
              {doc.entries.map((entry) => {
                const item = itemsById.get(entry.itemId);
                return (
                  <tr key={entry.id}>
                    <td className="numeric">{entry.seq}</td>
                    <td>{item ? `${item.itemCode} ${item.itemName}` : ''}</td>
                    <td>{entry.batchNo}</td>
                    <td>{entry.productionDate ?? ''}</td>
                    <td>{entry.expiryDate ?? ''}</td>
                    <td>{entry.locationCode}</td>
                    <td>{entry.donorName ? `${entry.sourceName}（${entry.donorName}）` : entry.sourceName}</td>
                    <td className={entry.quantity < 0 ? 'numeric document-out' : 'numeric document-in'}>
                      {signed(entry.quantity)}
                    </td>
                    <td className="numeric">{formatNumber(entry.balanceAfter)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <ReverseDialog
        open={dialog === 'reverse'}
        doc={doc}
        onClose={() => {
          setDialog(null);
          // A refusal may mean the document changed elsewhere: show it as it is now.
          reload();
        }}
        onPosted={(p) => posted(t('documents.view.posted', { number: p.number }), p)}
        asRequest={!mayApprove}
        onRequested={() => {
          setDialog(null);
          setOutcome({ text: t('approvals.requested.reversal') });
          announceApprovalsChanged();
        }}
      />
      <FilePaperworkDialog
        open={dialog === 'file'}
        doc={doc}
        onClose={() => {
          setDialog(null);
          reload();
        }}
        onFiled={(orderNo) => posted(t('documents.view.filed', { orderNo }))}
      />
      <ReturnDialog
        open={dialog === 'return'}
        dispatch={doc}
        onClose={() => setDialog(null)}
        onPosted={(p) => posted(t('documents.view.posted', { number: p.number }), p)}
      />
    </div>
  );
}
