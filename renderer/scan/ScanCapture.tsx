/**
 * The one scan capture of the window. A capture-phase keydown listener on `window` sees every key
 * before any field does, feeds it to the BurstDetector and, when a burst turns out to be a scan,
 * stops its terminator (no form submits, no focus moves), puts back the field the burst typed into
 * as it was before the burst's first key, and hands the code to the screen's scan handler.
 *
 * Screens register with `useScanHandler`; the last one mounted receives scans. With no handler
 * registered, or while a modal dialog is open, nothing is captured: a scan into the catalog's barcode
 * field or into a dialog's item search stays ordinary typing. A future Stocktake screen registers the
 * same way.
 */
import { createContext, useContext, useEffect, useLayoutEffect, useMemo, useRef, type ReactNode } from 'react';
import type { ScannerSettings } from '../../shared/contract';
import { BurstDetector } from '../../shared/scan/burst-detector';

/** What a screen is given for each scan: the code and when its first key arrived (performance.now). */
export interface Scan {
  code: string;
  startedAt: number;
}

export type ScanHandler = (scan: Scan) => void;

interface Registry {
  push(handler: { current: ScanHandler }): () => void;
}

const ScanContext = createContext<Registry | null>(null);

/** A text field or select as it was before a burst typed into it. */
interface FieldSnapshot {
  element: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
}

const pick = (event: KeyboardEvent) => ({
  code: event.code,
  key: event.key,
  shiftKey: event.shiftKey,
  ctrlKey: event.ctrlKey,
  altKey: event.altKey,
  metaKey: event.metaKey,
});

function snapshotOf(element: Element | null): FieldSnapshot | null {
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
    let selectionStart: number | null = null;
    let selectionEnd: number | null = null;
    try {
      selectionStart = element.selectionStart;
      selectionEnd = element.selectionEnd;
    } catch {
      // Inputs of type number or email have no selection.
    }
    return { element, value: element.value, selectionStart, selectionEnd };
  }
  if (element instanceof HTMLSelectElement) {
    return { element, value: element.value, selectionStart: null, selectionEnd: null };
  }
  return null;
}

/**
 * Puts a field back as the snapshot holds it, through the native value setter and an input (or
 * change) event, so React's controlled state follows exactly as if the keeper had typed it.
 */
function restore(snapshot: FieldSnapshot): void {
  const { element } = snapshot;
  if (!element.isConnected || element.value === snapshot.value) return;
  const prototype = Object.getPrototypeOf(element) as object;
  const setter = Object.getOwnPropertyDescriptor(prototype, 'value')?.set;
  if (setter) setter.call(element, snapshot.value);
  else element.value = snapshot.value;
  element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  if (!(element instanceof HTMLSelectElement) && snapshot.selectionStart !== null) {
    try {
      element.setSelectionRange(snapshot.selectionStart, snapshot.selectionEnd);
    } catch {
      // The field's type has no selection.
    }
  }
}

/**
 * With an input method on, the scanner's letters are composed by the IME and committed after the
 * terminator; for a moment after a scan, such a late commit is taken back out of the field too. Putting
 * the field back mid-composition may end the composition at once, in which case the IME's commit comes
 * as plain inserted text rather than a compositionend: both are caught.
 */
function guardLateCommit(snapshot: FieldSnapshot): void {
  const { element } = snapshot;
  const undo = () => window.setTimeout(() => restore(snapshot), 0);
  const onInput = (event: Event) => {
    if (event instanceof InputEvent && event.inputType.startsWith('insert')) undo();
  };
  element.addEventListener('compositionend', undo);
  element.addEventListener('input', onInput);
  window.setTimeout(() => {
    element.removeEventListener('compositionend', undo);
    element.removeEventListener('input', onInput);
  }, 500);
}

