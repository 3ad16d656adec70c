import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemSearchHit, StockRow } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { call, errorText, useChannel } from '../../api/client';
import { formatDateTime, formatNumber, toCartons } from '../../components/format';
import { AssignBarcodeDialog } from '../../scan/AssignBarcodeDialog';
import { ScanBar } from '../../scan/ScanBar';
import { useLineFlash } from '../../scan/useLineFlash';
import { useScanSession, type ScanScreen } from '../../scan/useScanSession';
import { announceApprovalsChanged } from '../approvals/approvalEvents';
import { ConfirmDispatchDialog, type ConfirmSummary } from './ConfirmDispatchDialog';
import { checkForm, explainRefusal, hasProblems, noProblems, type Problems } from './dispatchChecks';
import {
  blankLine,
  draftPayloadOf,
  filledLines,
  isBlank,
  issuedQuantity,
  slipTotals,
  toDispatchInput,
  type DispatchForm,
  type DispatchLine,
  type HeaderField,
} from './dispatchForm';
import { DispatchHeader, headerFieldClass } from './DispatchHeader';
import { DispatchLineRow, focusIssued, lineFieldId } from './DispatchLineRow';
import type { PostedDispatch } from './DispatchPosted';
import { DraftSaver } from './draftSaver';
import { planDispatchScan, undoDispatchScan, type DispatchScanUndo } from './dispatchScan';
import { DraftsDialog, type Draft } from './DraftsDialog';
import { PicksDialog, type PicksTarget } from './PicksDialog';
import { useAllocations } from './useAllocations';

interface DispatchEditorProps {
  initialForm: DispatchForm;
  draftId: string | null;
  /** When the draft this form resumes was last saved. */
  savedAt: string | null;
  otherDrafts: number;
  todayDate: string;
  onPosted(posted: PostedDispatch): void;
  /** A dispatch above the depot's limit went to a supervisor as a request instead. */
  onRequested(unitName: string): void;
  onNew(): void;
  onOpenDraft(draft: Draft): void;
}

type DraftStatus = { status: 'idle' } | { status: 'saved'; at: string } | { status: 'failed'; error: AppError };
type Phase = 'editing' | 'checking' | 'confirming' | 'posting';

/** A field or line to take the keeper to after the next render. */
type FocusTarget = { header: HeaderField } | { item: string } | { issued: string } | { first: 'unit' };

/**
 * One dispatch slip being written: header, lines with their live FEFO proposals, batches chosen by
 * hand, autosave to its draft, the confirmation and the posting (once, however often Enter is hit).
 */
