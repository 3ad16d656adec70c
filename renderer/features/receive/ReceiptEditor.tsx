import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemSearchHit, Location as StorageLocation, Party, Source } from '../../../shared/contract';
import { call, errorText } from '../../api/client';
import { formatDateTime, toCartons } from '../../components/format';
import { Dialog } from '../../components/Dialog';
import { ConfirmReceiptDialog } from './ConfirmReceiptDialog';
import { focusField, focusNextFrame } from './keyboardFlow';
import { OtherDrafts } from './OtherDrafts';
import { ReceiptHeaderFields } from './ReceiptHeaderFields';
import { ReceiptLinesTable } from './ReceiptLinesTable';
import { ReceiptPosted, type PostedReceipt } from './ReceiptPosted';
import {
  checkForm,
  emptyForm,
  emptyLine,
  hasContent,
  hasProblems,
  headerFieldId,
  headerFields,
  isBlankLine,
  lineFieldId,
  lineFields,
  newLineKey,
  noProblems,
  partyKindFor,
  placeRefusal,
  quantityOf,
  sourcesFor,
  toPostingInput,
  type FormProblems,
  type HeaderField,
  type ReceiptForm,
  type ReceiptHeader,
  type ReceiptLine,
  type RefusalPlace,
} from './receiptForm';
import { quantitiesByUnit } from './receiptSummary';
import { useDraftKeeper } from './useDraftKeeper';
import { AssignBarcodeDialog } from '../../scan/AssignBarcodeDialog';
import { ScanBar } from '../../scan/ScanBar';
import { useLineFlash } from '../../scan/useLineFlash';
import { useScanSession, type ScanScreen } from '../../scan/useScanSession';
import { planReceiveScan, undoReceiveScan, type ReceiveScanUndo } from './receiveScan';

/** A saved receipt draft of this screen, read back into a form. */
export interface ReceiptDraft {
  id: string;
  title: string;
  updatedAt: string;
  form: ReceiptForm;
}

interface ReceiptEditorProps {
  sources: Source[];
  parties: Party[];
  locations: StorageLocation[];
  /** This screen's saved drafts, newest first. */
  drafts: ReceiptDraft[];
  /** A draft the route asks to open; otherwise the newest one is resumed. */
  openDraftId: string | null;
  /** This screen's drafts as now stored; null when they could not be read (the list is left as it is). */
  reloadDrafts(): Promise<ReceiptDraft[] | null>;
}

interface Refusal {
  place: RefusalPlace;
  message: string;
  /** The 1-based line number the backend named, for the sentence above the form. */
  lineNo: number | null;
}

type Phase = 'editing' | 'confirming' | 'posting';

