import type { CodeRow, CodeTable } from './code-table';

/**
 * The 金关二期 special-zone code tables, hand-copied from ../shared/docs/customs-domain.md (which cites each one).
 * None of them has been checked against the official 报文格式说明; the status says how well each is sourced.
 */

const S5 = 'github:WeLogix/welogix-saas-web common/constants/sasbl.js (customs-domain.md S5)';
const S6 =
  'GitHub file com.xaeport.crossborder.data.entity.BondInvtBsc, index id 10943753709 (customs-domain.md S6)';
const S1 = 'github:ronannnn/gx-customs-bridge pkg/customs/sasmodels/sas121_models.go (customs-domain.md S1)';

function rows(
  status: CodeRow['status'],
  confidence: string,
  source: string,
  entries: readonly (readonly [code: string, nameZh: string, nameEn: string])[],
): CodeRow[] {
  return entries.map(([code, nameZh, nameEn]) => ({ code, nameZh, nameEn, status, confidence, source }));
}

/** bwlTypecd 区域场所类别: the kind of bonded area a logistics book (BWS101) belongs to. */
export const bookTypesTable: CodeTable = {
  id: 'bookTypes',
  titleZh: '区域场所类别 (bwlTypecd)',
  version: 1,
  sourceNote:
    'customs-domain.md §1.4, from S5 SASBL_BWL_TYPE [C-3p]: a commercial SaaS constant, not an official table.',
  rows: rows('sourced', 'C-3p (third-party constants file)', `${S5} SASBL_BWL_TYPE`, [
    ['Z', '综合保税区', 'Comprehensive bonded zone'],
    ['K', '保税区', 'Bonded area'],
    ['L', '出口加工区', 'Export processing zone'],
    ['M', '保税物流园区', 'Bonded logistics park'],
    ['N', '保税港区', 'Bonded port area'],
    ['Q', '跨境工业园区', 'Cross-border industrial park'],
    ['S', '特殊区域设备账册', 'Special-zone equipment book'],
    ['A', '保税物流中心A', 'Bonded logistics centre (type A)'],
    ['B', '保税物流中心B', 'Bonded logistics centre (type B)'],
    ['D', '公共保税仓库', 'Public bonded warehouse'],
    ['E', '液体保税仓库', 'Liquid bonded warehouse'],
    ['F', '寄售维修保税仓库', 'Consignment and repair bonded warehouse'],
    ['H', '特殊商品保税仓库', 'Special-goods bonded warehouse'],
    ['I', '备料保税仓库', 'Materials-stocking bonded warehouse'],
    ['P', '出口配送监管仓', 'Export distribution supervised warehouse'],
    ['J', '国内结转监管仓', 'Domestic carry-over supervised warehouse'],
  ]),
};

/** bondInvtTypecd / invtType 清单类型 of a 保税核注清单 (INV101). */
export const listTypesTable: CodeTable = {
  id: 'listTypes',
  titleZh: '清单类型 (bondInvtTypecd)',
  version: 1,
  sourceNote: 'customs-domain.md §1.5 [C, S6 field comments; S5]. Code 2 is absent from every source seen.',
  rows: rows('sourced', 'C (field comments in S6, repeated in S5)', `${S6}; ${S5}`, [
    ['0', '普通清单', 'Ordinary list'],
    ['1', '集报清单', 'Collective-declaration list'],
    ['3', '先入区后报关', 'Enter the zone first, declare later'],
    ['4', '简单加工', 'Simple processing'],
    ['5', '保税展示交易', 'Bonded display and trading'],
    ['6', '区内流转', 'Transfer inside the zone'],
    ['7', '区港联动', 'Zone-port linkage'],
    ['8', '保税电商', 'Bonded cross-border e-commerce'],
    ['9', '一纳成品内销', 'Domestic sale of finished goods (一纳)'],
  ]),
};

/** listType 流转类型: only on transfer lists between books. */
export const transferTypesTable: CodeTable = {
  id: 'transferTypes',
  titleZh: '流转类型 (listType)',
  version: 1,
  sourceNote: 'customs-domain.md §1.5 [C, index id 3780866456 and S5 LIST_TYPE].',
  rows: rows('sourced', 'C (two independent code files)', `index id 3780866456; ${S5} LIST_TYPE`, [
    ['A', '加工贸易深加工结转', 'Processing-trade deep-processing carry-over'],
    ['B', '加工贸易余料结转', 'Processing-trade surplus-materials carry-over'],
    ['C', '不作价设备结转', 'Carry-over of equipment supplied free of charge'],
    ['D', '区间深加工结转', 'Deep-processing carry-over between zones'],
    ['E', '区间料件结转', 'Materials carry-over between zones'],
  ]),
};

/** businessTypecd 业务类型 of a 业务申报表 (SAS101). */
export const businessTypesTable: CodeTable = {
  id: 'businessTypes',
  titleZh: '业务申报表业务类型 (businessTypecd)',
  version: 1,
  sourceNote: 'customs-domain.md §1.6 [C-3p: consistent across three independent apps].',
  rows: rows(
    'sourced',
    'C-3p (three independent third-party apps agree)',
    `${S5} BAPPL_BIZTYPE; index ids 2067519601, 24368960632`,
    [
      ['A', '分送集报', 'Distribute first, declare collectively later'],
      ['B', '外发加工', 'Outward processing'],
      ['C', '保税展示交易', 'Bonded display and trading'],
      ['D', '设备检测', 'Equipment testing'],
      ['E', '设备维修', 'Equipment repair'],
      ['F', '模具外发', 'Moulds sent out'],
      ['G', '简单加工', 'Simple processing'],
      ['H', '其他业务', 'Other business'],
      ['Y', '一纳企业进出区', '一纳 enterprise in/out of zone'],
    ],
  ),
};

/** passportTypecd 核放单类型 of a gate pass (SAS121). */
export const passportTypesTable: CodeTable = {
  id: 'passportTypes',
  titleZh: '核放单类型 (passportTypecd)',
  version: 1,
  sourceNote: 'customs-domain.md §1.8 and Appendix [C, S1 validators; also S5 PASSPORT_BIZTYPE].',
  rows: rows('sourced', 'C (production bridge validators)', S1, [
    ['1', '先入区后报关', 'Enter the zone first, declare later'],
    ['2', '一线一体化进出区', 'First-line integrated entry/exit'],
    ['3', '二线进出区', 'Second-line entry/exit'],
    ['4', '非报关进出区', 'Entry/exit without a customs declaration'],
    ['5', '卡口登记货物', 'Goods registered at the gate'],
    ['6', '空车进出区', 'Empty vehicle entry/exit'],
  ]),
};
