import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { filterOrder, type StatusFilter } from './document-view';

interface StatusFilterBarProps {
  value: StatusFilter;
  counts: Record<StatusFilter, number>;
  onChange: (filter: StatusFilter) => void;
}

/** One segment per status group with its count, so what waits and what failed shows at a glance. */
export function StatusFilterBar({ value, counts, onChange }: StatusFilterBarProps) {
  const { t } = useTranslation();
  return (
    <Segmented<StatusFilter>
      aria-label={t('declarations.filterLabel')}
      className="zb-decl-filter"
      value={value}
      onChange={onChange}
      options={filterOrder.map((filter) => ({
        value: filter,
        label: (
          <span data-filter={filter}>
            {t(`declarations.groups.${filter}`)} <span className="zb-decl-count">{counts[filter]}</span>
          </span>
        ),
      }))}
    />
  );
}
