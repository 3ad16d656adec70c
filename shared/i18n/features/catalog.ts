/** Texts of the catalog area. The catalog screen owns this file; zh-CN is the source of the keys. */
import type { TranslationShape } from '../shape';

export const catalogZh = {
  subtitle: '物资、来源、货位和往来单位：新建、修改、停用，并可从表格导入物资目录。',
} as const;

export const catalogEn: TranslationShape<typeof catalogZh> = {
  subtitle:
    'Items, sources, locations and parties: create, change, deactivate, and import the catalog from a spreadsheet.',
};
