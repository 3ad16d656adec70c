/** Texts of printing: the print route, preview and print glue. zh-CN is the source of the keys. */
import type { TranslationShape } from '../shape';

export const printZh = {
  unknownKind: '无法打印：不认识的打印内容“{{kind}}”。',
  loadFailed: '无法生成打印内容：{{reason}}',
  pageOf: '第 {{page}} 页，共 {{pages}} 页',
} as const;

export const printEn: TranslationShape<typeof printZh> = {
  unknownKind: 'Cannot print: “{{kind}}” is not something this application prints.',
  loadFailed: 'Cannot prepare the printout: {{reason}}',
  pageOf: 'Page {{page}} of {{pages}}',
};
