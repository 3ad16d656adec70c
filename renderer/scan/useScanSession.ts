/**
 * What every scanning screen shares: scans resolved one after another in the order they came, the
 * multiplier for the next scan, the undo stack, feedback (message, flash, beep) and the "assign to
 * item" dialog for an unknown barcode. A screen supplies how a resolved scan changes its form and
 * how that change is taken back; renderer/features/receive/receiveScan.ts is one.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ScanResult } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import { call, errorText } from '../api/client';
import { goTo } from '../app/areas';
import { beep } from './beep';
import { GS } from '../../shared/scan/scanner-keys';
import { useScanHandler, type Scan } from './ScanCapture';

/** What applying one scan did, as the screen reports it. */
export type ScanOutcome<U> =
  /** The form changed; `undo` takes it back; `flash` names the line to highlight. */
  | { type: 'applied'; undo: U; message: string; flash: string | null; usedMultiplier: boolean }
  /** Nothing changed, and the keeper is told why. */
  | { type: 'problem'; message: string };

export interface ScanScreen<U> {
  apply(result: Exclude<ScanResult, { kind: 'unknown' | 'document' }>, multiplier: number): ScanOutcome<U>;
  undo(record: U): void;
  /**
   * A code the screen knows itself before the backend is asked (quick dispatch: a kit's barcode), in the
   * same queue as every other scan; null leaves it to `scan:resolve`.
   */
  claim?(code: string, multiplier: number): ScanOutcome<U> | null;
}

export interface Feedback {
  tone: 'found' | 'problem';
  text: string;
  /** Changes with every message, so the same text twice is announced and shown twice. */
  seq: number;
}

/** An unknown code waiting to be assigned: the code scanned, and the text to register (a GTIN read from a GS1 string). */
export interface PendingAssignment {
  code: string;
  barcode: string;
  startedAt: number;
}

/** How a scan shows a code to a person: the invisible GS1 separator as ␝. */
export const printable = (code: string) => code.replaceAll(GS, '␝');

export function scanErrorText(t: TFunction, error: AppError): string {
  const details = (error.details ?? {}) as { barcode?: string; problem?: string };
  const shown = { ...error, details: { ...details, barcode: printable(details.barcode ?? '') } };
  const text = errorText(t, shown);
  if (error.code === 'gs1-invalid' && details.problem) {
    // The reason comes from the backend at run time, so its key cannot be checked statically.
    const reason = (t as unknown as (key: string) => string)(`scan.problem.gs1Reason.${details.problem}`);
    return `${text}（${reason}）`;
  }
  return text;
}

/** Undo records carry what to say when they are taken back. */
interface Done<U> {
  record: U;
  message: string;
}

const maxMultiplier = 9999;

