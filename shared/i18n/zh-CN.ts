import { accountsZh } from './features/accounts';
import { approvalsZh } from './features/approvals';
import { passwordZh } from './features/password';
import { backupZh } from './features/backup';
import { catalogZh } from './features/catalog';
import { commonZh } from './features/common';
import { dispatchZh } from './features/dispatch';
import { documentsZh } from './features/documents';
import { emergencyZh } from './features/emergency';
import { homeZh } from './features/home';
import { inventoryZh } from './features/inventory';
import { ledgerZh } from './features/ledger';
import { labelsZh } from './features/labels';
import { exportsZh } from './features/exports';
import { printZh } from './features/print';
import { printDocumentsZh } from './features/printDocuments';
import { printFormsZh } from './features/printForms';
import { receiveZh } from './features/receive';
import { stockZh } from './features/stock';
import { scanZh } from './features/scan';
import { stocktakeZh } from './features/stocktake';
import { type TranslationShape } from './shape';
/**
 * The interface text in Chinese: the source of truth for the keys. en-US.ts must carry exactly the
 * same keys (its type is derived from this object), and a unit test checks both at run time too.
 */
export const zhCN = {
  common: commonZh,
  receive: receiveZh,
  dispatch: dispatchZh,
  documents: documentsZh,
  catalog: catalogZh,
  ledger: ledgerZh,
  backup: backupZh,
  accounts: accountsZh,
  approvals: approvalsZh,
  password: passwordZh,
  print: printZh,
  printDocuments: printDocumentsZh,
  printForms: printFormsZh,
  labels: labelsZh,
  reports: exportsZh,
  stock: stockZh,
  scan: scanZh,
  emergency: emergencyZh,
  stocktake: stocktakeZh,
  app: {
    name: '救灾物资储备管理',
    opening: '正在打开…',
  },
  /** Language names are autonyms: each language is named in itself, whatever the interface language. */
  languages: {
    'zh-CN': '中文',
    'en-US': 'English',
  },
  language: {
    switchTo: '将界面语言切换为 {{language}}',
    switchFailed: '无法切换语言：{{reason}}',
  },
  nav: {
    label: '主导航',
    home: '首页',
    inventory: '库存',
    receive: '入库',
    dispatch: '出库',
    documents: '单据',
    stocktake: '盘点',
    ledger: '台账',
    catalog: '物资目录',
    reports: '报表',
    settings: '设置',
  },
  home: homeZh,
  inventory: inventoryZh,
  settings: {
    title: '设置',
    subtitle: '本储备库的基本信息、界面语言，以及数据的备份与恢复。',
    depotSection: '储备库',
    interfaceSection: '界面',
    depotName: '储备库名称',
    depotNameHint: '打印在每张单据上，例如“某市救灾物资储备库”。',
    depotNameTooLong: '储备库名称最多 100 个字符。',
    siteCode: '站点代码',
    siteCodeHint: '2–16 位大写字母、数字或连字符。本库有了物资记录后，站点代码不能再修改。',
    siteCodeInvalid: '站点代码须为 2–16 位大写字母、数字或连字符，且不能以连字符开头。',
    language: '界面语言',
    languageHint: '保存后立即生效，下次启动时沿用。',
    save: '保存',
    saving: '正在保存…',
    saved: '设置已保存。',
    saveFailed: '未能保存：{{reason}}',
    loadFailed: '无法读取设置：{{reason}}',
  },
  status: {
    label: '状态栏',
    depot: '储备库',
    depotUnset: '未设置储备库名称',
    siteCode: '站点代码',
    database: '数据库',
    databaseOk: '正常',
    databaseError: '错误（{{reason}}）',
    schemaVersion: '数据结构版本',
    dataPath: '数据目录',
  },
  databaseError: {
    title: '无法打开数据库',
    reassurance: '为保护台账数据，软件没有对这个数据文件做任何修改。',
    dataPath: '数据目录',
    dbFile: '数据文件',
    technical: '技术信息（供管理员排查）',
    'db-newer-version': {
      what: '这个数据文件由更新版本的“救灾物资储备管理”写入，当前版本无法读取。',
      todo: '请安装最新版本后再打开。不要删除、移动或替换这个文件。',
    },
    'db-corrupt': {
      what: '这个数据文件没有通过完整性检查，可能已经损坏。',
      todo: '请不要继续使用这台电脑上的这个文件，联系管理员用最近一次的备份恢复数据。',
    },
    'db-open-failed': {
      what: '无法打开这个数据文件：可能是没有读写权限、磁盘已满，或文件被其他程序占用。',
      todo: '请确认数据目录可以读写、磁盘有剩余空间，然后关闭并重新启动本软件。',
    },
  },
  startup: {
    failedTitle: '无法启动',
    failedBody: '软件未能与数据服务建立联系：{{reason}}',
    noApi: '运行环境缺少数据接口。请通过正式的安装程序启动本软件。',
  },
  /** One sentence per backend error code (shared/errors.ts), shown to the keeper. */
  errors: {
    'unknown-channel': '程序内部错误：请求了不存在的功能。',
    'invalid-input': '填写的内容不符合要求，请检查后重试。',
    internal: '发生意外错误，没有写入任何数据。请重试；如果仍然失败，请联系管理员。',
    'database-unavailable': '数据库当前不可用，无法完成这项操作。',
    'db-newer-version': '数据文件来自更新版本的软件',
    'db-corrupt': '数据文件未通过完整性检查',
    'db-open-failed': '无法打开数据文件',
    'not-found': '找不到这条记录。',
    'duplicate-code': '本库已有相同编码（或同名）的记录。',
    'site-code-locked': '本库已有物资记录，站点代码不能再修改。',
    'forbidden-sender': '请求来源未经授权，已被拒绝。',
    'duplicate-barcode': '这个条码已经对应了另一种物资或物资包。',
    'has-movements': '这种物资已有出入库记录：不能删除，编码和单位也不能再改（可以停用）。',
    inactive: '该物资、来源或货位已停用，不能再登记新的出入库。',
    'wrong-party-kind': '所选单位的类型不对（例如把供应商选成了接收单位）。',
    'insufficient-stock':
      '{{itemName}}（{{sourceName}}）库存不足：现有 {{available}}，需要 {{requested}}。没有写入任何数据。',
    'zero-quantity': '数量为零：箱数和散件数加起来没有物资。',
    'order-number-required': '请填写调拨通知单号。只有紧急出库可以先出库、后补办手续。',
    'picks-mismatch': '所选批次的数量之和与本行出库数量不一致。',
    'wrong-sign': '调整方向与原因不符（例如“丢失”只能减少库存）。',
    'batch-mismatch': '这个批号以前入库时的生产日期、有效期或产地与本次不同。',
    'expiry-required': '这种物资有保质期：请填写生产日期或有效期。',
    'invalid-date': '日期不对：不能晚于今天，有效期也必须晚于生产日期。',
    'already-reversed': '这张单据已经冲销过了。',
    'cannot-reverse': '冲销单本身不能再冲销。',
    'has-returns': '这张出库单已有回收入库，请先冲销回收单。',
    'return-exceeds-dispatch': '回收数量超过了这张出库单实际发出的数量。',
    'paperwork-not-pending': '这张出库单没有待补办的手续。',
    'invalid-category': '分类不能放在它自己的下级分类之下。',
    immutable: '已过账的记录不能修改或删除；如有错误，请做冲销。',
    'backup-failed': '备份没有完成或未通过校验，已删除这份不完整的备份。当前数据没有受影响，请检查备份位置后重试。',
    'backup-folder-unwritable': '无法写入备份文件夹 {{folder}}：请确认它存在、可以写入，U 盘已插好。',
    'backup-invalid':
      '这个文件不是可用的备份（无法读取、已损坏、来自更新版本的软件或不是本软件的数据）。没有做任何改动。',
    'backup-other-depot':
      '这份备份属于另一个储备库（站点代码 {{backupSite}}），本库是 {{currentSite}}。确认无误后才能恢复。',
    'backup-in-progress': '正在写入备份，请稍候再试。',
    'restore-failed': '恢复没有完成，原来的数据已放回原处，没有丢失任何内容。',
    'path-not-absolute': '请填写完整的路径（例如 E:\\备份 或 /media/u盘），而不是相对路径：{{path}}',
    'has-unit-barcode': '这种物资已经有单品条码，不需要再赋内部码；直接打印标签即可。',
    'print-view-failed': '无法打印。{{reason}}',
    'print-timeout': '打印内容在 {{seconds}} 秒内没有准备好，没有打印。请重试。',
    'print-cancelled': '已取消打印，没有打印任何内容。',
    'print-failed': '打印机没有接受这份打印：{{reason}}',
    'printer-not-found': '这台电脑上没有名为“{{printer}}”的打印机。请在打印预览中另选一台。',
    'pdf-write-failed': '无法保存 PDF 文件 {{path}}：{{reason}}',
    'barcode-check-digit': '条码 {{barcode}} 校验位不对：可能是误读或标签有误，请重新扫描。',
    'gs1-invalid': 'GS1 条码 {{barcode}} 内容不符合 GS1 规则，无法识别。',
    'incident-already-open': '应急事件“{{name}}”尚未结束。请先结束它，再宣布新的应急事件。',
    'incident-closed': '应急事件“{{name}}”已经结束。',
    'kit-empty': '包 {{code}} 里没有任何物资：请至少添加一种物资及其数量。',
    'export-folder-unwritable':
      '无法写入导出文件夹 {{folder}}：请确认路径正确、可以写入，U 盘已插好。没有写入任何文件。',
    'export-failed': '导出中途失败（{{reason}}），未完成的文件已删除，文件夹里没有留下残缺文件。请重试。',
    'export-pdf-unavailable': '这里无法生成 PDF，审计包缺少 PDF 摘要，因此没有生成。文件夹里没有留下残缺文件。',
    'export-pdf-failed': '审计包的 PDF 摘要没有生成（{{reason}}），审计包已删除，文件夹里没有留下残缺文件。请重试。',
    'not-signed-in': '请先登录。',
    'not-permitted': '您的角色没有这项权限，操作未执行，已记入操作日志。如需办理，请联系主管或管理员。',
    'session-locked': '因长时间未操作，已锁定。请输入密码解锁。',
    'sign-in-failed': '用户名或密码不正确。',
    'sign-in-throttled': '登录失败次数过多，请在 {{retryAfterSeconds}} 秒后再试。',
    'already-set-up': '管理员账户已经建立，请直接登录。',
    'last-admin': '本库至少要保留一个启用的管理员账户。',
    'wrong-password': '当前密码不正确。',
    'password-required': '新账户需要设置初始密码（至少 8 位）。',
    'username-fixed': '用户名建立后不能修改（台账中记录了它）。',
    'approval-own-document': '不能审批自己发起的单据或申请：须由另一位主管或管理员审批。',
    'stocktake-closed': '这次盘点已经审批或作废，不能再录入、修改或审批。',
    'stocktake-not-counted': '还有 {{lines}} 行没有盘点数量：每一行都要录入实盘数（没有货就录 0）才能审批。',
    'stocktake-empty': '所选范围内没有库存，无需盘点。',
    'stocktake-blind': '盘点进行中：账面数和差异只给审核盘点的人看（盲盘），审批后再看差异报告。',
    'approval-not-pending': '这项申请已经处理过了（{{decidedByName}}），不能再审批。',
    'approval-required': '这次出库超过了本库规定的数量或金额限额，需要主管审批。请提交审批申请；没有写入任何数据。',
    unknown: '发生未知错误（代码 {{code}}）。',
  },
  /** Why an imported catalog row was refused (shared/schemas/catalog.ts importReasons). */
  importReasons: {
    'missing-column': '缺少这一列',
    required: '必填，不能为空',
    'too-long': '内容太长',
    'not-a-whole-number': '应为整数',
    'out-of-range': '数值超出允许范围',
    'not-a-money-amount': '金额格式不对（元，最多两位小数）',
    'not-yes-no': '应为“是”或“否”',
    'invalid-code': '编码只能包含字母、数字和 . _ -',
    'unknown-category': '没有这个分类编码',
    'duplicate-in-file': '与文件中前面的行重复',
    'code-exists': '目录中已有这个编码',
    'barcode-exists': '这个条码已对应其他物资',
    'shelf-life-days-required': '有保质期的物资需要填写保质期天数',
    'unreadable-file': '无法读取这个文件（请使用 CSV 或 XLSX）',
  },
  /** ag-grid's own strings (localeText keys), limited to those this app's grids show. */
  grid: {
    loadingOoo: '正在载入…',
    noRowsToShow: '暂无物资',
    noMatchingRows: '没有符合筛选条件的物资',
    filterOoo: '筛选…',
    equals: '等于',
    notEqual: '不等于',
    contains: '包含',
    notContains: '不包含',
    startsWith: '开头是',
    endsWith: '结尾是',
    blank: '为空',
    notBlank: '不为空',
    andCondition: '并且',
    orCondition: '或者',
    textFilter: '文本筛选',
    ariaFilterInput: '筛选输入框',
    ariaFilterValue: '筛选值',
    ariaFilteringOperator: '筛选条件',
    ariaColumnFiltered: '已筛选',
    ariaFilterColumn: '按 Ctrl+Enter 打开筛选',
    ariaFilterMenuOpen: '打开筛选菜单',
    ariaLabelColumnFilter: '列筛选',
    ariaLabelColumnMenu: '列菜单',
    ariaMenuColumn: '按 Alt+↓ 打开列菜单',
    ariaSortableColumn: '按 Enter 排序',
    ariaLabelInputClear: '清除',
  },
} as const;

export type Translation = TranslationShape<typeof zhCN>;
