import { describe, expect, test } from 'vitest';
import { errorCodes } from '../../shared/errors';
import { importReasons } from '../../shared/schemas/catalog';
import { translations } from '../../shared/i18n';

type Tree = { readonly [key: string]: string | Tree };

/** Every leaf of a translation as `a.b.c` → text. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}

const zh = leaves(translations['zh-CN']);
const en = leaves(translations['en-US']);
const all = [
  ['zh-CN', zh],
  ['en-US', en],
] as const;

/** `{{name}}` placeholders in a text, sorted. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]!).sort();
}

describe('interface text', () => {
  test('Chinese and English have exactly the same keys', () => {
    expect([...en.keys()].sort()).toEqual([...zh.keys()].sort());
  });

  test.each(all)('no text in %s is empty', (_language, texts) => {
    const empty = [...texts].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  test.each(all)('every backend error code has a sentence in %s', (_language, texts) => {
    const missing = errorCodes.filter((code) => !texts.get(`errors.${code}`)?.trim());
    expect(missing).toEqual([]);
  });

  test.each(all)('every reason a catalog import gives for a row has a sentence in %s', (_language, texts) => {
    const missing = importReasons.filter((reason) => !texts.get(`importReasons.${reason}`)?.trim());
    expect(missing).toEqual([]);
  });

  test('both languages fill in the same placeholders', () => {
    const mismatched = [...zh].filter(([key, text]) => {
      const other = en.get(key) ?? '';
      return placeholders(text).join() !== placeholders(other).join();
    });
    expect(mismatched.map(([key]) => key)).toEqual([]);
  });

  test('the Chinese text is Chinese', () => {
    // A sentence left in English in zh-CN is the commonest translation slip; language names are autonyms.
    const latinAllowed = /^languages\./;
    // Symbols and format patterns (—, +, "= {{quantity}} {{unit}}", YYYY-MM-DD) are the same in both languages.
    const words = (text: string) => text.replace(/\{\{\w+\}\}/g, '').replace(/YYYY-MM-DD/g, '');
    const untranslated = [...zh]
      .filter(
        ([key, text]) => !latinAllowed.test(key) && !/[\u4e00-\u9fff]/.test(text) && /[A-Za-z]{2,}/.test(words(text)),
      )
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });
});
