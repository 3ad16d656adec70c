/**
 * The receipt slip (救灾物资入库单) rendered to PDF as the printer gets it, read back as text and images.
 */
import fs from 'node:fs';
import path from 'node:path';
import { papers, type PaperId } from '../../shared/print/papers';
import { seedDepot } from '../fixtures/depot';
import { backendCall, expect, test } from './fixtures';
import {
  decodeBarcode,
  boxOnSheetMm,
  openPrintView,
  pageImage,
  pageOverflow,
  pdfInfo,
  pdfPageTexts,
  savePdf,
} from './print-pdf';
import { daysFromToday } from './print-scenario';

const squeeze = (text: string) => text.replace(/\s+/g, '');

test.describe('receipt slip', () => {
  test.describe.configure({ timeout: 180_000 });

  const formats: PaperId[] = ['a4-portrait', 'a5-landscape', 'continuous-241', 'thermal-80'];
  for (const paperId of formats) {
    test(`a donation received in two batches prints the donor, source, batches, dates, slots and totals on ${paperId}`, async ({
      page,
      backend,
      rendererUrl,
    }) => {
      const depot = await seedDepot(backend);
      const posted = await backendCall(backend, 'stock:post-receipt', {
        kind: 'donation',
        sourceId: depot.sources.donation.id,
        partyId: depot.parties.donor.id,
        remarks: '捐赠方直接送货到库',
        lines: [
          {
            itemId: depot.items.quilt.id,
            cartons: 12,
            units: 4,
            locationId: depot.locations.a01.id,
            batchNo: 'JZ-2026-01',
          },
          {
            itemId: depot.items.water.id,
            cartons: 10,
            locationId: depot.locations.a02.id,
            batchNo: 'W-0601',
            productionDate: daysFromToday(-30),
            remarks: '外箱轻微破损，内瓶完好',
          },
        ],
      });
      const doc = await backendCall(backend, 'documents:get', { id: posted.id });
      await openPrintView(page, rendererUrl, { kind: 'receipt-slip', target: doc.id, paper: paperId });
      const pdf = await savePdf(page, `receipt-${paperId}`);
      const info = pdfInfo(pdf);
      expect(info.widthPt).toBeCloseTo((papers[paperId].widthMm / 25.4) * 72, 0);
      const overflow = await pageOverflow(page);
      expect(overflow.below).toBeLessThanOrEqual(1);
      expect(overflow.right).toBeLessThanOrEqual(1);

      const pages = pdfPageTexts(pdf);
      // Three copies, each a complete set of pages.
      expect(pages.length % 3).toBe(0);
      const perCopy = pages.length / 3;
      for (const [copy, label] of ['存根联', '记账联', '随货联'].entries()) {
        const text = squeeze(pages.slice(copy * perCopy, (copy + 1) * perCopy).join('\n'));
        for (const part of [
          label,
          '救灾物资入库单',
          doc.number,
          '入库类型：社会捐赠',
          '物资来源：社会捐赠-爱心企业',
          '捐赠方：爱心企业有限公司',
          '联系电话：0512-66668888',
          '收货单位：市救灾物资储备中心',
          `单据日期：${doc.docDate}`,
          '备注：捐赠方直接送货到库',
          'MB-01',
          'KS-550',
          'JZ-2026-01',
          'W-0601',
          daysFromToday(-30),
          daysFromToday(335),
          'A-01',
          'A-02',
          '实收数量',
          '124床',
          '12箱×10散4',
          '240瓶',
          '10箱×24',
          '外箱轻微破损，内瓶完好',
          '合计2行',
          '数量124床、240瓶',
          '以上物资经交接双方当面清点验收，品名、数量、质量无误。',
          '送货人',
          '验收人',
          '保管员',
          `第${perCopy}页/共${perCopy}页`,
        ]) {
          expect(text, `${paperId} ${label} shows ${part}`).toContain(squeeze(part));
        }
        expect(text).not.toContain('应发数量');
      }
      const image = pageImage(pdf, 1, 300);
      expect(decodeBarcode(image, 300, await boxOnSheetMm(page, '.slip-number .barcode'), 'code128')).toBe(doc.number);
      const shot = path.join(test.info().project.outputDir, 'screenshots', `print-receipt-${paperId}.png`);
      fs.mkdirSync(path.dirname(shot), { recursive: true });
      fs.copyFileSync(pageImage(pdf, 1, paperId === 'thermal-80' ? 160 : 110), shot);
    });
  }
});
