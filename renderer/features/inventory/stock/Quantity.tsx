import type { DecimalString } from '../../../../shared/domain/decimal';
import { groupThousands } from './stock-table';

/** An exact quantity, grouped by thousands, in tabular digits so columns line up. */
export function Quantity({ value, signed = false }: { value: DecimalString; signed?: boolean }) {
  const text = groupThousands(value);
  const shown = signed && !text.startsWith('-') && value !== '0' ? `+${text}` : text.replace(/^-/, '−');
  return <span className={value === '0' ? 'zb-qty zb-qty-zero' : 'zb-qty'}>{shown}</span>;
}
