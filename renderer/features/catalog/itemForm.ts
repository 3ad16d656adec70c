/**
 * The item form's values as typed (text), what they become for the backend, and the backend's
 * refusals turned into sentences beside the fields they concern.
 */
import type { TFunction } from 'i18next';
import type { ChannelInput, Item } from '../../../shared/contract';
import type { AppError } from '../../../shared/errors';
import { errorText } from '../../api/client';
import { fenToYuanText, parseWhole, yuanToFen } from './numbers';
import { refusalDetail, refusedFields, type FieldErrors, type Refusal } from './refusal';

export type ItemField =
  | 'code'
  | 'name'
  | 'spec'
  | 'category'
  | 'unit'
  | 'packSize'
  | 'shelfLifeDays'
  | 'minStock'
  | 'reserveQuota'
  | 'personsPerUnit'
  | 'unitValue';

export interface ItemFormValues {
  code: string;
  name: string;
  spec: string;
  /** '' for no category. */
  categoryId: string;
  baseUnit: string;
  packSize: string;
  hasShelfLife: boolean;
  shelfLifeDays: string;
  minStock: string;
  reserveQuota: string;
  personsPerUnit: string;
  /** Yuan, as typed. */
  unitValue: string;
}

export const newItemForm: ItemFormValues = {
  code: '',
  name: '',
  spec: '',
  categoryId: '',
  baseUnit: '',
  packSize: '1',
  hasShelfLife: false,
  shelfLifeDays: '',
  minStock: '',
  reserveQuota: '',
  personsPerUnit: '',
  unitValue: '',
};

export function itemFormFrom(item: Item): ItemFormValues {
  return {
    code: item.code,
    name: item.name,
    spec: item.spec,
    categoryId: item.categoryId ?? '',
    baseUnit: item.baseUnit,
    packSize: String(item.packSize),
    hasShelfLife: item.hasShelfLife,
    shelfLifeDays: item.shelfLifeDays === null ? '' : String(item.shelfLifeDays),
    minStock: String(item.minStock),
    reserveQuota: String(item.reserveQuota),
    personsPerUnit: String(item.personsPerUnit),
    unitValue: fenToYuanText(item.unitValueFen),
  };
}

type ItemDraft = Required<ChannelInput<'catalog:create-item'>>;

/** Which form field a backend path (an item property) belongs to. */
const fieldOfProperty: Record<string, ItemField> = {
  code: 'code',
  name: 'name',
  spec: 'spec',
  categoryId: 'category',
  baseUnit: 'unit',
  packSize: 'packSize',
  hasShelfLife: 'shelfLifeDays',
  shelfLifeDays: 'shelfLifeDays',
  minStock: 'minStock',
  reserveQuota: 'reserveQuota',
  personsPerUnit: 'personsPerUnit',
  unitValueFen: 'unitValue',
};

/** The sentence under a field the backend refused: what the field takes. */
export function itemFieldMessage(t: TFunction, field: ItemField): string {
  switch (field) {
    case 'code':
      return t('catalog.itemForm.errors.code');
    case 'name':
      return t('catalog.itemForm.errors.name');
    case 'spec':
      return t('catalog.itemForm.errors.spec');
    case 'category':
      return t('catalog.itemForm.errors.category');
    case 'unit':
      return t('catalog.itemForm.errors.unit');
    case 'packSize':
      return t('catalog.itemForm.errors.packSize');
    case 'shelfLifeDays':
      return t('catalog.itemForm.errors.shelfLifeDays');
    case 'minStock':
    case 'reserveQuota':
      return t('catalog.itemForm.errors.count');
    case 'personsPerUnit':
      return t('catalog.itemForm.errors.personsPerUnit');
    case 'unitValue':
      return t('catalog.itemForm.errors.unitValue');
  }
}

/**
 * The form as the backend takes it. Only what cannot be sent at all — text that is not a number —
 * is refused here; every limit (ranges, lengths, required fields) is the backend's to judge, so the
 * form and an import never disagree. When something cannot be sent, the required fields left empty
 * are named at the same time, so the keeper sees every problem at once.
 */
