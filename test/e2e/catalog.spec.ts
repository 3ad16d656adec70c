/**
 * 物资目录: a keeper builds and maintains the catalog and the master data every movement names —
 * importing a spreadsheet, creating items with their barcodes, retiring items that moved, and
 * registering receiving units, donation sources, zones, slots and categories.
 */
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { backendCall, expect as baseExpect, test } from './fixtures';
import type { Backend } from '../../electron/backend/index';
import { seedDepot } from '../fixtures/depot';

// Two cores shared with other builds: be patient, but never assert on timing.
const expect = baseExpect.configure({ timeout: 15_000 });

/** Opens the catalog, at a tab when named (the tab lives in the address: #/catalog/sources). */
async function openCatalog(page: Page, rendererUrl: string, tab?: string): Promise<void> {
  await page.goto(`${rendererUrl}#/catalog${tab ? `/${tab}` : ''}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/物资目录|Catalog/);
}

async function itemCount(backend: Backend): Promise<number> {
  return (await backendCall(backend, 'catalog:list-items', { includeInactive: true, limit: 5000 })).total;
}

async function itemByCode(backend: Backend, code: string) {
  const { rows } = await backendCall(backend, 'catalog:list-items', { search: code, includeInactive: true });
  const item = rows.find((r) => r.code === code);
  if (!item) throw new Error(`no item ${code} in the catalog`);
  return backendCall(backend, 'catalog:get-item', { id: item.id });
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
  expect(overflow, 'the window scrolls sideways').toBeLessThanOrEqual(0);
}

/** A CSV as Excel saves it ("CSV UTF-8"): a byte-order mark, CRLF line ends. */
function excelCsv(rows: string[][]): Buffer {
  return Buffer.from('\ufeff' + rows.map((r) => r.join(',')).join('\r\n') + '\r\n', 'utf8');
}

test.describe('catalog', () => {
  test.slow();

  test('a catalog file with two bad rows: the check names them, all-or-nothing imports nothing, valid rows imports three', async ({
    app,
    page,
    backend,
    rendererUrl,
  }) => {
    await seedDepot(backend);
    const before = await itemCount(backend);
    await openCatalog(page, rendererUrl);
    await expect(app.gridRows).toHaveCount(before);

    await page.getByRole('button', { name: '从表格导入…' }).click();
    const dialog = page.getByRole('dialog', { name: '从表格导入物资' });
    await dialog.getByLabel('选择文件（CSV 或 XLSX）').setInputFiles({
      name: '物资目录.csv',
      mimeType: 'text/csv',
      buffer: excelCsv([
        ['编码', '名称', '规格型号', '单位', '每箱数量', '单价(元)'],
        ['MJB-01', '毛巾被', '1.5m×2.0m', '床', '20', '35.00'],
        ['SD-01', '睡袋', '−5℃ 信封式', '个', 'abc', '120'],
        ['ZDC-01', '折叠床', '1.9m×0.7m', '张', '1', '260.5'],
        ['MJB-01', '毛巾被（重复）', '1.5m×2.0m', '床', '20', '35.00'],
        ['YY-01', '雨衣', '分体式 XL', '件', '50', '18.80'],
      ]),
    });

    await expect(dialog.getByRole('status').first()).toHaveText('物资目录.csv：读取 5 行，其中 2 行有错误。');
    const errors = dialog.getByRole('region', { name: '导入错误' });
    const errorRows = errors.getByRole('row').filter({ has: page.getByRole('gridcell') });
    await expect(errorRows).toHaveCount(2);
    await expect(errorRows.nth(0).getByRole('gridcell')).toHaveText(['3', '每箱数量', '应为整数', 'abc']);
    await expect(errorRows.nth(1).getByRole('gridcell')).toHaveText(['5', '编码', '与文件中前面的行重复', 'MJB-01']);
    // Checking wrote nothing.
    expect(await itemCount(backend)).toBe(before);

    await dialog.getByRole('button', { name: '导入全部（有错误时不导入）' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('没有导入：文件中有错误，物资目录没有任何改动。');
    expect(await itemCount(backend)).toBe(before);
    await expectNoSidewaysScroll(page);
    await app.screenshot('catalog-import-two-bad-rows');

    await dialog.getByRole('button', { name: '只导入无误的行（3 行）' }).click();
    await expect(dialog.getByText('已导入 3 / 5 行，物资目录已更新。')).toBeVisible();
    expect(await itemCount(backend)).toBe(before + 3);
    const towel = await itemByCode(backend, 'MJB-01');
    expect(towel).toMatchObject({ name: '毛巾被', baseUnit: '床', packSize: 20, unitValueFen: 3500 });
    expect((await itemByCode(backend, 'ZDC-01')).unitValueFen).toBe(26050);
    expect((await itemByCode(backend, 'YY-01')).unitValueFen).toBe(1880);
    const codes = (await backendCall(backend, 'catalog:list-items', { limit: 5000 })).rows.map((r) => r.code);
    expect(codes).not.toContain('SD-01');
    await app.screenshot('catalog-import-valid-rows');

    // Closed, the items list already holds the imported rows.
    await dialog.getByRole('button', { name: '关闭' }).click();
    await expect(app.gridRows).toHaveCount(before + 3);
    await expect(page.getByRole('status').filter({ hasText: '已从表格导入 3 种物资。' })).toBeVisible();
    await expect(app.gridRows.filter({ hasText: 'ZDC-01' }).getByRole('gridcell').nth(10)).toHaveText('260.50');
  });

  test('a catalog saved from Excel as XLSX is imported whole when it has no errors', async ({
    app,
    page,
    backend,
    rendererUrl,
  }) => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('物资目录');
    sheet.addRow(['编码', '名称', '规格型号', '单位', '每箱数量', '保质期(天)', '单价(元)', '箱条码']);
    sheet.addRow(['SP-002', '方便面', '桶装 120g', '桶', 12, 180, 4.5, '6920000000012']);
    sheet.addRow(['BF-005', '毛毯', '1.5m×2.0m', '床', 10, null, 88, null]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    await openCatalog(page, rendererUrl);

    await page.getByRole('button', { name: '从表格导入…' }).click();
    const dialog = page.getByRole('dialog', { name: '从表格导入物资' });
    await dialog.getByLabel('选择文件（CSV 或 XLSX）').setInputFiles({
      name: '物资目录.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    await expect(dialog.getByRole('status').first()).toHaveText('物资目录.xlsx：读取 2 行，没有发现错误。');
    await expect(dialog.getByRole('region', { name: '导入错误' })).toHaveCount(0);
    await dialog.getByRole('button', { name: '导入全部（有错误时不导入）' }).click();
    await expect(dialog.getByText('已导入 2 / 2 行，物资目录已更新。')).toBeVisible();

    const noodles = await itemByCode(backend, 'SP-002');
    expect(noodles).toMatchObject({ packSize: 12, hasShelfLife: true, shelfLifeDays: 180, unitValueFen: 450 });
    expect(await backendCall(backend, 'catalog:lookup-barcode', { barcode: '6920000000012' })).toMatchObject({
      quantity: 12,
    });
    expect((await itemByCode(backend, 'BF-005')).unitValueFen).toBe(8800);
    await app.screenshot('catalog-import-xlsx');
    await dialog.getByRole('button', { name: '关闭' }).click();
    await expect(app.gridRows).toHaveCount(2);
  });

  test('a new item refused inline for an empty name and pack size 0, then saved with its exact value and a carton barcode', async ({
    app,
    page,
    backend,
    rendererUrl,
  }) => {
    await seedDepot(backend);
    const before = await itemCount(backend);
    await openCatalog(page, rendererUrl);

    await page.getByRole('button', { name: '新增物资' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toHaveAccessibleName('新增物资');
    await dialog.getByLabel('编码', { exact: true }).fill('SD-02');
    await dialog.getByLabel('规格型号', { exact: true }).fill('−5℃ 信封式');
    await dialog.getByLabel('计量单位', { exact: true }).fill('个');
    await dialog.getByLabel('装箱数', { exact: true }).fill('0');
    await dialog.getByLabel('单价（元）', { exact: true }).fill('12.50');
    await dialog.getByRole('button', { name: '保存' }).click();

    const name = dialog.getByLabel('品名', { exact: true });
    const packSize = dialog.getByLabel('装箱数', { exact: true });
    await expect(name).toHaveAttribute('aria-invalid', 'true');
    await expect(name).toHaveAccessibleDescription('请填写品名（最多 100 字）。');
    await expect(packSize).toHaveAttribute('aria-invalid', 'true');
    await expect(packSize).toHaveAccessibleDescription('装箱数须为 1 到 100,000 之间的整数。');
    await expect(name).toBeFocused();
    await expect(dialog.getByLabel('编码', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
    // Nothing half-written.
    expect(await itemCount(backend)).toBe(before);
    await app.screenshot('catalog-item-validation');

    await name.fill('睡袋');
    await packSize.fill('10');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toHaveAccessibleName('编辑物资：SD-02 睡袋');
    await expect(dialog.getByRole('status').filter({ hasText: '已新增物资 SD-02 睡袋。' })).toBeVisible();
    await expect(name).not.toHaveAttribute('aria-invalid', 'true');

    const stored = await itemByCode(backend, 'SD-02');
    expect(stored).toMatchObject({
      name: '睡袋',
      spec: '−5℃ 信封式',
      baseUnit: '个',
      packSize: 10,
      unitValueFen: 1250,
    });
    expect(await itemCount(backend)).toBe(before + 1);

    // A carton barcode stands for the pack size. A double click adds it once.
    const barcodeInput = dialog.getByRole('textbox', { name: '条码', exact: true });
    await barcodeInput.fill('6901234567892');
    await dialog.getByRole('radio', { name: '一箱（10 个）' }).check();
    await dialog.getByRole('button', { name: '添加条码' }).dblclick();
    const barcodes = dialog.getByRole('list', { name: '睡袋 的条码' });
    await expect(barcodes.getByRole('listitem')).toHaveCount(1);
    await expect(barcodes.getByRole('listitem')).toContainText('整箱 · 10 个');
    await expect(barcodeInput).not.toHaveAttribute('aria-invalid', 'true');
    const scanned = await backendCall(backend, 'catalog:lookup-barcode', { barcode: '6901234567892' });
    expect(scanned.quantity).toBe(10);
    expect(scanned.item.id).toBe(stored.id);

    // The same barcode on another item is refused, naming the item it stands for.
    await barcodeInput.fill('6901234567892');
    await dialog.getByRole('button', { name: '添加条码' }).click();
    await expect(barcodeInput).toHaveAccessibleDescription('条码 6901234567892 已对应物资 SD-02 睡袋。');
    expect((await backendCall(backend, 'catalog:get-item', { id: stored.id })).barcodes).toHaveLength(1);
    await barcodeInput.fill('');
    await expectNoSidewaysScroll(page);
    await app.screenshot('catalog-item-created-with-barcode');

    await dialog.getByRole('button', { name: '关闭' }).click();
    const row = app.gridRows.filter({ hasText: 'SD-02' });
    await expect(row.getByRole('gridcell')).toHaveText([
      'SD-02',
      '睡袋',
      '−5℃ 信封式',
      '',
      '个',
      '10',
      '',
      '0',
      '0',
      '',
      '12.50',
      '启用',
      '编辑打印标签',
    ]);
    await expect(row.getByRole('gridcell').nth(10)).toHaveCSS('text-align', /right|end/);
  });

  test('an item that has moved cannot be deleted: the refusal says why, and deactivating it works', async ({
    app,
    page,
    backend,
    rendererUrl,
  }) => {
    const depot = await seedDepot(backend);
    await backendCall(backend, 'stock:post-receipt', {
      kind: 'purchase',
      sourceId: depot.sources.city.id,
      partyId: depot.parties.supplier.id,
      lines: [{ itemId: depot.items.tent.id, units: 20, locationId: depot.locations.a01.id }],
    });
    await openCatalog(page, rendererUrl);

    await page.getByRole('button', { name: '编辑 单帐篷（ZP-12）' }).click();
    const dialog = page.getByRole('dialog', { name: '编辑物资：ZP-12 单帐篷' });
    await expect(dialog.getByLabel('编码', { exact: true })).toHaveAccessibleDescription(
      '已有出入库记录，编码不能再改。',
    );
    await dialog.getByRole('button', { name: '删除物资' }).click();

    const refusal = page.getByRole('dialog', { name: '不能删除这种物资' });
    await expect(refusal).toContainText(
      'ZP-12 单帐篷 已有出入库记录。为保证台账完整、账物相符，有记录的物资不能删除。',
    );
    await expect(refusal).toContainText('停用后，它不再出现在新的入库、出库中');
    await app.screenshot('catalog-item-with-movements-refused');

    // Escape leaves the refusal, and only the refusal.
    await page.keyboard.press('Escape');
    await expect(refusal).toBeHidden();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: '删除物资' }).click();

    await refusal.getByRole('button', { name: '改为停用' }).click();
    await expect(refusal).toBeHidden();
    await expect(dialog.getByRole('status').filter({ hasText: '已停用 单帐篷' })).toBeVisible();
    await expect(dialog.getByText('这种物资已停用')).toBeVisible();
    const stored = await backendCall(backend, 'catalog:get-item', { id: depot.items.tent.id });
    expect(stored).toMatchObject({ code: 'ZP-12', active: false, hasMovements: true });

    await dialog.getByRole('button', { name: '关闭' }).click();
    await expect(app.gridRows.filter({ hasText: 'ZP-12' })).toHaveCount(0);
    await page.getByLabel('包括已停用的物资').check();
    await expect(app.gridRows.filter({ hasText: 'ZP-12' }).getByRole('gridcell').nth(11)).toHaveText('停用');
    await app.screenshot('catalog-item-deactivated');
  });

  test('an item that never moved is deleted with its barcodes', async ({ app, page, backend, rendererUrl }) => {
    const depot = await seedDepot(backend);
    await backendCall(backend, 'catalog:add-barcode', {
      itemId: depot.items.quilt.id,
      barcode: 'MB01-UNIT',
      quantity: 1,
    });
    const before = await itemCount(backend);
    await openCatalog(page, rendererUrl);

    await page.getByRole('button', { name: '编辑 棉被（MB-01）' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '删除物资' }).click();
    const confirm = page.getByRole('dialog', { name: '删除物资' });
    await expect(confirm).toContainText('确定删除物资 MB-01 棉被 吗？');
    await confirm.getByRole('button', { name: '删除', exact: true }).click();

    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: '已删除物资 MB-01 棉被。' })).toBeVisible();
    await expect(app.gridRows.filter({ hasText: 'MB-01' })).toHaveCount(0);
    expect(await itemCount(backend)).toBe(before - 1);
    const gone = await backend.invoke('catalog:get-item', { id: depot.items.quilt.id });
    expect(gone.ok ? null : gone.error.code).toBe('not-found');
    const barcode = await backend.invoke('catalog:lookup-barcode', { barcode: 'MB01-UNIT' });
    expect(barcode.ok).toBe(false);
  });

  test('a receiving unit, a donation source with its donor, a zone and a slot are registered', async ({
    app,
    page,
    backend,
    rendererUrl,
  }) => {
    const depot = await seedDepot(backend);

    // 往来单位: a receiving unit with whom to call.
    await openCatalog(page, rendererUrl, 'parties');
    await page.getByRole('button', { name: '新增往来单位' }).click();
    let dialog = page.getByRole('dialog', { name: '新增往来单位' });
    await dialog.getByLabel('单位类型').selectOption({ label: '接收单位' });
    await dialog.getByLabel('单位名称').fill('红星街道办事处');
    await dialog.getByLabel('联系人').fill('李主任');
    await dialog.getByLabel('电话').fill('电话号码');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog.getByLabel('电话')).toHaveAccessibleDescription(
      '电话只能包含数字、空格和 + - ( )，最多 30 位。',
    );
    await dialog.getByLabel('电话').fill('0512-6523 1234');
    await dialog.getByLabel('地址').fill('红星路 18 号');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: '已新增接收单位 红星街道办事处。' })).toBeVisible();
    const parties = page.getByRole('table', { name: '往来单位' });
    await expect(parties.getByRole('row', { name: /红星街道办事处/ }).getByRole('cell')).toHaveText([
      '接收单位',
      '红星街道办事处',
      '李主任',
      '0512-6523 1234',
      '红星路 18 号',
      '启用',
      '编辑',
    ]);
    await page.getByRole('radio', { name: '接收单位' }).check();
    await expect(parties.getByRole('row').filter({ has: page.getByRole('cell') })).toHaveCount(3);
    const units = await backendCall(backend, 'catalog:list-parties', { kind: 'receiving_unit' });
    expect(units.find((p) => p.name === '红星街道办事处')).toMatchObject({
      contact: '李主任',
      phone: '0512-6523 1234',
      address: '红星路 18 号',
      active: true,
    });
    await expectNoSidewaysScroll(page);
    await app.screenshot('catalog-parties');

    // 物资来源: a donation names its donor; without one it is refused on the donor field.
    await page.getByRole('tab', { name: '物资来源' }).click();
    await page.getByRole('button', { name: '新增来源' }).click();
    dialog = page.getByRole('dialog', { name: '新增物资来源' });
    await dialog.getByLabel('来源编码').fill('DON-02');
    await dialog.getByLabel('来源名称').fill('社会捐赠-爱心企业第二批');
    await dialog.getByLabel('来源类别').selectOption({ label: '社会捐赠' });
    await dialog.getByRole('button', { name: '保存' }).click();
    const donor = dialog.getByLabel('捐赠方');
    await expect(donor).toHaveAccessibleDescription('社会捐赠来源须选择捐赠方。');
    await expect(donor).toBeFocused();
    expect((await backendCall(backend, 'catalog:list-sources')).map((s) => s.code)).not.toContain('DON-02');
    await donor.selectOption({ label: '爱心企业有限公司' });
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    const sources = page.getByRole('table', { name: '物资来源' });
    await expect(sources.getByRole('row', { name: /DON-02/ }).getByRole('cell')).toHaveText([
      'DON-02',
      '社会捐赠-爱心企业第二批',
      '社会捐赠',
      '爱心企业有限公司',
      '启用',
      '编辑',
    ]);
    const source = (await backendCall(backend, 'catalog:list-sources')).find((s) => s.code === 'DON-02');
    expect(source).toMatchObject({ kind: 'donation', donorId: depot.parties.donor.id, active: true });
    await app.screenshot('catalog-sources');

    // 库区货位: a zone, then a slot in it; codes typed in lower case are kept in capitals.
    await page.getByRole('tab', { name: '库区货位' }).click();
    await page.getByRole('button', { name: '新增库区或货位' }).click();
    dialog = page.getByRole('dialog', { name: '新增库区或货位' });
    await dialog.getByRole('radio', { name: '库区' }).check();
    await dialog.getByLabel('编码').fill('b');
    await expect(dialog.getByLabel('编码')).toHaveValue('B');
    await dialog.getByLabel('名称').fill('B库区');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();

    await page.getByRole('button', { name: '新增库区或货位' }).click();
    await dialog.getByRole('radio', { name: '货位' }).check();
    await dialog.getByLabel('编码').fill('b-01');
    await dialog.getByLabel('名称').fill('B区01货位');
    await dialog.getByLabel('所属库区').selectOption({ label: 'B B库区' });
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: '已新增货位 B-01 B区01货位。' })).toBeVisible();

    const table = page.getByRole('table', { name: '库区和货位' });
    const codes = table
      .getByRole('row')
      .filter({ has: page.getByRole('cell') })
      .locator('td:first-child');
    // Each zone is followed by its own slots.
    await expect(codes).toHaveText(['A', 'A-01', 'A-02', 'B', 'B-01']);
    await expect(table.getByRole('row', { name: /B-01/ }).getByRole('cell').nth(3)).toHaveText('B B库区');
    const locations = await backendCall(backend, 'catalog:list-locations');
    const zone = locations.find((l) => l.code === 'B');
    expect(zone).toMatchObject({ kind: 'zone', name: 'B库区', zoneId: null });
    expect(locations.find((l) => l.code === 'B-01')).toMatchObject({ kind: 'slot', zoneId: zone!.id });
    await expectNoSidewaysScroll(page);
    await app.screenshot('catalog-locations');
  });

  test('a 7-digit GB/T 38565 category code finds its parent in the tree', async ({
    app,
    page,
    backend,
    rendererUrl,
  }) => {
    const living = await backendCall(backend, 'catalog:save-category', { code: '1', name: '基本生活类' });
    await backendCall(backend, 'catalog:save-category', { code: '101', name: '救灾帐篷类' });
    const tents = await backendCall(backend, 'catalog:save-category', { code: '10101', name: '单帐篷' });
    await backendCall(backend, 'catalog:save-category', { code: '102', name: '被服类' });
    await backendCall(backend, 'catalog:save-category', { code: '2', name: '救灾装备类' });
    await openCatalog(page, rendererUrl, 'categories');
    await expect(page.getByRole('tab', { name: '分类' })).toHaveAttribute('aria-selected', 'true');

    await page.getByRole('button', { name: '新增分类' }).click();
    const dialog = page.getByRole('dialog', { name: '新增分类' });
    await expect(dialog.getByLabel('分类编码')).toHaveAccessibleDescription(/GB\/T 38565.*自动归入已有的上级分类/);
    await dialog.getByLabel('分类编码').fill('1010101');
    await dialog.getByLabel('分类名称').fill('12 平方米单帐篷');
    await expect(dialog.getByLabel('上级分类')).toHaveValue('');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    await expect(
      page.getByRole('status').filter({ hasText: '已新增分类 1010101 12 平方米单帐篷，归入 10101 单帐篷。' }),
    ).toBeVisible();

    const stored = (await backendCall(backend, 'catalog:list-categories')).find((c) => c.code === '1010101');
    expect(stored).toMatchObject({ parentId: tents.id, level: 4 });

    // On screen it sits in the list under 10101, itself under 101 and 1.
    const tree = page.getByRole('list', { name: '分类树' });
    const branch = tree
      .getByRole('listitem')
      .filter({ hasText: '基本生活类' })
      .getByRole('listitem')
      .filter({ hasText: '救灾帐篷类' })
      .getByRole('listitem')
      .filter({ hasText: /^10101/ });
    await expect(branch.getByRole('listitem')).toHaveCount(1);
    await expect(branch.getByRole('listitem')).toContainText('1010101');
    await expect(branch.getByRole('listitem')).toContainText('第 4 级');

    // A rename keeps the code and the place in the tree.
    await page.getByRole('button', { name: '修改分类 1 基本生活类 的名称' }).click();
    const rename = page.getByRole('dialog', { name: '分类改名：1' });
    await rename.getByLabel('分类名称').fill('基本生活物资');
    await rename.getByRole('button', { name: '保存' }).click();
    await expect(rename).toBeHidden();
    await expect(tree.getByText('基本生活物资')).toBeVisible();
    const renamed = (await backendCall(backend, 'catalog:list-categories')).find((c) => c.id === living.id);
    expect(renamed).toMatchObject({ code: '1', name: '基本生活物资', parentId: null });
    await expectNoSidewaysScroll(page);
    await app.screenshot('catalog-categories');
  });

  test('the catalog speaks English when the interface does', async ({ app, page, backend, rendererUrl }) => {
    await seedDepot(backend);
    await backendCall(backend, 'settings:update', { language: 'en-US' });
    await openCatalog(page, rendererUrl);

    await expect(page.getByRole('tab', { name: 'Items' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('columnheader', { name: 'Unit value (¥)' })).toBeVisible();
    await expect(app.gridRows.filter({ hasText: 'ZP-12' }).getByRole('gridcell').nth(10)).toHaveText('1,500.00');
    await expect(app.gridRows.filter({ hasText: 'KS-550' }).getByRole('gridcell').nth(6)).toHaveText('365 days');
    await expectNoSidewaysScroll(page);
    await app.screenshot('catalog-items-en-US');

    // Arrow keys move along the tabs.
    await page.getByRole('tab', { name: 'Items' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('tab', { name: 'Categories' })).toBeFocused();
    await expect(page.getByRole('tab', { name: 'Categories' })).toHaveAttribute('aria-selected', 'true');
  });
});
