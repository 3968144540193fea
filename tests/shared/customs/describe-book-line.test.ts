import { describe, expect, it } from 'vitest';
import { CustomsBookLineDescription, describeBookLine } from '../../../shared/customs/opening-stock';

const described = {
  bwsNo: 'T0101W000123',
  gdsSeqno: 7,
  gdsMtno: 'ZB-7',
  gdecd: '8542319000',
  gdsNm: '集成电路',
  dclUnitcd: '007',
  lawfUnitcd: '007',
};

describe('describeBookLine', () => {
  it('keeps exactly the fields customs’ book describes a line by, and leaves out the ones not given', () => {
    const bookLineWithItsBook = {
      ...described,
      id: 'line-id',
      bookId: 'book-id',
      searchText: 'zb-7 集成电路',
      secdLawfUnitcd: undefined,
      natcd: '142',
    };
    const description = describeBookLine(bookLineWithItsBook);
    expect(description).toStrictEqual({ ...described, natcd: '142' });
    expect(CustomsBookLineDescription.parse(description)).toStrictEqual(description);
  });
});
