/**
 * A USB barcode scanner as the UI tests play it: a US keyboard that types a code in a burst, pressing
 * Shift for capitals and symbols, Ctrl+] for the GS1 separator, and Enter at the end.
 *
 * Keys go through Chromium's input pipeline (CDP Input.dispatchKeyEvent, as Playwright's keyboard
 * does) with the time each key was pressed stamped on it, as the operating system stamps a real
 * scanner's keys: on this shared two-core machine the page may take 300 ms to handle one key, and a
 * real scanner's burst keeps its 1–10 ms spacing however busy the page is. The stamps are what the
 * capture reads (event.timeStamp). Typing by a person is played with `page.keyboard.type` and a delay.
 */
import type { Page } from '@playwright/test';
import type { Backend } from '../../electron/backend/index';
import type { Depot } from '../fixtures/depot';
import { backendCall } from './fixtures';

interface KeyStroke {
  key: string;
  code: string;
  keyCode: number;
  text?: string;
  shift?: boolean;
  ctrl?: boolean;
}

const symbols: Record<string, KeyStroke> = {
  '-': { key: '-', code: 'Minus', keyCode: 189, text: '-' },
  '.': { key: '.', code: 'Period', keyCode: 190, text: '.' },
  '/': { key: '/', code: 'Slash', keyCode: 191, text: '/' },
  '(': { key: '(', code: 'Digit9', keyCode: 57, text: '(', shift: true },
  ')': { key: ')', code: 'Digit0', keyCode: 48, text: ')', shift: true },
  '*': { key: '*', code: 'Digit8', keyCode: 56, text: '*', shift: true },
  ']': { key: ']', code: 'BracketRight', keyCode: 221, text: ']' },
  '\x1d': { key: ']', code: 'BracketRight', keyCode: 221, ctrl: true },
  '\n': { key: 'Enter', code: 'Enter', keyCode: 13, text: '\r' },
};

function strokeOf(char: string): KeyStroke {
  if (/\d/.test(char)) return { key: char, code: `Digit${char}`, keyCode: 48 + Number(char), text: char };
  if (/[a-z]/.test(char)) {
    return { key: char, code: `Key${char.toUpperCase()}`, keyCode: char.toUpperCase().charCodeAt(0), text: char };
  }
  if (/[A-Z]/.test(char))
    return { key: char, code: `Key${char}`, keyCode: char.charCodeAt(0), text: char, shift: true };
  const stroke = symbols[char];
  if (!stroke) throw new Error(`the test scanner has no key for ${JSON.stringify(char)}`);
  return stroke;
}

/**
 * Scans `code` (\x1d for the GS1 separator) with `delay` ms between keys, Enter included.
 *
 * `inputMethod`: a Chinese input method (微软拼音) is on. From the first letter on, it composes: every
 * key arrives as "Process" (keyCode 229) carrying only its physical key code, the composition shows
 * in the field, and Enter commits the raw letters into it — what a real IME does with a scanner's burst.
 */
export async function scan(
  page: Page,
  code: string,
  delay = 3,
  options: { inputMethod?: boolean } = {},
): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const start = Date.now() / 1000;
  let at = 0;
  let composing = '';
  for (const char of `${code}\n`) {
    const stroke = strokeOf(char);
    const modifiers = (stroke.shift ? 8 : 0) | (stroke.ctrl ? 2 : 0);
    const timestamp = start + (at * delay) / 1000;
    at += 1;
    const imeKey = options.inputMethod === true && (composing !== '' || /[a-z]/i.test(char)) && !stroke.ctrl;
    const common = {
      key: imeKey ? 'Process' : stroke.key,
      code: stroke.code,
      windowsVirtualKeyCode: imeKey ? 229 : stroke.keyCode,
      nativeVirtualKeyCode: imeKey ? 229 : stroke.keyCode,
      modifiers,
      timestamp,
    };
    if (imeKey) {
      await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...common });
      if (char === '\n') {
        await cdp.send('Input.insertText', { text: composing });
        composing = '';
      } else {
        composing += stroke.text ?? '';
        await cdp.send('Input.imeSetComposition', {
          text: composing,
          selectionStart: composing.length,
          selectionEnd: composing.length,
        });
      }
    } else {
      await cdp.send('Input.dispatchKeyEvent', {
        type: stroke.text ? 'keyDown' : 'rawKeyDown',
        ...common,
        ...(stroke.text ? { text: stroke.text, unmodifiedText: stroke.text } : {}),
      });
    }
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...common, timestamp: timestamp + 0.001 });
  }
  await cdp.detach();
}

/** Barcodes of the seeded depot: water by the bottle (EAN-13) and by the carton of 24 (GTIN-14); tents. */
export const codes = {
  waterUnit: '6901234567892',
  waterCarton: '16901234567899',
  tent: '6970000000017',
  unknownGtin: '9501101530003',
  wrongCheckDigit: '6901234567893',
} as const;

export async function registerBarcodes(backend: Backend, depot: Depot): Promise<void> {
  await backendCall(backend, 'catalog:add-barcode', {
    itemId: depot.items.water.id,
    barcode: codes.waterUnit,
    quantity: 1,
  });
  await backendCall(backend, 'catalog:add-barcode', {
    itemId: depot.items.water.id,
    barcode: codes.waterCarton,
    quantity: 24,
  });
  await backendCall(backend, 'catalog:add-barcode', { itemId: depot.items.tent.id, barcode: codes.tent, quantity: 1 });
}

/** Takes focus away from every field, as after a click on empty space. */
export async function focusNowhere(page: Page): Promise<void> {
  await page.evaluate('document.activeElement instanceof HTMLElement && document.activeElement.blur()');
}