export function DispatchEditor({
  initialForm,
  draftId,
  savedAt,
  otherDrafts,
  todayDate,
  onPosted,
  onRequested,
  onNew,
  onOpenDraft,
}: DispatchEditorProps) {
  const { t } = useTranslation();
  const [form, setForm] = useState(initialForm);
  const [draft, setDraft] = useState<DraftStatus>(savedAt ? { status: 'saved', at: savedAt } : { status: 'idle' });
  const [saver] = useState(
    () =>
      new DraftSaver(
        draftId,
        (saved) => setDraft({ status: 'saved', at: saved.updatedAt }),
        (error) => setDraft({ status: 'failed', error }),
      ),
  );
  const [refusal, setRefusal] = useState<Problems>(noProblems);
  const [attempted, setAttempted] = useState(false);
  const [left, setLeft] = useState<ReadonlySet<HeaderField>>(new Set());
  const [phase, setPhase] = useState<Phase>('editing');
  const [summary, setSummary] = useState<ConfirmSummary | null>(null);
  const [picksTarget, setPicksTarget] = useState<PicksTarget | null>(null);
  const [draftsOpen, setDraftsOpen] = useState(false);
  /** Set synchronously on the first Enter or click, so a second one never posts twice. */
  const busy = useRef(false);
  const focusNext = useRef<FocusTarget | null>(null);
  const root = useRef<HTMLDivElement>(null);

  const unitsState = useChannel('catalog:list-parties', { kind: 'receiving_unit' }).state;
  const issuersState = useChannel('catalog:list-parties', { kind: 'issuing_unit' }).state;
  const sourcesState = useChannel('catalog:list-sources').state;
  const units = useMemo(
    () => (unitsState.status === 'ok' ? unitsState.value.filter((p) => p.active) : []),
    [unitsState],
  );
  const issuers = useMemo(
    () => (issuersState.status === 'ok' ? issuersState.value.filter((p) => p.active) : []),
    [issuersState],
  );
  const sources = useMemo(
    () => (sourcesState.status === 'ok' ? sourcesState.value.filter((s) => s.active) : []),
    [sourcesState],
  );

  const { proposalOf, proposalsNow, refresh } = useAllocations(form.lines);

  // — Autosave: every change goes to the draft after a pause; leaving the screen writes at once. —
  const unitName = units.find((u) => u.id === form.receivingUnitId)?.name ?? '';
  const title = t('dispatch.draft.title', {
    unit: unitName || t('dispatch.draft.untitled'),
    lines: filledLines(form).length,
  });
  useEffect(() => {
    if (saver.draftId === null && isBlank(form)) return;
    saver.schedule(draftPayloadOf(form), title);
  }, [form, title, saver]);
  useEffect(() => () => void saver.flush(), [saver]);

  // — Focus: after a pick, a new line or a refusal, the keeper lands where the work goes on. —
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    if ('header' in target) {
      root.current?.querySelector<HTMLElement>(`.${headerFieldClass(target.header)} :is(input, select)`)?.focus();
    } else if ('item' in target) {
      document.getElementById(lineFieldId(target.item, 'item'))?.focus();
    } else if ('issued' in target) {
      if (!focusIssued(target.issued)) document.getElementById(lineFieldId(target.issued, 'item'))?.focus();
    }
  });

  // A fresh slip opened straight at this screen starts in the receiving unit; after a move between
  // areas the heading keeps the focus the frame gave it.
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement === null) {
      root.current?.querySelector<HTMLElement>(`.${headerFieldClass('receivingUnitId')} input`)?.focus();
    }
  }, []);

  // — Editing —
  const change = useCallback((patch: Partial<DispatchForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setRefusal((r) => {
      const fields = { ...r.fields };
      for (const key of Object.keys(patch)) delete fields[key as HeaderField];
      if ('transport' in patch) delete fields.driverPhone;
      if ('emergency' in patch) delete fields.orderNo;
      return { ...r, fields, form: null };
    });
  }, []);

  const changeLine = useCallback((key: string, patch: Partial<DispatchLine>) => {
    setForm((f) => ({
      ...f,
      lines: f.lines.map((l) => {
        if (l.key !== key) return l;
        const next = { ...l, ...patch };
        // Batches chosen by hand belong to one item, source and quantity; any change sends the line back to FEFO.
        if (!('picks' in patch) && ('item' in patch || 'issued' in patch || 'sourceId' in patch)) next.picks = null;
        // A scanned batch belongs to its item: another item (or none) unpins it.
        if (!('batch' in patch) && 'item' in patch && patch.item?.id !== l.item?.id) next.batch = null;
        return next;
      }),
    }));
    setRefusal((r) => {
      const lines = { ...r.lines };
      delete lines[key];
      return { ...r, lines, form: null };
    });
  }, []);

  function addLine(): void {
    const line = blankLine();
    setForm((f) => ({ ...f, lines: [...f.lines, line] }));
    focusNext.current = { item: line.key };
  }

  function removeLine(key: string): void {
    const at = form.lines.findIndex((l) => l.key === key);
    const rest = form.lines.filter((l) => l.key !== key);
    const lines = rest.length > 0 ? rest : [blankLine()];
    setForm((f) => ({ ...f, lines }));
    setRefusal((r) => {
      const next = { ...r.lines };
      delete next[key];
      return { ...r, lines: next, form: null };
    });
    focusNext.current = { item: (lines[Math.min(at, lines.length - 1)] ?? lines[0]!).key };
  }

  function enterPastLine(index: number): void {
    const next = form.lines[index + 1];
    if (next) {
      document.getElementById(lineFieldId(next.key, 'item'))?.focus();
    } else {
      addLine();
    }
  }

  /**
   * A typed pick fills the line and moves on to its quantity. A scanned barcode counts what it stands
   * for: onto a line already holding that item (one item, one line), else onto this line; then the
   * keeper is ready for the next scan on an empty line.
   */
  function pickItem(key: string, hit: ItemSearchHit): void {
    const line = form.lines.find((l) => l.key === key);
    if (!line) return;
    if (hit.barcodeQuantity === null) {
      // The same item again keeps the line as it is (and any batches chosen by hand).
      if (line.item?.id !== hit.item.id) changeLine(key, { item: hit.item });
      focusNext.current = { issued: key };
      return;
    }
    const holder =
      (line.item?.id === hit.item.id ? line : undefined) ??
      form.lines.find((l) => l.key !== key && l.item?.id === hit.item.id && l.picks === null && l.batch === null);
    const target = holder ?? line;
    const base = holder ? issuedQuantity(holder) : 0;
    changeLine(target.key, { item: hit.item, issued: toCartons(base + hit.barcodeQuantity, hit.item.packSize) });
    const trailing = form.lines[form.lines.length - 1];
    if (holder && holder.key !== key) {
      focusNext.current = { item: key };
    } else if (trailing && trailing.key !== key && trailing.item === null) {
      focusNext.current = { item: trailing.key };
    } else {
      addLine();
    }
  }

  // — Scanning: a scan anywhere on the slip counts on it (dispatchScan.ts says how). —
  /** The form as last rendered or scanned: scans resolved before the next render plan on it. */
  const formNow = useRef(form);
  useLayoutEffect(() => {
    formNow.current = form;
  });
  /** The line the previous scan went to: the same item counts on it. */
  const scanLine = useRef<string | null>(null);
  const scanScreen: ScanScreen<DispatchScanUndo> = {
    apply(result, multiplier) {
      const newKey = blankLine().key;
      const current = scanLine.current;
      const plan = planDispatchScan(formNow.current, result, multiplier, current, newKey);
      if (!plan.ok) {
        return {
          type: 'problem',
          message:
            plan.problem === 'batchNotHeld'
              ? t('scan.problem.batchNotHeld', { batch: plan.batchNo ?? '' })
              : t('scan.problem.locationOnDispatch'),
        };
      }
      formNow.current = plan.form;
      scanLine.current = plan.undo.key;
      setForm((f) => {
        const again = planDispatchScan(f, result, multiplier, current, newKey);
        return again.ok ? again.form : f;
      });
      setRefusal((r) => {
        const lines = { ...r.lines };
        delete lines[plan.undo.key];
        return { ...r, lines, form: null };
      });
      const line = plan.form.lines[plan.lineNo - 1]!;
      const name = line.item?.name ?? '';
      const unit = line.item?.baseUnit ?? '';
      const message = plan.batch
        ? t('scan.found.gs1', { name, batch: plan.batch.batchNo, quantity: plan.added, unit, line: plan.lineNo })
        : t('scan.found.item', { name, quantity: plan.added, unit, line: plan.lineNo, total: plan.total });
      return { type: 'applied', undo: plan.undo, message, flash: plan.undo.key, usedMultiplier: true };
    },
    undo(record) {
      formNow.current = undoDispatchScan(formNow.current, record);
      setForm((f) => undoDispatchScan(f, record));
    },
  };
  const scan = useScanSession(scanScreen, phase === 'editing' && picksTarget === null && !draftsOpen);
  useLineFlash(scan.flash, (key) => document.getElementById(lineFieldId(key, 'item'))?.closest('tbody') ?? null);

  function leaveField(field: HeaderField): void {
    setLeft((s) => (s.has(field) ? s : new Set([...s, field])));
  }

  // — What stops the posting, shown where it applies —
  const checks = useMemo(() => checkForm(t, form, todayDate), [t, form, todayDate]);
  const fieldProblems: Partial<Record<HeaderField, string>> = {};
  for (const [field, message] of Object.entries(checks.fields) as [HeaderField, string][]) {
    if (attempted || left.has(field)) fieldProblems[field] = message;
  }
  Object.assign(fieldProblems, refusal.fields);

  const sameItemLines = (line: DispatchLine, index: number): number[] =>
    line.item ? form.lines.flatMap((other, i) => (i !== index && other.item?.id === line.item!.id ? [i + 1] : [])) : [];

  // — Posting —
  async function requestPost(): Promise<void> {
    if (busy.current || phase !== 'editing') return;
    busy.current = true;
    setAttempted(true);
    setPhase('checking');
    const proposals = await proposalsNow(form.lines);
    const problems = checkForm(t, form, todayDate, proposals, sources);
    if (hasProblems(problems)) {
      // Field problems show from the live checks now that posting was attempted; lines and the summary stay until changed.
      setRefusal((r) => ({ ...r, lines: problems.lines, form: problems.form }));
      setPhase('editing');
      busy.current = false;
      focusFirstProblem(problems, form.lines);
      return;
    }
    const lines = filledLines(form).map((line) => {
      const answer = proposals.get(line.key);
      const proposed: StockRow[] = answer?.ok ? answer.value.picks : [];
      return {
        key: line.key,
        item: line.item!,
        quantity: issuedQuantity(line),
        picks: line.picks ?? proposed,
        manual: line.picks !== null,
      };
    });
    setSummary({
      // A line pinned to a scanned batch posts the picks shown (FEFO within that batch); the backend's
      // own FEFO at posting knows nothing of the pin.
      form: {
        ...form,
        lines: form.lines.map((line) => {
          const answer = proposals.get(line.key);
          return line.batch && line.picks === null && answer?.ok ? { ...line, picks: answer.value.picks } : line;
        }),
      },
      unit: units.find((u) => u.id === form.receivingUnitId) ?? null,
      docDate: form.docDate ?? todayDate,
      lines,
      totals: slipTotals(lines),
    });
    setPhase('confirming');
    busy.current = false;
  }

  async function confirmPost(): Promise<void> {
    if (busy.current || !summary) return;
    busy.current = true;
    setPhase('posting');
    const id = await saver.stop();
    const { input, lineKeys } = toDispatchInput(summary.form, id);
    let result = await call('stock:post-dispatch', input);
    // Above the depot's limit a keeper may not post alone: the confirmed slip goes to a supervisor.
    if (!result.ok && result.error.code === 'approval-required') {
      const request = await call('approvals:submit', { kind: 'dispatch', input });
      if (request.ok) {
        saver.close();
        announceApprovalsChanged();
        onRequested(summary.unit?.name ?? '');
        return;
      }
      result = request;
    }
    if (result.ok) {
      saver.close();
      onPosted({
        id: result.value.id,
        number: result.value.number,
        unitName: summary.unit?.name ?? '',
        totals: summary.totals,
        paperworkPending: summary.form.emergency && summary.form.orderNo.trim() === '',
      });
      return;
    }
    saver.resume();
    const problems = explainRefusal(t, result.error, lineKeys);
    setRefusal(problems);
    setSummary(null);
    setPhase('editing');
    busy.current = false;
    // Stock may have moved since the proposals were made: ask again.
    refresh();
    focusFirstProblem(problems, form.lines);
  }

  function focusFirstProblem(problems: Problems, lines: DispatchLine[]): void {
    const order: HeaderField[] = ['receivingUnitId', 'orderNo', 'orderDate', 'docDate', 'driverPhone'];
    const field = order.find((f) => problems.fields[f]);
    if (field) {
      focusNext.current = { header: field };
      return;
    }
    const line = lines.find((l) => problems.lines[l.key]);
    if (line) focusNext.current = line.item ? { issued: line.key } : { item: line.key };
  }

  function cancelConfirm(): void {
    if (phase === 'posting') return;
    setSummary(null);
    setPhase('editing');
  }

  // Ctrl+Enter posts from anywhere on the slip (shown in the post button's title).
  const shortcut = useRef<() => void>(() => undefined);
  useEffect(() => {
    shortcut.current = () => {
      if (picksTarget || draftsOpen) return;
      void requestPost();
    };
  });
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.isComposing) {
        event.preventDefault();
        shortcut.current();
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  // — Drafts —
  function startNew(): void {
    void saver.flush();
    onNew();
  }

  function openDraft(d: Draft): void {
    setDraftsOpen(false);
    void saver.flush().then(() => onOpenDraft(d));
  }

  function discarded(id: string): void {
    if (id !== saver.draftId) return;
    saver.close();
    setDraftsOpen(false);
    onNew();
  }

  const filled = filledLines(form);
  const totals = slipTotals(filled.map((l) => ({ item: l.item!, quantity: issuedQuantity(l) })));
  const lineProblem = (key: string) => refusal.lines[key];
  const working = phase === 'checking' || phase === 'posting';

  return (
    <div className="dispatch" ref={root}>
      <div className="dispatch-toolbar">
        <span className="dispatch-draft-status" role="status">
          {draft.status === 'saved'
            ? t('dispatch.draft.saved', { time: formatDateTime(draft.at) })
            : draft.status === 'failed'
              ? t('dispatch.draft.saveFailed', { reason: errorText(t, draft.error) })
              : t('dispatch.draft.notSaved')}
        </span>
        <span className="dispatch-actions-gap" />
        <button type="button" className="button button-quiet" onClick={() => setDraftsOpen(true)}>
          {otherDrafts > 0
            ? t('dispatch.actions.draftsCount', { count: otherDrafts + 1 })
            : t('dispatch.actions.drafts')}
        </button>
        <button type="button" className="button button-quiet" onClick={startNew}>
          {t('dispatch.actions.newDispatch')}
        </button>
      </div>

      <DispatchHeader
        form={form}
        todayDate={todayDate}
        units={units}
        issuers={issuers}
        problems={fieldProblems}
        onChange={change}
        onLeaveField={leaveField}
        onEnterPastLast={() => {
          const first = form.lines[0];
          if (first) document.getElementById(lineFieldId(first.key, 'item'))?.focus();
        }}
      />

      <ScanBar state={scan.bar} />

      <section className="dispatch-lines" aria-labelledby="dispatch-lines-title">
        <h2 id="dispatch-lines-title" className="dispatch-section-title">
          {t('dispatch.lines.label')}
        </h2>
        <table className="dispatch-table dispatch-lines-table" aria-labelledby="dispatch-lines-title">
          <colgroup>
            <col className="dispatch-col-no" />
            <col />
            <col className="dispatch-col-quantity" />
            <col className="dispatch-col-quantity" />
            <col className="dispatch-col-source" />
            <col className="dispatch-col-available" />
            <col className="dispatch-col-remove" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col" className="dispatch-number">
                {t('dispatch.lines.number')}
              </th>
              <th scope="col">{t('dispatch.lines.item')}</th>
              <th scope="col">{t('dispatch.lines.ordered')}</th>
              <th scope="col">{t('dispatch.lines.issued')}</th>
              <th scope="col">{t('dispatch.lines.source')}</th>
              <th scope="col" className="dispatch-number">
                {t('dispatch.lines.available')}
              </th>
              <th scope="col">
                <span className="dispatch-sr-only">{t('common.actions.remove')}</span>
              </th>
            </tr>
          </thead>
          {form.lines.map((line, index) => (
            <tbody key={line.key}>
              <DispatchLineRow
                line={line}
                index={index}
                sources={sources}
                proposal={proposalOf(line)}
                problem={lineProblem(line.key)}
                sameItemLines={sameItemLines(line, index)}
                onChange={(patch) => changeLine(line.key, patch)}
                onPickItem={(hit) => pickItem(line.key, hit)}
                onClearItem={() => changeLine(line.key, { item: null, picks: null })}
                onRemove={() => removeLine(line.key)}
                onAdjust={() => {
                  const proposal = proposalOf(line);
                  setPicksTarget({
                    lineKey: line.key,
                    lineNo: index + 1,
                    item: line.item!,
                    sourceId: line.sourceId,
                    quantity: issuedQuantity(line),
                    current: line.picks ?? (proposal.status === 'ok' ? proposal.allocation.picks : []),
                  });
                }}
                onEnterPastLast={() => enterPastLine(index)}
              />
            </tbody>
          ))}
        </table>
        <button type="button" className="button button-quiet dispatch-add-line" onClick={addLine}>
          {t('dispatch.lines.add')}
        </button>
      </section>

      <footer className="dispatch-footer">
        <span className="dispatch-footer-totals">
          {t('dispatch.totals', { lines: totals.lines, units: formatNumber(totals.units) })}
        </span>
        {(refusal.form ?? (attempted ? checks.form : null)) && (
          <p className="notice-error dispatch-footer-problem" role="alert">
            {refusal.form ?? checks.form}
          </p>
        )}
        <span className="dispatch-actions-gap" />
        <button
          type="button"
          className="button button-primary dispatch-post"
          title={t('dispatch.actions.postTitle')}
          aria-keyshortcuts="Control+Enter"
          disabled={working}
          onClick={() => void requestPost()}
        >
          {phase === 'checking'
            ? t('dispatch.actions.checking')
            : phase === 'posting'
              ? t('dispatch.actions.posting')
              : t('dispatch.actions.post')}
        </button>
      </footer>

      <ConfirmDispatchDialog
        summary={summary}
        posting={phase === 'posting'}
        onConfirm={() => void confirmPost()}
        onCancel={cancelConfirm}
      />
      <PicksDialog
        target={picksTarget}
        todayDate={todayDate}
        onClose={() => setPicksTarget(null)}
        onApply={(key, picks) => {
          changeLine(key, { picks });
          setPicksTarget(null);
        }}
      />
      <AssignBarcodeDialog pending={scan.pending} onAssigned={scan.assigned} onCancel={scan.cancelAssign} />
      <DraftsDialog
        open={draftsOpen}
        currentId={saver.draftId}
        onClose={() => setDraftsOpen(false)}
        onOpenDraft={openDraft}
        onDiscarded={discarded}
      />
    </div>
  );
}
