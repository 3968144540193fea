import { QUANTITY_DECIMALS, TOTAL_DECIMALS, UNIT_PRICE_DECIMALS } from './decimal';
import { decimalField } from './field-rules';

/** A quantity moved: more than zero, at most 5 decimals (INV101 dclQty: d_gt=0, decimal(19,5)). */
export const Quantity = decimalField('Quantity (qty)', { maxDecimals: QUANTITY_DECIMALS, sign: 'positive' });

/** A stocktake difference: a surplus (+) or a shortage (−), never zero. */
export const SignedQuantity = decimalField('Quantity (qty)', {
  maxDecimals: QUANTITY_DECIMALS,
  sign: 'nonZero',
});

/** 申报单价: more than zero, at most 4 decimals (INV101 dclUprcAmt: d_decimal_len_lte=4). */
export const UnitPrice = decimalField('Declared unit price (dclUprcAmt)', {
  maxDecimals: UNIT_PRICE_DECIMALS,
  sign: 'positive',
});

/** 申报总价: more than zero, at most 2 decimals (INV101 dclTotalAmt: d_decimal_len_lte=2). */
export const TotalAmount = decimalField('Declared total (dclTotalAmt)', {
  maxDecimals: TOTAL_DECIMALS,
  sign: 'positive',
});
