/**
 * A USB barcode scanner as the UI tests play it: a keyboard that types a code in a burst and ends it
 * with Enter, in one `keyboard.type` call so nothing waits between the keys but `delay`. The GS1
 * group separator is sent as scanners send it, Ctrl+].
 */
import type { Page } from '@playwright/test';
import type { Backend } from '../../electron/backend/index';
import type { Depot } from '../fixtures/depot';
import { backendCall } from './fixtures';

/** Scans `code` at `delay` ms a key (scanners: 1–10 ms), Enter included. */
export async function scan(page: Page, code: string, delay = 3): Promise<void> {
  const parts = code.split('\x1d');
  for (const [i, part] of parts.entries()) {
    if (i > 0) await page.keyboard.press('Control+BracketRight');
    await page.keyboard.type(i === parts.length - 1 ? `${part}\n` : part, { delay });
  }
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
