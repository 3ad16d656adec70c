import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { translations } from '../../shared/i18n';
import { defaultPrintSettings } from '../../shared/print/depotPrintSettings';
import { slipOptions } from '../../shared/print/slipOptions';

const t = i18next.createInstance();

beforeAll(async () => {
  await t.init({
    lng: 'zh-CN',
    resources: { 'zh-CN': { translation: translations['zh-CN'] }, 'en-US': { translation: translations['en-US'] } },
    interpolation: { escapeValue: false },
  });
});

describe('slip options', () => {
  it('prints the depot default of three copies with their labels, not as a reprint', () => {
    expect(slipOptions(t.t, {}, defaultPrintSettings)).toMatchObject({
      copies: ['存根联', '记账联', '随货联'],
      reprint: null,
    });
  });

  it('takes four copies from the settings, and the depot’s own wording for a label', () => {
    const printing = {
      ...defaultPrintSettings,
      copies: 4 as const,
      copyLabels: ['', '财务联', '', ''] as [string, string, string, string],
    };
    expect(slipOptions(t.t, {}, printing)).toMatchObject({ copies: ['存根联', '财务联', '随货联', '回执联'] });
  });

  it('lets the copies parameter override the setting, and marks a reprint', () => {
    expect(slipOptions(t.t, { copies: '1', reprint: '2' }, defaultPrintSettings)).toMatchObject({
      copies: ['存根联'],
      reprint: 2,
    });
  });

  it.each([
    ['copies', '0'],
    ['copies', '5'],
    ['copies', 'x'],
    ['reprint', '0'],
    ['reprint', '-1'],
    ['reprint', '1.5'],
  ])('refuses %s=%s with a translated reason', (name, value) => {
    expect(slipOptions(t.t, { [name]: value }, defaultPrintSettings)).toEqual({
      error: `打印参数 ${name} 的值“${value}”无效。`,
    });
  });
});
