import type { KeyboardEvent } from 'react';

/** The fields Enter walks through, in document order: enabled inputs and selects (buttons are left out). */
export function fieldsIn(container: Element): HTMLElement[] {
  return Array.from(
    container.querySelectorAll<HTMLElement>('input:not([disabled]):not([type="hidden"]), select:not([disabled])'),
  );
}

/** Focuses a field (or any focusable element) and selects what a text field holds, so typing replaces it. */
export function focusField(element: Element | null | undefined): void {
  if (!(element instanceof HTMLElement)) return;
  element.focus();
  if (element instanceof HTMLInputElement) element.select();
}

/**
 * Focuses what `target` finds one frame from now (after this render, and after a dialog closing in it has
 * handed focus back to its opener), selecting a field's text. On a busy PC that frame can come late: a
 * keeper who has meanwhile gone into another field keeps it, rather than having what they type land
 * somewhere they did not choose. Returns a function that cancels the pending focus.
 */
export function focusNextFrame(target: () => Element | null | undefined): () => void {
  const before = document.activeElement;
  const frame = requestAnimationFrame(() => {
    const now = document.activeElement;
    if (now !== before && now instanceof HTMLElement && now.matches('input, select, textarea')) return;
    focusField(target());
  });
  return () => cancelAnimationFrame(frame);
}

/**
 * Enter moves to the next field of the container and Shift+Enter back, as keepers expect from paper-
 * like forms; Enter in the last field calls `onPastEnd`. Keys a control already used (the item
 * picker taking a match), modified keys and an input method's Enter are left alone.
 */
export function moveOnEnter(event: KeyboardEvent, container: Element, onPastEnd: () => void): void {
  if (event.key !== 'Enter' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.nativeEvent.isComposing) return;
  const target = event.target;
  if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
  const fields = fieldsIn(container);
  const at = fields.indexOf(target);
  if (at < 0) return;
  event.preventDefault();
  if (event.shiftKey) focusField(fields[at - 1]);
  else if (at === fields.length - 1) onPastEnd();
  else focusField(fields[at + 1]);
}
