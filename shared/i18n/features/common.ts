/**
 * Words every screen uses: actions, and the domain's enumerations (document kinds, sources, reasons…)
 * exactly as DOMAIN.md names them. Screens' own texts live in their feature files beside this one.
 */
import type { TranslationShape } from '../shape';

export const commonZh = {
  actions: {
    save: '保存',
    cancel: '取消',
    close: '关闭',
    confirm: '确认',
    post: '过账',
    posting: '正在过账…',
    edit: '编辑',
    add: '新增',
    remove: '删除',
    retry: '重试',
    search: '查找',
    clear: '清除',
    back: '返回',
    open: '打开',
  },
  quantity: {
    cartons: '箱',
    units: '散件',
    cartonsAndUnits: '{{cartons}} 箱 + {{units}} {{unit}}',
    total: '合计',
  },
  documentKinds: {
    receipt: '入库单',
    dispatch: '出库单',
    transfer: '移库单',
    adjustment: '调整单',
    write_off: '报废单',
    reversal: '冲销单',
  },
  receiptKinds: {
    purchase: '采购入库',
    allocation: '上级调拨',
    donation: '社会捐赠',
    return: '回收入库',
  },
  dispatchKinds: {
    allocation: '调拨',
    distribution: '发放',
    loan: '借用',
    transfer_out: '转库',
  },
  adjustmentReasons: {
    lost: '丢失',
    found: '盘盈',
    damaged: '损坏',
    expired: '过期',
    count_correction: '盘点更正',
  },
  sourceKinds: {
    central: '中央储备（代储）',
    provincial: '省级储备',
    city: '市级储备',
    county: '县级储备',
    allocated: '上级调拨',
    donation: '社会捐赠',
    purchase: '采购',
  },
  partyKinds: {
    receiving_unit: '接收单位',
    supplier: '供应商',
    donor: '捐赠方',
    issuing_unit: '调拨下达单位',
  },
  locationKinds: {
    zone: '库区',
    slot: '货位',
  },
  responseLevels: {
    I: 'I 级响应',
    II: 'II 级响应',
    III: 'III 级响应',
    IV: 'IV 级响应',
  },
} as const;

export const commonEn: TranslationShape<typeof commonZh> = {
  actions: {
    save: 'Save',
    cancel: 'Cancel',
    close: 'Close',
    confirm: 'Confirm',
    post: 'Post',
    posting: 'Posting…',
    edit: 'Edit',
    add: 'Add',
    remove: 'Remove',
    retry: 'Retry',
    search: 'Search',
    clear: 'Clear',
    back: 'Back',
    open: 'Open',
  },
  quantity: {
    cartons: 'Cartons',
    units: 'Units',
    cartonsAndUnits: '{{cartons}} cartons + {{units}} {{unit}}',
    total: 'Total',
  },
  documentKinds: {
    receipt: 'Receipt',
    dispatch: 'Dispatch',
    transfer: 'Transfer',
    adjustment: 'Adjustment',
    write_off: 'Write-off',
    reversal: 'Reversal',
  },
  receiptKinds: {
    purchase: 'Purchase',
    allocation: 'Allocation from above',
    donation: 'Donation',
    return: 'Return',
  },
  dispatchKinds: {
    allocation: 'Allocation',
    distribution: 'Distribution',
    loan: 'Loan',
    transfer_out: 'Transfer to another depot',
  },
  adjustmentReasons: {
    lost: 'Lost',
    found: 'Found (surplus)',
    damaged: 'Damaged',
    expired: 'Expired',
    count_correction: 'Count correction',
  },
  sourceKinds: {
    central: 'Central reserve (stored on behalf)',
    provincial: 'Provincial reserve',
    city: 'City reserve',
    county: 'County reserve',
    allocated: 'Allocated from above',
    donation: 'Social donation',
    purchase: 'Purchase',
  },
  partyKinds: {
    receiving_unit: 'Receiving unit',
    supplier: 'Supplier',
    donor: 'Donor',
    issuing_unit: 'Issuing unit',
  },
  locationKinds: {
    zone: 'Zone',
    slot: 'Slot',
  },
  responseLevels: {
    I: 'Level I response',
    II: 'Level II response',
    III: 'Level III response',
    IV: 'Level IV response',
  },
};