/** The receipt being entered: header, lines, checks, drafts, confirmation and posting. */
export function ReceiptEditor({ sources, parties, locations, drafts, openDraftId, reloadDrafts }: ReceiptEditorProps) {
  const { t } = useTranslation();
  const [start] = useState(() => drafts.find((d) => d.id === openDraftId) ?? drafts[0] ?? null);
  const [form, setForm] = useState<ReceiptForm>(() => start?.form ?? emptyForm());
  const [resumedAt, setResumedAt] = useState<string | null>(start?.updatedAt ?? null);
  const [savedDrafts, setSavedDrafts] = useState(drafts);
  const keeper = useDraftKeeper(start?.id ?? null);
  const [checked, setChecked] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [phase, setPhase] = useState<Phase>('editing');
  const [posted, setPosted] = useState<PostedReceipt | null>(null);
  const [discarding, setDiscarding] = useState<ReceiptDraft | 'current' | null>(null);
  const [discardError, setDiscardError] = useState<string | null>(null);

  /** Set by the keeper's edits; a resumed or new form is not saved until something changes. */
  const edited = useRef(false);
  /** Guards the posting itself: a second Enter or click before the answer does nothing. */
  const inFlight = useRef(false);
  /** A field to focus once the next render is on screen (a new line, the quantity after a pick…). */
  const focusAfterRender = useRef<string | null>(null);

  const activeLocations = useMemo(() => locations.filter((l) => l.active), [locations]);
  const kindSources = useMemo(() => sourcesFor(form.header.kind, sources), [form.header.kind, sources]);
  const source = sources.find((s) => s.id === form.header.sourceId) ?? null;
  const kindParties = useMemo(
    () => parties.filter((p) => p.active && p.kind === partyKindFor[form.header.kind]),
    [parties, form.header.kind],
  );
  const otherDrafts = savedDrafts.filter((d) => d.id !== keeper.draftId);

  const problems: FormProblems = checked ? checkForm(form) : noProblems();

  // — Scanning: a scan anywhere on the screen counts on the receipt (receiveScan.ts says how). —
  /** The form as last rendered or scanned: scans resolved before the next render plan on it. */
  const formNow = useRef(form);
  useLayoutEffect(() => {
    formNow.current = form;
  });
  /** The line the previous scan went to: a location label is for it, the same item counts on it. */
  const scanLine = useRef<string | null>(null);
  const scanScreen: ScanScreen<ReceiveScanUndo> = {
    apply(result, multiplier) {
      const newKey = newLineKey();
      const current = scanLine.current;
      const plan = planReceiveScan(formNow.current, result, multiplier, current, newKey);
      if (!plan.ok) return { type: 'problem', message: t(`scan.problem.${plan.problem}`) };
      formNow.current = plan.form;
      scanLine.current = plan.undo.key;
      // Scanned with the cursor in that line's item field: the quantity is next, as after a pick.
      if (result.kind !== 'location' && document.activeElement?.id === lineFieldId(plan.undo.key, 'item')) {
        focusAfterRender.current = lineFieldId(plan.undo.key, 'quantity');
      }
      edit((f) => {
        const again = planReceiveScan(f, result, multiplier, current, newKey);
        return again.ok ? again.form : f;
      });
      const line = plan.form.lines[plan.lineNo - 1]!;
      const name = line.item?.name ?? '';
      const unit = line.item?.baseUnit ?? '';
      const message =
        result.kind === 'location'
          ? t('scan.found.location', { line: plan.lineNo, location: result.location.name })
          : result.kind !== 'item' && line.batchNo
            ? t('scan.found.gs1', { name, batch: line.batchNo, quantity: plan.added, unit, line: plan.lineNo })
            : t('scan.found.item', { name, quantity: plan.added, unit, line: plan.lineNo, total: plan.total });
      return { type: 'applied', undo: plan.undo, message, flash: plan.undo.key, usedMultiplier: plan.usedMultiplier };
    },
    undo(record) {
      formNow.current = undoReceiveScan(formNow.current, record);
      edit((f) => undoReceiveScan(f, record));
    },
  };
  const scan = useScanSession(scanScreen, phase === 'editing' && !posted);
  useLineFlash(scan.flash, (key) => document.getElementById(lineFieldId(key, 'item'))?.closest('tbody') ?? null);

  const { schedule, currentId } = keeper;
  useEffect(() => {
    if (!edited.current) return;
    const filled = form.lines.filter((l) => !isBlankLine(l)).length;
    const title = t('receive.drafts.title', {
      source: source?.name ?? t(`common.receiptKinds.${form.header.kind}`),
      lines: filled,
    });
    if (hasContent(form) || currentId()) schedule(form, title);
  }, [form, source, schedule, currentId, t]);

  // A fresh or resumed receipt starts at its first field, ready for the keyboard.
  useEffect(() => {
    focusField(document.getElementById(headerFieldId('kind')));
  }, []);

  useEffect(() => {
    const id = focusAfterRender.current;
    if (!id) return;
    focusAfterRender.current = null;
    focusNextFrame(() => document.getElementById(id));
  });

  function edit(update: (form: ReceiptForm) => ReceiptForm) {
    edited.current = true;
    setForm(update);
  }

  function editHeader(patch: Partial<ReceiptHeader>) {
    edit((f) => ({ ...f, header: { ...f.header, ...patch } }));
    setRefusal((r) => (r?.place.at === 'header' && Object.keys(patch).includes(r.place.field) ? null : r));
  }

  function changeKind(kind: ReceiptHeader['kind']) {
    edit((f) => {
      const stillOffered = sourcesFor(kind, sources).some((s) => s.id === f.header.sourceId);
      return { ...f, header: { ...f.header, kind, sourceId: stillOffered ? f.header.sourceId : '', partyId: '' } };
    });
    setRefusal((r) => (r?.place.at === 'header' ? null : r));
  }

  function changeSource(sourceId: string) {
    const chosen = sources.find((s) => s.id === sourceId);
    // A donation names its donor through its source: the donor is the receipt's party.
    const donor = form.header.kind === 'donation' ? (chosen?.donorId ?? '') : undefined;
    editHeader(donor === undefined ? { sourceId } : { sourceId, partyId: donor });
  }

  function editLine(key: string, patch: Partial<ReceiptLine>) {
    edit((f) => ({ ...f, lines: f.lines.map((l) => (l.key === key ? { ...l, ...patch } : l)) }));
    setRefusal((r) => (r?.place.at === 'line' && r.place.key === key ? null : r));
  }

  function pickItem(key: string, hit: ItemSearchHit) {
    const item = hit.item;
    edit((f) => ({
      ...f,
      lines: f.lines.map((line) => {
        if (line.key !== key) return line;
        let { cartons, units } = line;
        if (hit.barcodeQuantity !== null) {
          // A scan counts: scanning the same item again adds to the line instead of starting another.
          const before = line.item?.id === item.id ? quantityOf(line) : 0;
          ({ cartons, units } = toCartons(before + hit.barcodeQuantity, item.packSize));
        } else if (item.packSize <= 1) {
          // Cartons typed for another item mean nothing for one that is not packed in cartons.
          cartons = 0;
        }
        return { ...line, item, cartons, units };
      }),
    }));
    setRefusal((r) => (r?.place.at === 'line' && r.place.key === key ? null : r));
    // After Enter (or a scan) the quantity is next; a Tab has already moved there by itself.
    const active = document.activeElement;
    const itemInput = document.getElementById(lineFieldId(key, 'item'));
    const quantityCell = document.getElementById(lineFieldId(key, 'quantity'))?.closest('td');
    if (active === itemInput || (active && quantityCell?.contains(active))) {
      focusAfterRender.current = lineFieldId(key, 'quantity');
    }
  }

  function addLineAfter(key: string | null) {
    const at = key ? form.lines.findIndex((l) => l.key === key) : form.lines.length - 1;
    const previous = form.lines[at] ?? form.lines[form.lines.length - 1];
    const line = emptyLine(previous?.locationId ?? '');
    edit((f) => {
      const index = key ? f.lines.findIndex((l) => l.key === key) : f.lines.length - 1;
      const lines = [...f.lines];
      lines.splice(index + 1, 0, line);
      return { ...f, lines };
    });
    focusAfterRender.current = lineFieldId(line.key, 'item');
  }

  /** Enter past the last field of a line: the next line's item, or a new line after the last. */
  function pastLineEnd(key: string) {
    const at = form.lines.findIndex((l) => l.key === key);
    const next = form.lines[at + 1];
    if (next) focusField(document.getElementById(lineFieldId(next.key, 'item')));
    else addLineAfter(key);
  }

  function removeLine(key: string) {
    const at = form.lines.findIndex((l) => l.key === key);
    const remaining = form.lines.filter((l) => l.key !== key);
    const lines = remaining.length > 0 ? remaining : [emptyLine(form.lines[at]?.locationId ?? '')];
    edit((f) => ({ ...f, lines }));
    setRefusal((r) => (r?.place.at === 'line' && r.place.key === key ? null : r));
    const focusLine = lines[Math.min(at, lines.length - 1)]!;
    focusAfterRender.current = lineFieldId(focusLine.key, 'item');
  }

  /** The first field a problem or refusal concerns, in the order the keeper fills the form in. */
  function firstProblemField(found: FormProblems): string | null {
    const header = headerFields.find((f) => found.header[f]);
    if (header) return headerFieldId(header);
    for (const line of form.lines) {
      const lineProblems = found.lines[line.key];
      if (!lineProblems) continue;
      const field = lineFields.find((f) => lineProblems.some((p) => p.field === f));
      if (field) return lineFieldId(line.key, field);
    }
    return null;
  }

  function requestPost() {
    if (phase !== 'editing' || inFlight.current) return;
    setChecked(true);
    setRefusal(null);
    const found = checkForm(form);
    if (hasProblems(found)) {
      focusField(document.getElementById(firstProblemField(found) ?? headerFieldId('sourceId')));
      return;
    }
    setPhase('confirming');
  }

  async function confirmPost() {
    if (inFlight.current) return;
    inFlight.current = true;
    setPhase('posting');
    // The draft holds the latest state before posting, which then deletes it in the same transaction.
    await keeper.flush();
    const { input, lineKeys } = toPostingInput(form, keeper.currentId());
    const result = await call('stock:post-receipt', input);
    inFlight.current = false;
    if (!result.ok) {
      setPhase('editing');
      const place = placeRefusal(result.error, lineKeys);
      const lineNo = place.at === 'line' ? lineKeys.indexOf(place.key) + 1 : null;
      setRefusal({ place, message: errorText(t, result.error), lineNo });
      const target =
        place.at === 'line'
          ? lineFieldId(place.key, place.field ?? 'item')
          : place.at === 'header'
            ? headerFieldId(place.field)
            : null;
      focusAfterRender.current = target;
      return;
    }
    keeper.adopt(null);
    edited.current = false;
    const filled = form.lines.filter((l) => !isBlankLine(l));
    setPosted({
      id: result.value.id,
      number: result.value.number,
      lines: filled.length,
      quantities: quantitiesByUnit(t, filled),
    });
    setPhase('editing');
    setChecked(false);
    setResumedAt(null);
    void refreshDrafts();
  }

  async function refreshDrafts() {
    const fresh = await reloadDrafts();
    if (fresh) setSavedDrafts(fresh);
  }

  function startNew(focus = true) {
    keeper.adopt(null);
    edited.current = false;
    setForm(emptyForm());
    setPosted(null);
    setChecked(false);
    setRefusal(null);
    setResumedAt(null);
    if (focus) focusAfterRender.current = headerFieldId('kind');
  }

  /** Another truck at the dock: keep this receipt as a draft and start a new one beside it. */
  async function startAnother() {
    await keeper.flush();
    startNew();
    await refreshDrafts();
  }

  async function resumeDraft(draft: ReceiptDraft) {
    await keeper.flush();
    keeper.adopt(draft.id);
    edited.current = false;
    setForm(draft.form);
    setPosted(null);
    setChecked(false);
    setRefusal(null);
    setResumedAt(draft.updatedAt);
    focusAfterRender.current = headerFieldId('kind');
    await refreshDrafts();
  }

  async function discard(target: ReceiptDraft | 'current') {
    setDiscardError(null);
    if (target === 'current') {
      await keeper.settle();
      const id = keeper.currentId();
      if (id) {
        const result = await call('drafts:delete', { id });
        if (!result.ok && result.error.code !== 'not-found') {
          setDiscardError(t('receive.drafts.discardFailed', { reason: errorText(t, result.error) }));
          return;
        }
      }
      setDiscarding(null);
      startNew();
    } else {
      const result = await call('drafts:delete', { id: target.id });
      if (!result.ok && result.error.code !== 'not-found') {
        setDiscardError(t('receive.drafts.discardFailed', { reason: errorText(t, result.error) }));
        return;
      }
      setDiscarding(null);
    }
    await refreshDrafts();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.defaultPrevented) {
      event.preventDefault();
      if (!posted) requestPost();
    }
  }

  const headerMessages: Partial<Record<HeaderField, string>> = {};
  for (const field of headerFields) {
    const problem = problems.header[field];
    if (problem) headerMessages[field] = t(`receive.problems.${problem}`);
  }
  if (refusal?.place.at === 'header') headerMessages[refusal.place.field] = refusal.message;

  const problemCount =
    Object.keys(problems.header).length +
    Object.values(problems.lines).reduce((n, list) => n + list.length, 0) +
    (problems.form ? 1 : 0);

  const draftStatus = keeper.status;
  const discardTitle =
    discarding === 'current'
      ? t('receive.drafts.title', {
          source: source?.name ?? t(`common.receiptKinds.${form.header.kind}`),
          lines: form.lines.filter((l) => !isBlankLine(l)).length,
        })
      : (discarding?.title ?? '');

  return (
    <div className="receive" onKeyDown={onKeyDown}>
      {otherDrafts.length > 0 && (
        <OtherDrafts
          drafts={otherDrafts}
          onResume={(d) => void resumeDraft(d)}
          onDiscard={(d) => {
            setDiscardError(null);
            setDiscarding(d);
          }}
        />
      )}

      {posted ? (
        <ReceiptPosted posted={posted} onNewReceipt={() => startNew()} />
      ) : (
        <form
          className="receive-form"
          aria-label={t('common.documentKinds.receipt')}
          noValidate
          onSubmit={(e) => e.preventDefault()}
        >
          {resumedAt && (
            <p className="receive-resumed" role="status">
              {t('receive.drafts.resumed', { time: formatDateTime(resumedAt) })}
            </p>
          )}
          {checked && problemCount > 0 && (
            <p className="notice-error" role="alert">
              {problems.form
                ? t(`receive.problems.${problems.form}`)
                : t('receive.problems.summary', { count: problemCount })}
            </p>
          )}
          {refusal && (
            <p className="notice-error" role="alert">
              {refusal.place.at === 'form'
                ? t('receive.refused.summary', { reason: refusal.message })
                : refusal.lineNo !== null
                  ? t('receive.refused.onLine', { line: refusal.lineNo })
                  : t('receive.refused.summary', { reason: refusal.message })}
            </p>
          )}

          <ReceiptHeaderFields
            header={form.header}
            sources={kindSources}
            source={source}
            parties={kindParties}
            messages={headerMessages}
            onKind={changeKind}
            onSource={changeSource}
            onChange={editHeader}
            onPastEnd={() => focusField(document.getElementById(lineFieldId(form.lines[0]!.key, 'item')))}
          />

          <ScanBar state={scan.bar} />

          <ReceiptLinesTable
            lines={form.lines}
            locations={activeLocations}
            problems={problems.lines}
            refusal={refusal?.place.at === 'line' ? { ...refusal.place, message: refusal.message } : null}
            onChange={editLine}
            onPick={pickItem}
            onClearItem={(key) => editLine(key, { item: null })}
            onRemove={removeLine}
            onPastEnd={pastLineEnd}
          />

          <div className="receive-actions">
            <button type="button" className="button button-quiet" onClick={() => addLineAfter(null)}>
              {t('receive.actions.addLine')}
            </button>
            <p className="receive-hint">{t('receive.lines.keyboardHint')}</p>
            <p className="receive-draft-status" role="status">
              {draftStatus.state === 'saving' && t('receive.drafts.saving')}
              {draftStatus.state === 'saved' &&
                t('receive.drafts.saved', { time: formatDateTime(draftStatus.at).slice(11) })}
              {draftStatus.state === 'failed' &&
                t('receive.drafts.saveFailed', { reason: errorText(t, draftStatus.error) })}
            </p>
            {hasContent(form) && (
              <button
                type="button"
                className="button button-quiet"
                title={t('receive.actions.startAnotherTitle')}
                onClick={() => void startAnother()}
              >
                {t('receive.actions.startAnother')}
              </button>
            )}
            {(keeper.draftId || hasContent(form)) && (
              <button
                type="button"
                className="button button-quiet"
                onClick={() => {
                  setDiscardError(null);
                  setDiscarding('current');
                }}
              >
                {t('receive.actions.discard')}
              </button>
            )}
            <button
              type="button"
              className="button button-primary receive-post"
              title={t('receive.actions.postTitle')}
              aria-keyshortcuts="Control+Enter"
              disabled={phase !== 'editing'}
              onClick={requestPost}
            >
              {t('receive.actions.post')}
            </button>
          </div>
        </form>
      )}

      <AssignBarcodeDialog pending={scan.pending} onAssigned={scan.assigned} onCancel={scan.cancelAssign} />

      <ConfirmReceiptDialog
        open={phase !== 'editing'}
        posting={phase === 'posting'}
        form={form}
        source={source}
        parties={parties}
        locations={locations}
        onConfirm={() => void confirmPost()}
        onCancel={() => {
          if (phase === 'confirming') setPhase('editing');
        }}
      />

      <Dialog
        title={t('receive.drafts.discardTitle')}
        open={discarding !== null}
        onClose={() => setDiscarding(null)}
        actions={
          <>
            <button type="button" className="button button-quiet" onClick={() => setDiscarding(null)}>
              {t('common.actions.cancel')}
            </button>
            <button
              type="button"
              className="button button-primary receive-danger"
              onClick={() => discarding && void discard(discarding)}
            >
              {t('receive.drafts.discardConfirm')}
            </button>
          </>
        }
      >
        <p>{t('receive.drafts.discardBody', { title: discardTitle })}</p>
        {discardError && (
          <p className="notice-error" role="alert">
            {discardError}
          </p>
        )}
      </Dialog>
    </div>
  );
}