function isTextField(element: Element | null): boolean {
  if (element instanceof HTMLTextAreaElement) return true;
  if (!(element instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(element.type);
}

export function useScanSession<U>(screen: ScanScreen<U>, enabled = true) {
  const { t } = useTranslation();
  const [multiplier, setMultiplier] = useState('');
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const [flash, setFlash] = useState<{ key: string; seq: number } | null>(null);
  const [pending, setPending] = useState<PendingAssignment | null>(null);
  const [undoCount, setUndoCount] = useState(0);
  const done = useRef<Done<U>[]>([]);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const seq = useRef(0);
  const latest = useRef({ screen, multiplier, t });
  useLayoutEffect(() => {
    latest.current = { screen, multiplier, t };
  });
  const multiplierInput = useRef<HTMLInputElement | null>(null);
  const multiplierField = useCallback((element: HTMLInputElement | null) => {
    multiplierInput.current = element;
  }, []);

  const tell = useCallback((tone: Feedback['tone'], text: string) => {
    seq.current += 1;
    setFeedback({ tone, text, seq: seq.current });
    beep(tone);
  }, []);

  /** The multiplier the next scan counts with: 1 when empty; null (refused) when not a whole number in range. */
  const multiplierValue = (text: string): number | null => {
    if (text.trim() === '') return 1;
    if (!/^\d{1,4}$/.test(text.trim())) return null;
    const n = Number(text.trim());
    return n >= 1 && n <= maxMultiplier ? n : null;
  };

  /** Records what a scan did: its undo, the multiplier used up, the line flashed, the message. */
  const settle = useCallback(
    (outcome: ScanOutcome<U>) => {
      if (outcome.type === 'problem') {
        tell('problem', outcome.message);
        return;
      }
      done.current.push({ record: outcome.undo, message: outcome.message });
      setUndoCount(done.current.length);
      if (outcome.usedMultiplier) setMultiplier('');
      if (outcome.flash) setFlash({ key: outcome.flash, seq: seq.current + 1 });
      tell('found', outcome.message);
    },
    [tell],
  );

  const applyResolved = useCallback(
    (result: ScanResult, scan: Scan) => {
      const { screen: current, multiplier: text, t: tr } = latest.current;
      if (result.kind === 'document') {
        tell('found', tr('scan.found.document', { number: result.document.number }));
        goTo('documents', result.document.id);
        return;
      }
      const unknownItem =
        result.kind === 'unknown' || ((result.kind === 'gs1' || result.kind === 'batch-label') && !result.item);
      if (unknownItem) {
        const barcode = result.kind === 'gs1' && result.gtin ? result.gtin : result.code;
        tell('problem', tr('scan.problem.unknown', { code: printable(barcode) }));
        setPending({ code: result.code, barcode, startedAt: scan.startedAt });
        return;
      }
      const factor = multiplierValue(text);
      if (factor === null) {
        tell('problem', tr('scan.problem.multiplierInvalid'));
        return;
      }
      settle(current.apply(result as Parameters<ScanScreen<U>['apply']>[0], factor));
    },
    [settle, tell],
  );

  /** The screen's own answer to a code, when it has one; false when the backend must resolve it. */
  const claimed = useCallback(
    (scan: Scan): boolean => {
      const { screen: current, multiplier: text } = latest.current;
      const factor = multiplierValue(text);
      // A multiplier that is not a number is refused on the backend's path, like for any other scan.
      if (!current.claim || factor === null) return false;
      const outcome = current.claim(scan.code, factor);
      if (!outcome) return false;
      settle(outcome);
      return true;
    },
    [settle],
  );

  const resolveAndApply = useCallback(
    (scan: Scan) => {
      // One after another: twenty scans in a second are applied in the order they were made.
      queue.current = queue.current.then(async () => {
        if (claimed(scan)) return;
        const result = await call('scan:resolve', { code: scan.code });
        if (!result.ok) {
          tell('problem', scanErrorText(latest.current.t, result.error));
          return;
        }
        applyResolved(result.value, scan);
      });
    },
    [applyResolved, claimed, tell],
  );

  useScanHandler(resolveAndApply, enabled && pending === null);

  const undoLast = useCallback(() => {
    const last = done.current.pop();
    setUndoCount(done.current.length);
    if (!last) {
      tell('problem', latest.current.t('scan.found.nothingToUndo'));
      return;
    }
    latest.current.screen.undo(last.record);
    tell('found', latest.current.t('scan.found.undone', { what: last.message }));
  }, [tell]);

  // Ctrl+Z takes back the last scan when the cursor is not in a text field (there it undoes typing);
  // `*` outside a text field goes to the multiplier, so "*20" then a scan counts twenty.
  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || document.querySelector('dialog[open]')) return;
      if (isTextField(document.activeElement)) return;
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.code === 'KeyZ') {
        event.preventDefault();
        undoLast();
      } else if (event.code === 'NumpadMultiply' || (event.code === 'Digit8' && event.shiftKey) || event.key === '*') {
        event.preventDefault();
        multiplierInput.current?.focus();
        multiplierInput.current?.select();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled, undoLast]);

  /** After "assign to item": the code is stored for next time, and this scan is applied now. */
  const assigned = useCallback(() => {
    const scan = pending;
    setPending(null);
    if (scan) resolveAndApply({ code: scan.code, startedAt: scan.startedAt });
  }, [pending, resolveAndApply]);

  return {
    bar: {
      multiplier,
      multiplierInvalid: multiplierValue(multiplier) === null,
      onMultiplier: setMultiplier,
      multiplierField,
      canUndo: undoCount > 0,
      onUndo: undoLast,
      feedback,
    },
    flash,
    pending,
    assigned,
    cancelAssign: () => setPending(null),
  };
}

export type ScanBarState = ReturnType<typeof useScanSession>['bar'];
