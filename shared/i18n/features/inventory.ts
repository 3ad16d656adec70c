/** Texts of the inventory area (库存). The inventory screen owns this file; zh-CN is the source of the keys. */
import type { TranslationShape } from '../shape';

export const inventoryZh = {
  title: '库存',
  subtitle: '目录中的全部物资。库存数量将在入库、出库功能上线后显示在这里。',
  quickFilter: '快速筛选',
  quickFilterPlaceholder: '输入编码、品名或规格',
  total: '共 {{total}} 种物资',
  shown: '显示 {{shown}} / {{total}} 种物资',
  truncated: '只载入了前 {{loaded}} 种物资（共 {{total}} 种）。',
  gridLabel: '物资列表',
  loadFailed: '无法载入物资：{{reason}}',
  retry: '重试',
  active: '启用',
  inactive: '停用',
  columns: {
    code: '编码',
    name: '品名',
    spec: '规格',
    unit: '单位',
    packSize: '装箱数',
    reserveQuota: '储备定额',
    minStock: '最低库存',
    personsPerUnit: '可保障人数',
    active: '状态',
  },
  empty: {
    title: '目录中还没有物资',
    body: '物资需要先在“物资目录”中建立，之后会出现在这里。',
    action: '前往物资目录',
  },
} as const;

export const inventoryEn: TranslationShape<typeof inventoryZh> = {
  title: 'Inventory',
  subtitle: 'Every item in the catalog. Stock quantities will show here once receiving and dispatching are available.',
  quickFilter: 'Quick filter',
  quickFilterPlaceholder: 'Code, name or specification',
  total: '{{total}} items',
  shown: 'Showing {{shown}} of {{total}} items',
  truncated: 'Only the first {{loaded}} of {{total}} items were loaded.',
  gridLabel: 'Item list',
  loadFailed: 'Could not load the items: {{reason}}',
  retry: 'Try again',
  active: 'Active',
  inactive: 'Inactive',
  columns: {
    code: 'Code',
    name: 'Name',
    spec: 'Specification',
    unit: 'Unit',
    packSize: 'Pack size',
    reserveQuota: 'Reserve quota',
    minStock: 'Min. stock',
    personsPerUnit: 'Persons / unit',
    active: 'Status',
  },
  empty: {
    title: 'The catalog has no items yet',
    body: 'Items are created in the Catalog first; then they appear here.',
    action: 'Go to the catalog',
  },
};
