import Papa from 'papaparse';
import {
  inventoryPage,
  type InventoryFilter,
  type InventoryRow,
  type ZonebookDb,
} from '../../../../shared/store';
import type { StockExportTable } from './stock-table';

/**
 * Every line matching the filter, not only the ones the table has loaded. One read transaction, so a
 * movement posted meanwhile cannot make the file half before and half after it.
 */
export function allInventoryRows(
  db: ZonebookDb,
  filter: InventoryFilter,
  pageSize = 2000,
): Promise<InventoryRow[]> {
  return db.transaction('r', [db.bookLines, db.balances], async () => {
    const rows: InventoryRow[] = [];
    for (;;) {
      const page = await inventoryPage(db, filter, { offset: rows.length, limit: pageSize });
      rows.push(...page.rows);
      if (!page.hasMore) return rows;
    }
  });
}

/** UTF-8 with a byte-order mark: without it Excel reads the Chinese as mojibake. */
export function stockCsv(table: StockExportTable): string {
  return `\uFEFF${Papa.unparse({ fields: table.headers, data: table.body })}`;
}

/**
 * A quantity goes into Excel as a number when a double holds it exactly, so the sheet can sum it;
 * otherwise as text, so no digit is lost.
 */
function excelValue(cell: string, quantity: boolean): string | number {
  if (!quantity) return cell;
  const asNumber = Number(cell);
  return String(asNumber) === cell ? asNumber : cell;
}

export async function stockXlsx(table: StockExportTable, sheetName: string): Promise<Blob> {
  // Loaded on first export only: exceljs is large and most sessions never export.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.headers).font = { bold: true };
  for (const row of table.body) {
    sheet.addRow(row.map((cell, index) => excelValue(cell, table.quantity[index] ?? false)));
  }
  table.headers.forEach((header, index) => {
    const column = sheet.getColumn(index + 1);
    const widest = Math.max(header.length * 2, ...table.body.map((row) => (row[index] ?? '').length));
    column.width = Math.min(Math.max(widest + 2, 8), 48);
    if (table.quantity[index]) column.alignment = { horizontal: 'right' };
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