export function readItemForm(
  t: TFunction,
  v: ItemFormValues,
): { draft: ItemDraft } | { errors: FieldErrors<ItemField> } {
  const errors: FieldErrors<ItemField> = {};
  const whole = (field: ItemField, text: string, blank: number): number => {
    const n = parseWhole(text, blank);
    if (n === null) errors[field] = t('catalog.itemForm.errors.notWhole');
    return n ?? blank;
  };
  const packSize = whole('packSize', v.packSize, 1);
  const minStock = whole('minStock', v.minStock, 0);
  const reserveQuota = whole('reserveQuota', v.reserveQuota, 0);
  const personsPerUnit = whole('personsPerUnit', v.personsPerUnit, 0);
  let shelfLifeDays: number | null = null;
  if (v.hasShelfLife && v.shelfLifeDays.trim() !== '') {
    shelfLifeDays = parseWhole(v.shelfLifeDays, null);
    if (shelfLifeDays === null) errors.shelfLifeDays = t('catalog.itemForm.errors.notWhole');
  }
  const unitValueFen = yuanToFen(v.unitValue);
  if (unitValueFen === null) errors.unitValue = t('catalog.itemForm.errors.unitValue');

  if (Object.keys(errors).length > 0) {
    if (v.code.trim() === '') errors.code = itemFieldMessage(t, 'code');
    if (v.name.trim() === '') errors.name = itemFieldMessage(t, 'name');
    if (v.baseUnit.trim() === '') errors.unit = itemFieldMessage(t, 'unit');
    return { errors };
  }
  return {
    draft: {
      code: v.code,
      name: v.name,
      spec: v.spec,
      categoryId: v.categoryId === '' ? null : v.categoryId,
      baseUnit: v.baseUnit,
      packSize,
      hasShelfLife: v.hasShelfLife,
      shelfLifeDays,
      minStock,
      reserveQuota,
      personsPerUnit,
      unitValueFen: unitValueFen ?? 0,
    },
  };
}

export type ItemPatch = Partial<ItemDraft & { active: boolean }>;

/** Only what the keeper changed, so an untouched field is never refused (e.g. the code of an item that moved). */
export function itemPatch(item: Item, draft: ItemDraft): ItemPatch {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(draft) as (keyof ItemDraft)[]) {
    const next = typeof draft[key] === 'string' ? (draft[key] as string).trim() : draft[key];
    if (next !== item[key]) patch[key] = draft[key];
  }
  // The backend forgets the days when the shelf life is switched off; an untouched blank is no change.
  if (!draft.hasShelfLife) delete patch.shelfLifeDays;
  return patch as ItemPatch;
}

/** The backend's refusal of a create or update, as sentences beside the fields it concerns. */
export function explainItemRefusal(t: TFunction, error: AppError, patch?: ItemPatch): Refusal<ItemField> {
  const fields: FieldErrors<ItemField> = {};
  const paths = refusedFields(error);
  if (paths) {
    for (const path of paths) {
      const field = fieldOfProperty[path];
      if (field) fields[field] = itemFieldMessage(t, field);
    }
    if (Object.keys(fields).length > 0) return { fields, form: null };
  }
  if (error.code === 'duplicate-code') {
    return {
      fields: { code: t('catalog.itemForm.errors.duplicateCode', { code: refusalDetail(error, 'code') ?? '' }) },
      form: null,
    };
  }
  if (error.code === 'has-movements' && patch) {
    if ('code' in patch) fields.code = errorText(t, error);
    if ('baseUnit' in patch) fields.unit = errorText(t, error);
    if (Object.keys(fields).length > 0) return { fields, form: null };
  }
  if (error.code === 'not-found' && refusalDetail(error, 'entity') === 'category') {
    return { fields: { category: itemFieldMessage(t, 'category') }, form: null };
  }
  return { fields: {}, form: t('catalog.saveFailed', { reason: errorText(t, error) }) };
}
