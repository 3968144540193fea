import Papa from 'papaparse';
import type { ImportTable } from '../../../../shared/imports';

/**
 * CSV saved by Excel on a Chinese Windows is GB18030 (GBK), not UTF-8: decode strictly as UTF-8 first and
 * fall back, so 商品名称 never arrives as mojibake.
 */
function decodeCsv(bytes: ArrayBuffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function tableOf(grid: readonly (readonly string[])[]): ImportTable {
  const [headers = [], ...rows] = grid;
  return { headers, rows };
}

export function csvTable(text: string): ImportTable {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  return tableOf(parsed.data);
}

async function xlsxTable(bytes: ArrayBuffer): Promise<ImportTable> {
  // Loaded when an Excel file is chosen: exceljs is large and most imports are CSV.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const grid: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column++) cells.push(row.getCell(column).text ?? '');
    grid.push(cells);
  });
  return tableOf(grid);
}

/** FileReader rather than Blob.arrayBuffer(), which older engines and jsdom lack. */
function bytesOf(file: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsArrayBuffer(file);
  });
}

export function isSpreadsheet(fileName: string): boolean {
  return /\.xlsx$/i.test(fileName);
}

/** Reads the first sheet of an .xlsx, or a .csv in UTF-8 or GB18030, as text cells. */
export async function readImportFile(file: Blob & { name: string }): Promise<ImportTable> {
  const bytes = await bytesOf(file);
  return isSpreadsheet(file.name) ? xlsxTable(bytes) : csvTable(decodeCsv(bytes));
}
