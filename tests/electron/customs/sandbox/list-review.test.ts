import { reviewList } from '../../../../electron/customs/sandbox/list-review';
import type { Inv101Document } from '../../../../shared/customs/model/inv101';
import { entryList } from './support';

const now = '2025-03-03T10:00:00+08:00';

/** The entry list (wine on book line 17, cheese new to the book) with the wine's 规格型号 replaced. */
const withWineSpec = (gdsSpcfModelDesc: string): Inv101Document => ({
  ...entryList,
  lines: entryList.lines.map((line, index) => (index === 0 ? { ...line, gdsSpcfModelDesc } : line)),
});

describe('customs’ review of a list: 规格型号 as declaration elements', () => {
  it('passes 规格型号 written as "|"-separated declaration elements', () => {
    expect(reviewList(entryList, {}, now).reasons).toEqual([]);
    expect(reviewList(withWineSpec('干红|CHATEAU X'), {}, now).reasons).toEqual([]);
  });

  it('rejects a free description, naming the line, its 备案序号 and the field to fix', () => {
    const review = reviewList(withWineSpec('750ml 干红'), {}, now);
    expect(review.reasons).toEqual([
      '第1项(WINE-BDX-2019，备案序号 17)：规格型号“750ml 干红”未按申报要素申报，应以“|”分隔填报品牌类型、出口享惠情况、品牌、型号等要素，请修改规格型号后重新申报' +
        ' (gdsSpcfModelDesc lacks the declaration elements: give at least 2, separated by "|")',
    ]);
  });

  it('counts only non-empty elements, and names a line new to the book as such', () => {
    expect(reviewList(withWineSpec(' | 干红 | '), {}, now).reasons).toHaveLength(1);
    const cheese = {
      ...entryList,
      lines: entryList.lines.map((line, index) =>
        index === 1 ? { ...line, gdsSpcfModelDesc: '块状' } : line,
      ),
    };
    expect(reviewList(cheese, {}, now).reasons).toEqual([
      expect.stringMatching(/^第2项\(CHEESE-COMTE，新增料件\)：规格型号“块状”未按申报要素申报/),
    ]);
  });
});
