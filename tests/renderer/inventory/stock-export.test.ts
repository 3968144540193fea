import type { TFunction } from 'i18next';
import ExcelJS from 'exceljs';
import { createI18n } from '../../../renderer/app/i18n';
import {
  allInventoryRows,
  stockCsv,
  stockXlsx,
} from '../../../renderer/features/inventory/stock/stock-export';
import { groupThousands, stockExportTable } from '../../../renderer/features/inventory/stock/stock-table';
import type { InventoryRow } from '../../../shared/store';
import { post, seededStore } from './stock-fixture';

const line = {
  id: 'line-1',
  bookId: 'book-1',
  gdsSeqno: 7,
  gdsMtno: 'CPU-9000',
  gdecd: '8542319000',
  gdsNm: '处理器集成电路',
  gdsSpcfModelDesc: 'BGA封装, "tray"',
  dclUnitcd: '007',
  lawfUnitcd: '007',
  fstSfVal: '1',
  natcd: '116',
  dclCurrcd: '502',
  dclUprcAmt: '1',
};

// Quantities a double cannot hold exactly: 19 significant digits, and a tiny fraction.
const row: InventoryRow = {
  line,
  byAccount: { 'zone:loc-a': '12345678901234.12345', 'zone:loc-b': '0.00001', display: '3', transit: '0.5' },
  held: '12345678901237.62346',
};

async function namesIn(language: 'zh-CN' | 'en') {
  const i18n = await createI18n(language);
  const t: TFunction = i18n.t.bind(i18n);
  return { t, language, locationCode: (id: string) => ({ 'loc-a': 'A-01', 'loc-b': 'B-01' })[id] ?? id };
}

/** jsdom's Blob has no arrayBuffer(); its FileReader reads one. */
function bytesOf(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

describe('stock export', { timeout: 30_000 }, () => {
  it('writes headers in the UI language and every quantity exactly', async () => {
    const table = stockExportTable([row], await namesIn('zh-CN'));
    expect(table.headers).toEqual([
      '备案序号',
      '料号',
      '商品编码',
      '商品名称',
      '规格型号',
      '原产国(地区)',
      '申报单位',
      '区内库位',
      '区内库位明细',
      '展示中',
      '在途',
      '外发加工',
      '结存合计',
    ]);
    expect(table.body).toEqual([
      [
        '7',
        'CPU-9000',
        '8542319000',
        '处理器集成电路',
        'BGA封装, "tray"',
        '116 日本',
        '007 个',
        '12345678901234.12346',
        'A-01 12345678901234.12345; B-01 0.00001',
        '3',
        '0.5',
        '0',
        '12345678901237.62346',
      ],
    ]);
    const english = stockExportTable([row], await namesIn('en'));
    expect(english.headers.slice(0, 3)).toEqual(['Line no.', 'Item no.', 'HS code']);
    expect(english.body[0]?.[5]).toBe('116 Japan');
  });

  it('makes a CSV that Excel opens as UTF-8, quoting what needs it', async () => {
    const csv = stockCsv(stockExportTable([row], await namesIn('zh-CN')));
    expect(csv.startsWith('\uFEFF备案序号,料号,')).toBe(true);
    expect(csv).toContain('"BGA封装, ""tray"""');
    expect(csv).toContain(',12345678901237.62346');
  });

  it('makes an XLSX with numbers where a double holds them exactly and text where it would not', async () => {
    const blob = await stockXlsx(stockExportTable([row], await namesIn('en')), 'Stock');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await bytesOf(blob));
    const sheet = workbook.getWorksheet('Stock');
    expect(sheet?.getRow(1).getCell(1).value).toBe('Line no.');
    const data = sheet?.getRow(2);
    expect(data?.getCell(8).value).toBe('12345678901234.12346');
    expect(data?.getCell(10).value).toBe(3);
    expect(data?.getCell(11).value).toBe(0.5);
    expect(data?.getCell(13).value).toBe('12345678901237.62346');
  });

  it('exports every line matching the filter, past the first page', async () => {
    const s = await seededStore();
    await post(
      s.db,
      'entryFromAbroad',
      [{ bookLineId: s.wine.id, qty: '6', toLocationId: s.a01.id }],
      s.book.id,
    );
    const pageOfTwo = 2;
    const all = await allInventoryRows(s.db, { bookId: s.book.id }, pageOfTwo);
    expect(all.map((r) => r.line.gdsMtno)).toEqual(['CPU-9000', 'SRV-2U', 'WINE-750']);
    const inZone = await allInventoryRows(s.db, { bookId: s.book.id, custody: 'zone' }, pageOfTwo);
    expect(inZone.map((r) => [r.line.gdsMtno, r.held])).toEqual([['WINE-750', '6']]);
  });

  it('groups thousands without passing through a float', () => {
    expect(groupThousands('12345678901234.12345')).toBe('12,345,678,901,234.12345');
    expect(groupThousands('-1000')).toBe('-1,000');
    expect(groupThousands('999.5')).toBe('999.5');
  });
});
