import Papa from 'papaparse';
import type { ColumnSpec } from '../../../../shared/imports';
import { downloadFile } from '../../../app/files';

/** The header a template writes: the customs field name in English, the first Chinese header in Chinese. */
export function templateHeaders<F extends string>(
  specs: readonly ColumnSpec<F>[],
  language: string,
): string[] {
  return specs.map((spec) => (language === 'zh-CN' ? (spec.headers[1] ?? spec.field) : spec.field));
}

/** A UTF-8 CSV with a byte-order mark, so Excel opens the Chinese headers correctly. */
export function downloadCsvTemplate(headers: readonly string[], fileName: string) {
  downloadFile(
    new Blob([`\uFEFF${Papa.unparse([headers])}\r\n`], { type: 'text/csv;charset=utf-8' }),
    `${fileName}.csv`,
  );
}

/** An .xlsx whose columns are text, so Excel keeps the leading zeros of unit and country codes (007, 142). */
export async function downloadXlsxTemplate(headers: readonly string[], fileName: string) {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(fileName);
  sheet.columns = headers.map((header) => ({
    header,
    width: Math.max(12, header.length * 2),
    style: { numFmt: '@' },
  }));
  const buffer = await workbook.xlsx.writeBuffer();
  downloadFile(
    new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    `${fileName}.xlsx`,
  );
}
