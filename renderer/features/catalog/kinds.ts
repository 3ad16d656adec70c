/**
 * The enumerations the catalog's pickers list. The zod schemas in shared/ hold the same lists, but
 * importing a value from them would pull zod into the window's bundle; the type checks below fail
 * the build whenever a list here and its schema disagree.
 */
import type {
  baseUnits as schemaBaseUnits,
  locationKinds as schemaLocationKinds,
  partyKinds as schemaPartyKinds,
  sourceKinds as schemaSourceKinds,
} from '../../../shared/contract';

/** True only when `Listed` names every member of `All`. */
type Covers<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : false;

export type SourceKind = (typeof schemaSourceKinds)[number];
export type PartyKind = (typeof schemaPartyKinds)[number];
export type LocationKind = (typeof schemaLocationKinds)[number];

export const sourceKinds = [
  'city',
  'provincial',
  'central',
  'county',
  'allocated',
  'donation',
  'purchase',
] as const satisfies readonly SourceKind[];
export const partyKinds = [
  'receiving_unit',
  'supplier',
  'donor',
  'issuing_unit',
] as const satisfies readonly PartyKind[];
export const locationKinds = ['zone', 'slot'] as const satisfies readonly LocationKind[];

/** Units keepers count in (DOMAIN.md), offered as suggestions; the unit field also takes others. */
export const commonUnits = [
  '顶',
  '床',
  '件',
  '张',
  '台',
  '套',
  '个',
  '箱',
  '瓶',
  '袋',
  '包',
  '桶',
  '盒',
  '双',
  '条',
  'kg',
] as const satisfies readonly (typeof schemaBaseUnits)[number][];

export const listsCoverSchemas: [
  Covers<SourceKind, (typeof sourceKinds)[number]>,
  Covers<PartyKind, (typeof partyKinds)[number]>,
  Covers<LocationKind, (typeof locationKinds)[number]>,
  Covers<(typeof schemaBaseUnits)[number], (typeof commonUnits)[number]>,
] = [true, true, true, true];