export function ScanCaptureProvider({ settings, children }: { settings: ScannerSettings; children: ReactNode }) {
  const handlers = useRef<{ current: ScanHandler }[]>([]);
  const detector = useRef<BurstDetector | null>(null);
  detector.current ??= new BurstDetector(settings);

  const { minLength, maxIntervalMs, terminators } = settings;
  const maxIntervalRef = useRef(maxIntervalMs);
  const terminatorKey = terminators.join(',');
  useEffect(() => {
    maxIntervalRef.current = maxIntervalMs;
    detector.current!.configure({ minLength, maxIntervalMs, terminators: terminatorKey.split(',') as never });
  }, [minLength, maxIntervalMs, terminatorKey]);

  useEffect(() => {
    /** The focused field as it was before each key of the run (a scan may begin mid-run). */
    let snapshots: (FieldSnapshot | null)[] = [];
    let runFocus: Element | null = null;
    /** Whether an input method took part in the run (its keys arrive as "Process"). */
    let imeInRun = false;
    /** Characters of a probable burst held back from the text field, and the field. */
    let held = '';
    let heldIn: HTMLInputElement | HTMLTextAreaElement | null = null;
    let releaseTimer: number | undefined;

    /** Gives held characters to the field after all (it was typing): as if they had been typed. */
    function release() {
      window.clearTimeout(releaseTimer);
      const text = held;
      const field = heldIn;
      held = '';
      heldIn = null;
      if (text && field && field === document.activeElement) document.execCommand('insertText', false, text);
    }
    function discardHeld() {
      window.clearTimeout(releaseTimer);
      held = '';
      heldIn = null;
    }

    function onKeyDown(event: KeyboardEvent) {
      const handler = handlers.current[handlers.current.length - 1];
      // A modal dialog has the keeper's attention: what is typed there, scanner or not, is its input.
      if (!handler || document.querySelector('dialog[open]')) {
        release();
        return;
      }
      // A scanner never moves the focus mid-burst: keys before a focus change are someone's typing.
      if (document.activeElement !== runFocus) detector.current!.reset();
      runFocus = document.activeElement;
      const facts = { ...pick(event), capsLock: event.getModifierState('CapsLock') };
      const decision = detector.current!.keydown(facts, event.timeStamp);
      if (decision.type === 'char') {
        if (decision.startsRun) {
          release();
          snapshots = [];
          imeInRun = false;
        }
        if (event.isComposing || event.key === 'Process') imeInRun = true;
        snapshots.push(snapshotOf(document.activeElement));
        const active = document.activeElement;
        // A key that follows the last within scanner speed is held back from a text field (no
        // flicker, no search per character); if the run proves to be typing it is given back.
        // Never while an input method composes: its keys belong to the IME.
        const holdable =
          (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) &&
          !event.isComposing &&
          event.key !== 'Process' &&
          event.key.length === 1;
        if (decision.fast && holdable && (heldIn === null || heldIn === active)) {
          event.preventDefault();
          held += event.key;
          heldIn = active;
          window.clearTimeout(releaseTimer);
          releaseTimer = window.setTimeout(release, Math.max(3 * maxIntervalRef.current, 100));
        } else {
          release();
        }
      } else if (decision.type === 'swallow') {
        event.preventDefault();
      } else if (decision.type === 'scan') {
        event.preventDefault();
        event.stopImmediatePropagation();
        discardHeld();
        const before = snapshots[decision.startIndex];
        if (before && before.element === document.activeElement) {
          restore(before);
          if (imeInRun || event.isComposing || event.key === 'Process') guardLateCommit(before);
        }
        snapshots = [];
        handler.current({ code: decision.code, startedAt: decision.startedAt });
      } else if (decision.type === 'pass') {
        release();
      }
    }
    function onKeyUp(event: KeyboardEvent) {
      if (handlers.current.length === 0) return;
      const decision = detector.current!.keyup(pick(event), event.timeStamp);
      if (decision.type === 'char') {
        if (decision.startsRun) snapshots = [];
        snapshots.push(snapshotOf(document.activeElement));
      }
    }
    function onBlur() {
      release();
      detector.current!.reset();
    }
    window.addEventListener('keydown', onKeyDown, true);
    window.addEventListener('keyup', onKeyUp, true);
    window.addEventListener('blur', onBlur);
    return () => {
      release();
      window.removeEventListener('keydown', onKeyDown, true);
      window.removeEventListener('keyup', onKeyUp, true);
      window.removeEventListener('blur', onBlur);
    };
  }, []);

  const registry = useMemo<Registry>(
    () => ({
      push(handler) {
        handlers.current = [...handlers.current, handler];
        return () => {
          handlers.current = handlers.current.filter((h) => h !== handler);
        };
      },
    }),
    [],
  );

  return <ScanContext.Provider value={registry}>{children}</ScanContext.Provider>;
}

/**
 * Receives the window's scans while the calling component is mounted and `enabled`. The latest
 * `handler` is always called, so it may close over the current render's state.
 */
export function useScanHandler(handler: ScanHandler, enabled = true): void {
  const registry = useContext(ScanContext);
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    if (!registry || !enabled) return;
    return registry.push(latest);
  }, [registry, enabled]);
}
