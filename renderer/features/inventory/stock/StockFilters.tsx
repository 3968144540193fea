import { Button, Input, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { countriesTable, type CodeLanguage } from '../../../../shared/codes';
import type { Location } from '../../../../shared/domain/location';
import type { CustodyFilter } from '../../../../shared/store';
import {
  codeWithName,
  hasStockFilters,
  isHsChapter,
  noStockFilters,
  type StockFilterValues,
} from './stock-table';

const custodies: CustodyFilter[] = ['zone', 'display', 'transit', 'processing'];

interface StockFiltersProps {
  values: StockFilterValues;
  onChange: (values: StockFilterValues) => void;
  locations: Location[];
}

/** The filter bar. Free text is applied by the caller after a pause in typing. */
export function StockFilters({ values, onChange, locations }: StockFiltersProps) {
  const { t, i18n } = useTranslation();
  const language: CodeLanguage = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const set = (patch: Partial<StockFilterValues>) => onChange({ ...values, ...patch });
  const countries = useMemo(
    () =>
      countriesTable.rows.map((row) => ({
        value: row.code,
        label: codeWithName(row.code, language === 'zh-CN' ? row.nameZh : row.nameEn),
      })),
    [language],
  );
  const chapterUnfinished = values.hsChapter !== '' && !isHsChapter(values.hsChapter);
  return (
    <div className="zb-stock-filters">
      <Input.Search
        allowClear
        aria-label={t('inventory.stock.filters.text')}
        placeholder={t('inventory.stock.filters.text')}
        value={values.text}
        onChange={(event) => set({ text: event.target.value })}
        style={{ width: 220 }}
      />
      <Input
        allowClear
        aria-label={t('inventory.stock.filters.hsChapter')}
        placeholder={t('inventory.stock.filters.hsChapter')}
        title={t('inventory.stock.filters.hsChapterHint')}
        status={chapterUnfinished ? 'warning' : undefined}
        value={values.hsChapter}
        maxLength={2}
        inputMode="numeric"
        onChange={(event) => set({ hsChapter: event.target.value.replace(/\D/g, '') })}
        style={{ width: 110 }}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={t('inventory.stock.filters.origin')}
        placeholder={t('inventory.stock.filters.origin')}
        value={values.natcd}
        onChange={(natcd?: string) => set({ natcd })}
        options={countries}
        style={{ width: 150 }}
        popupMatchSelectWidth={240}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        aria-label={t('inventory.stock.filters.location')}
        placeholder={t('inventory.stock.filters.location')}
        value={values.locationId}
        onChange={(locationId?: string) => set({ locationId })}
        options={locations.map((location) => ({
          value: location.id,
          label: `${location.code} · ${location.name}`,
        }))}
        style={{ width: 150 }}
        popupMatchSelectWidth={240}
      />
      <Select
        allowClear
        aria-label={t('inventory.stock.filters.custody')}
        placeholder={t('inventory.stock.filters.custody')}
        // A location is in the zone by definition; the two would contradict each other.
        disabled={values.locationId !== undefined}
        value={values.locationId !== undefined ? undefined : values.custody}
        onChange={(custody?: CustodyFilter) => set({ custody })}
        options={custodies.map((custody) => ({
          value: custody,
          label: t(`inventory.stock.custody.${custody}`),
        }))}
        style={{ width: 120 }}
      />
      {hasStockFilters(values) && (
        <Button type="link" onClick={() => onChange(noStockFilters)}>
          {t('inventory.stock.filters.clear')}
        </Button>
      )}
    </div>
  );
}
