import { describe, expect, it } from 'vitest';
import {
  allCodeTables,
  beijingOfficesWithoutCode,
  bookTypeName,
  countriesTable,
  countryName,
  currencyIso4217,
  currencyName,
  customsDistrictName,
  findCode,
  hsExamplesTable,
  isKnownBookType,
  isKnownCountry,
  isKnownCurrency,
  isKnownCustomsDistrict,
  isKnownSupervisionMode,
  isKnownUnit,
  listTypeName,
  supervisionModesTable,
  transferTypeName,
  unitName,
  unitsTable,
} from '../../../shared/codes';

describe('code tables', () => {
  it('each have an id, a version, a source note and unique codes, every row sourced', () => {
    expect(new Set(allCodeTables.map((t) => t.id)).size).toBe(allCodeTables.length);
    for (const table of allCodeTables) {
      expect(table.version, table.id).toBeGreaterThanOrEqual(1);
      expect(table.sourceNote.length, table.id).toBeGreaterThan(20);
      expect(new Set(table.rows.map((r) => r.code)).size, table.id).toBe(table.rows.length);
      for (const row of table.rows) {
        expect(row.source.trim(), `${table.id} ${row.code}`).not.toBe('');
        expect(['verified', 'sourced', 'unverified'], `${table.id} ${row.code}`).toContain(row.status);
      }
    }
  });

  it('hold every row of the source CSVs', () => {
    expect(unitsTable.rows).toHaveLength(123);
    expect(countriesTable.rows).toHaveLength(243);
    expect(supervisionModesTable.rows).toHaveLength(103);
    expect(hsExamplesTable.rows).toHaveLength(52);
  });

  it('mark unverified values as such', () => {
    expect(findCode(hsExamplesTable, '8542319000')?.status).toBe('unverified');
    expect(findCode(countriesTable, '142')?.newSchemeCode).toBe('CHN');
    expect(customsDistrictName('0201', 'zh-CN')).toBe('天津海关');
    expect(
      allCodeTables.find((t) => t.id === 'customsDistricts')?.rows.find((r) => r.code === '0201')?.status,
    ).toBe('unverified');
    expect(beijingOfficesWithoutCode.map((o) => o.nameZh)).toContain('天竺海关');
  });
});

describe('lookups', () => {
  it('find units, countries and currencies in both languages', () => {
    expect(isKnownUnit('035')).toBe(true);
    expect(unitName('035', 'zh-CN')).toBe('千克');
    expect(unitName('035', 'en')).toMatch(/kilogram/i);
    expect(isKnownUnit('999')).toBe(false);
    expect(unitName('999', 'en')).toBeUndefined();
    expect(countryName('116', 'zh-CN')).toBe('日本');
    expect(isKnownCountry('JPN')).toBe(false);
    expect(currencyName('142', 'zh-CN')).toBe('人民币');
    expect(currencyIso4217('502')).toBe('USD');
    expect(isKnownCurrency('USD')).toBe(false);
  });

  it('know the zone tables: book types, list types, transfer types, supervision modes, districts', () => {
    expect(isKnownBookType('Z')).toBe(true);
    expect(bookTypeName('Z', 'zh-CN')).toBe('综合保税区');
    expect(isKnownBookType('X')).toBe(false);
    expect(listTypeName('6', 'zh-CN')).toBe('区内流转');
    expect(listTypeName('2', 'zh-CN')).toBeUndefined();
    expect(transferTypeName('E', 'zh-CN')).toBe('区间料件结转');
    expect(isKnownSupervisionMode('5034')).toBe(true);
    expect(findCode(supervisionModesTable, '5034')?.nameZh).toBe('区内物流货物');
    expect(isKnownCustomsDistrict('0101')).toBe(true);
  });
});
