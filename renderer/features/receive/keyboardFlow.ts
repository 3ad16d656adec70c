import type { KeyboardEvent } from 'react';

/** The fields Enter walks through, in document order: enabled inputs and selects (buttons are left out). */
export function fieldsIn(container: Element): HTMLElement[] {
  return Array.from(
    container.querySelectorAll<HTMLElement>('input:not([disabled]):not([type="hidden"]), select:not([disabled])'),
  );
}

/** Focuses a field and selects what it holds, so typing replaces it. */
export function focusField(element: Element | null | undefined): void {
  if (!(element instanceof HTMLElement)) return;
  element.focus();
  if (element instanceof HTMLInputElement) element.select();
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
