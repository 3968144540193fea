import type { TFunction } from 'i18next';
import { countryName, unitName, type CodeLanguage } from '../../../../shared/codes';
import { sumDecimals, type DecimalString } from '../../../../shared/domain/decimal';
import { locationIdOf, type LedgerAccount } from '../../../../shared/ledger';
import type { CustodyFilter, InventoryFilter, InventoryRow } from '../../../../shared/store';

/** What the filter bar holds; the text is the debounced one. */
export interface StockFilterValues {
  text: string;
  hsChapter: string;
  natcd?: string | undefined;
  locationId?: string | undefined;
  custody?: CustodyFilter | undefined;
}

export const noStockFilters: StockFilterValues = { text: '', hsChapter: '' };

export const isHsChapter = (value: string) => /^\d{2}$/.test(value);

export function hasStockFilters(values: StockFilterValues): boolean {
  return (
    values.text.trim() !== '' ||
    isHsChapter(values.hsChapter) ||
    !!values.natcd ||
    !!values.locationId ||
    !!values.custody
  );
}

/** The store's filter; an unfinished HS chapter (one digit) filters nothing yet. */
export function inventoryFilterOf(bookId: string, values: StockFilterValues): InventoryFilter {
  return {
    bookId,
    ...(values.text.trim() && { text: values.text.trim() }),
    ...(isHsChapter(values.hsChapter) && { hsChapter: values.hsChapter }),
    ...(values.natcd && { natcd: values.natcd }),
    ...(values.locationId && { locationId: values.locationId }),
    ...(values.custody && { custody: values.custody }),
  };
}

/** A line's holdings split the way the table shows them. Every figure is an exact decimal string. */
export interface StockFigures {
  zone: DecimalString;
  zoneByLocation: { locationId: string; qty: DecimalString }[];
  display: DecimalString;
  transit: DecimalString;
  processing: DecimalString;
  held: DecimalString;
}

export function stockFiguresOf(row: InventoryRow): StockFigures {
  const entries = Object.entries(row.byAccount) as [LedgerAccount, DecimalString][];
  const zoneByLocation = entries.flatMap(([account, qty]) => {
    const locationId = locationIdOf(account);
    return locationId === undefined ? [] : [{ locationId, qty }];
  });
  return {
    zone: sumDecimals(zoneByLocation.map((entry) => entry.qty)),
    zoneByLocation,
    display: row.byAccount.display ?? '0',
    transit: row.byAccount.transit ?? '0',
    processing: row.byAccount.processing ?? '0',
    held: row.held,
  };
}

/** "1234567.5" → "1,234,567.5", by string so no digit passes through a float. */
export function groupThousands(value: DecimalString): string {
  const negative = value.startsWith('-');
  const [whole = '', fraction] = (negative ? value.slice(1) : value).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

/** "116 日本": customs staff read the code, others the name; an unknown code is shown as it is. */
export function codeWithName(code: string, name: string | undefined): string {
  return name ? `${code} ${name}` : code;
}

export const stockColumns = [
  'gdsSeqno',
  'gdsMtno',
  'gdecd',
  'gdsNm',
  'gdsSpcfModelDesc',
  'natcd',
  'dclUnitcd',
  'zone',
  'zoneByLocation',
  'display',
  'transit',
  'processing',
  'held',
] as const;
export type StockColumn = (typeof stockColumns)[number];

const quantityColumns: ReadonlySet<StockColumn> = new Set([
  'zone',
  'display',
  'transit',
  'processing',
  'held',
]);

export interface StockNames {
  t: TFunction;
  language: CodeLanguage;
  locationCode: (locationId: string) => string;
}

/** What the table shows, as a table of strings for CSV and XLSX: headers in the UI language, quantities exact. */
export interface StockExportTable {
  headers: string[];
  /** Per column: whether it holds quantities (an exact decimal string in every row). */
  quantity: boolean[];
  body: string[][];
}

export function stockExportTable(rows: readonly InventoryRow[], names: StockNames): StockExportTable {
  const { t, language, locationCode } = names;
  const cells = (row: InventoryRow): Record<StockColumn, string> => {
    const { line } = row;
    const figures = stockFiguresOf(row);
    return {
      gdsSeqno: String(line.gdsSeqno),
      gdsMtno: line.gdsMtno,
      gdecd: line.gdecd,
      gdsNm: line.gdsNm,
      gdsSpcfModelDesc: line.gdsSpcfModelDesc,
      natcd: codeWithName(line.natcd, countryName(line.natcd, language)),
      dclUnitcd: codeWithName(line.dclUnitcd, unitName(line.dclUnitcd, language)),
      zone: figures.zone,
      zoneByLocation: figures.zoneByLocation
        .map((entry) => `${locationCode(entry.locationId)} ${entry.qty}`)
        .join('; '),
      display: figures.display,
      transit: figures.transit,
      processing: figures.processing,
      held: figures.held,
    };
  };
  return {
    headers: stockColumns.map((column) => t(`inventory.stock.columns.${column}`)),
    quantity: stockColumns.map((column) => quantityColumns.has(column)),
    body: rows.map((row) => {
      const byColumn = cells(row);
      return stockColumns.map((column) => byColumn[column]);
    }),
  };
}
