import type { OutsideAccount } from './accounts';

/**
 * Movement kinds as a table of rules. Each row says which custody account goods leave and enter, and the
 * customs facts the movement implies for the declaration work that follows. Codes come from
 * ../shared/docs/customs-domain.md (§1.5 list types, §1.6 business types, §1.8 gate passes, §1.11
 * supervision modes, §2.2 movement → document chains); every fact the document marks as inference or
 * unverified, or that it leaves open, is named in `inferred` so no one mistakes it for a rule.
 *
 * supvModecd is the default for a logistics (T/H, 5034 区内物流货物) book; a processing book would use
 * 5000 料件进出区 or 5100 成品进出区 instead, which the declaration builder decides from the book.
 */

/** `zone` is the in-zone location of each line (fromLocationId / toLocationId). */
export type Side = 'zone' | 'display' | 'transit' | 'processing' | OutsideAccount;

export type CustomsDocument = 'INV101' | 'SAS101' | 'SAS111' | 'SAS121';

/** Who is on the other side: an enterprise (name, codes) or an enterprise and its book (putrecNo). */
export type CounterpartyNeed = 'none' | 'enterprise' | 'book';

export type CustomsFact =
  | 'ie'
  | 'supvModecd'
  | 'bondInvtTypecd'
  | 'listType'
  | 'dclcusFlag'
  | 'dclcusTypecd'
  | 'passportTypecd'
  | 'businessTypecd'
  | 'declare'
  | 'gatePass';

export interface KindRule {
  readonly nameZh: string;
  readonly nameEn: string;
  /** Where goods leave and enter; null for a reversal, which is the exact inverse of its original. */
  readonly from: Side | null;
  readonly to: Side | null;
  /** impexpMarkcd / ioTypecd. */
  readonly ie: 'I' | 'E' | null;
  /** 监管方式 of the 核注清单; null when no 核注清单 is raised for the movement itself. */
  readonly supvModecd: string | null;
  /** 清单类型 bondInvtTypecd. */
  readonly bondInvtTypecd: string | null;
  /** 流转类型 listType, only on transfer lists. */
  readonly listType: string | null;
  /** 1 报关 / 2 非报关. */
  readonly dclcusFlag: '1' | '2' | null;
  /** 1 关联报关 (generates the outside party's declaration) / 2 对应报关. */
  readonly dclcusTypecd: '1' | '2' | null;
  /** 核放单类型. */
  readonly passportTypecd: string | null;
  /** 业务申报表 businessTypecd; for processing it follows the movement's purpose (see processingBusinessTypes). */
  readonly businessTypecd: string | null;
  /** Whether the movement must be declared to customs at all (by 核注清单 or 出入库单). */
  readonly declare: boolean;
  /** Declared collectively later (分送集报, display sales) rather than one document per movement. */
  readonly collective: boolean;
  readonly gatePass: boolean;
  readonly documents: readonly CustomsDocument[];
  readonly counterparty: CounterpartyNeed;
  /** Processing, repair or testing: the movement says which. */
  readonly needsPurpose: boolean;
  /** A supervisor's approval is recorded on the movement before it posts. */
  readonly approval: boolean;
  /** Lines may carry negative quantities (stocktake shortages). */
  readonly signedQty: boolean;
  readonly inferred: readonly CustomsFact[];
  readonly basis: string;
}

const none = {
  ie: null,
  supvModecd: null,
  bondInvtTypecd: null,
  listType: null,
  dclcusFlag: null,
  dclcusTypecd: null,
  passportTypecd: null,
  businessTypecd: null,
  declare: false,
  collective: false,
  gatePass: false,
  documents: [],
  counterparty: 'none',
  needsPurpose: false,
  approval: false,
  signedQty: false,
  inferred: [],
} as const;

export const kinds = {
  entryFromAbroad: {
    ...none,
    nameZh: '一线入区',
    nameEn: 'Entry from abroad',
    from: 'abroad',
    to: 'zone',
    ie: 'I',
    supvModecd: '5034',
    bondInvtTypecd: '0',
    dclcusFlag: '1',
    passportTypecd: '2',
    declare: true,
    gatePass: true,
    documents: ['INV101', 'SAS121'],
    inferred: ['bondInvtTypecd', 'passportTypecd'],
    basis:
      '§2.2 一线入区: INV101 I (普通, dclcusFlag 1) → 进境备案清单 → SAS121 I type 2 (or 1 先入区后报关)',
  },
  exitAbroad: {
    ...none,
    nameZh: '一线出区',
    nameEn: 'Exit abroad',
    from: 'zone',
    to: 'abroad',
    ie: 'E',
    supvModecd: '5034',
    bondInvtTypecd: '0',
    dclcusFlag: '1',
    passportTypecd: '2',
    declare: true,
    gatePass: true,
    documents: ['INV101', 'SAS121'],
    inferred: ['bondInvtTypecd', 'passportTypecd'],
    basis: '§2.2 一线出区: INV101 E → 出境备案清单 → SAS121 E → gate',
  },
  releaseDomestic: {
    ...none,
    nameZh: '二线出区',
    nameEn: 'Release to the domestic market (duty paid)',
    from: 'zone',
    to: 'domestic',
    ie: 'E',
    supvModecd: '5034',
    bondInvtTypecd: '0',
    dclcusFlag: '1',
    dclcusTypecd: '1',
    passportTypecd: '3',
    declare: true,
    gatePass: true,
    documents: ['INV101', 'SAS121'],
    counterparty: 'enterprise',
    inferred: ['bondInvtTypecd'],
    basis:
      '§2.2 二线出区: INV101 E, dclcusFlag 1 + 关联报关 generating the buyer’s 0110 declaration → SAS121 E type 3 [C]',
  },
  entryFromDomestic: {
    ...none,
    nameZh: '二线入区',
    nameEn: 'Entry from the domestic market',
    from: 'domestic',
    to: 'zone',
    ie: 'I',
    supvModecd: '5034',
    bondInvtTypecd: '0',
    dclcusFlag: '1',
    dclcusTypecd: '1',
    passportTypecd: '3',
    declare: true,
    gatePass: true,
    documents: ['INV101', 'SAS121'],
    counterparty: 'enterprise',
    inferred: ['bondInvtTypecd', 'dclcusTypecd'],
    basis: '§2.2 二线入区: export declaration by the outside party + INV101 I → SAS121 I type 3',
  },
  transferOutInZone: {
    ...none,
    nameZh: '区内流转(转出)',
    nameEn: 'Transfer to another enterprise in the zone',
    from: 'zone',
    to: 'otherBook',
    ie: 'E',
    supvModecd: '5034',
    bondInvtTypecd: '6',
    dclcusFlag: '2',
    declare: true,
    documents: ['INV101'],
    counterparty: 'book',
    inferred: ['dclcusFlag', 'gatePass'],
    basis: '§2.2 区内流转: paired INV101 (seller E + buyer I), bondInvtTypecd 6, no gate pass, 非报关 [INF]',
  },
  transferInInZone: {
    ...none,
    nameZh: '区内流转(转入)',
    nameEn: 'Transfer in from another enterprise in the zone',
    from: 'otherBook',
    to: 'zone',
    ie: 'I',
    supvModecd: '5034',
    bondInvtTypecd: '6',
    dclcusFlag: '2',
    declare: true,
    documents: ['INV101'],
    counterparty: 'book',
    inferred: ['dclcusFlag', 'gatePass'],
    basis: '§2.2 区内流转: the buyer’s half of the paired INV101, linked by rltInvtNo / rltPutrecNo',
  },
  transferOutBetweenZones: {
    ...none,
    nameZh: '区间流转(转出)',
    nameEn: 'Transfer to another zone',
    from: 'zone',
    to: 'transit',
    ie: 'E',
    supvModecd: '1200',
    bondInvtTypecd: '0',
    listType: 'E',
    dclcusFlag: '1',
    declare: true,
    gatePass: true,
    documents: ['INV101', 'SAS121'],
    counterparty: 'book',
    inferred: ['supvModecd', 'bondInvtTypecd', 'listType', 'dclcusFlag', 'passportTypecd'],
    basis:
      '§2.2 区间流转: paired INV101 with listType D/E, rltInvtNo / rltPutrecNo, SAS121 out of one zone (5034 / 1200); ' +
      'E 区间料件结转 assumed, D for deep processing; goods stay in transit until the receiver confirms',
  },
  transferDeliveredBetweenZones: {
    ...none,
    nameZh: '区间流转(对方收货)',
    nameEn: 'Transfer to another zone received by the other side',
    from: 'transit',
    to: 'otherBook',
    counterparty: 'book',
    basis:
      'Local confirmation that closes our in-transit stock; the receiving book’s INV101 I is the other side’s [INF]',
  },
  transferInBetweenZones: {
    ...none,
    nameZh: '区间流转(转入)',
    nameEn: 'Transfer in from another zone',
    from: 'otherBook',
    to: 'zone',
    ie: 'I',
    supvModecd: '1200',
    bondInvtTypecd: '0',
    listType: 'E',
    dclcusFlag: '1',
    declare: true,
    gatePass: true,
    documents: ['INV101', 'SAS121'],
    counterparty: 'book',
    inferred: ['supvModecd', 'bondInvtTypecd', 'listType', 'dclcusFlag', 'passportTypecd'],
    basis: '§2.2 区间流转: the receiving half of the pair, SAS121 into our zone',
  },
  relocate: {
    ...none,
    nameZh: '库内移库',
    nameEn: 'Relocation inside the warehouse',
    from: 'zone',
    to: 'zone',
    basis: 'Goods stay in the zone and on the book: nothing to declare',
  },
  distributeOut: {
    ...none,
    nameZh: '分送集报(出区)',
    nameEn: 'Distribute first, declare collectively later',
    from: 'zone',
    to: 'domestic',
    ie: 'E',
    supvModecd: '5034',
    bondInvtTypecd: '1',
    dclcusFlag: '1',
    passportTypecd: '4',
    businessTypecd: 'A',
    declare: true,
    collective: true,
    gatePass: true,
    documents: ['SAS101', 'SAS111', 'SAS121', 'INV101'],
    counterparty: 'enterprise',
    inferred: ['supvModecd', 'passportTypecd'],
    basis:
      '§2.2 分送集报: SAS101 biz A → SAS111 E per dispatch (+ SAS121, type 4 [INF]) → periodic 集报 INV101 type 1 ' +
      'listing the slips (SasCentDclStock) + generated declaration',
  },
  processingOut: {
    ...none,
    nameZh: '外发加工/维修/检测(出区)',
    nameEn: 'Out for processing, repair or testing',
    from: 'zone',
    to: 'processing',
    ie: 'E',
    declare: true,
    gatePass: true,
    documents: ['SAS101', 'SAS111', 'SAS121'],
    counterparty: 'enterprise',
    needsPurpose: true,
    inferred: ['declare'],
    basis:
      '§2.2 outward processing / repair / testing: SAS101 biz B / E / D + SAS111 / SAS121 out and back; goods stay ' +
      'on the book, so no 核注清单 [INF]',
  },
  processingReturn: {
    ...none,
    nameZh: '外发加工/维修/检测(返区)',
    nameEn: 'Back from processing, repair or testing',
    from: 'processing',
    to: 'zone',
    ie: 'I',
    declare: true,
    gatePass: true,
    documents: ['SAS111', 'SAS121'],
    counterparty: 'enterprise',
    needsPurpose: true,
    inferred: ['declare'],
    basis: '§2.2 outward processing / repair / testing: SAS111 / SAS121 back under the same 申报表',
  },
  displayOut: {
    ...none,
    nameZh: '保税展示(出区)',
    nameEn: 'Out of the zone for bonded display',
    from: 'zone',
    to: 'display',
    ie: 'E',
    businessTypecd: 'C',
    declare: true,
    gatePass: true,
    documents: ['SAS101', 'SAS111', 'SAS121'],
    basis: '§2.2 保税展示交易: SAS101 biz C → SAS111 E (levyBlAmt) → SAS121 E; guarantee quota deducted',
  },
  displayReturn: {
    ...none,
    nameZh: '保税展示(返区)',
    nameEn: 'Back from bonded display',
    from: 'display',
    to: 'zone',
    ie: 'I',
    businessTypecd: 'C',
    declare: true,
    gatePass: true,
    documents: ['SAS111', 'SAS121'],
    basis: '§2.2 保税展示交易: unsold goods return (SAS111 I / SAS121 I), quota restored',
  },
  displaySale: {
    ...none,
    nameZh: '保税展示(销售)',
    nameEn: 'Sold while on display (duty paid)',
    from: 'display',
    to: 'domestic',
    ie: 'E',
    supvModecd: '5034',
    bondInvtTypecd: '5',
    dclcusFlag: '1',
    businessTypecd: 'C',
    declare: true,
    collective: true,
    documents: ['INV101'],
    inferred: ['supvModecd', 'dclcusFlag'],
    basis:
      '§2.2 保税展示交易: sold goods declared collectively with INV101 type 5, levyBlAmt filled by customs',
  },
  scrap: {
    ...none,
    nameZh: '销毁/报废',
    nameEn: 'Scrap or destruction',
    from: 'zone',
    to: 'destroyed',
    ie: 'E',
    supvModecd: '0200',
    bondInvtTypecd: '0',
    dclcusFlag: '2',
    declare: true,
    documents: ['INV101'],
    approval: true,
    inferred: ['supvModecd', 'bondInvtTypecd', 'dclcusFlag', 'gatePass'],
    basis:
      '§2.2 destruction: a customs application and an INV101 write-off [UNV details]; 0200 料件销毁 / 0400 边角料销毁 ' +
      '(supervision-modes.csv)',
  },
  stocktakeAdjustment: {
    ...none,
    nameZh: '盘点调整',
    nameEn: 'Stocktake adjustment',
    from: 'adjustment',
    to: 'zone',
    approval: true,
    signedQty: true,
    inferred: ['declare'],
    basis:
      '§2.5: the customs procedure for shortages and overages (库存调整单, 9700 后续补税) is unverified; the adjustment ' +
      'is approved and recorded, never a silent edit. A shortage is a negative quantity.',
  },
  reversal: {
    ...none,
    nameZh: '冲销',
    nameEn: 'Reversal',
    from: null,
    to: null,
    basis: 'The exact inverse of an undeclared movement; a declared one needs a correcting movement instead',
  },
} as const satisfies Record<string, KindRule>;

export type MovementKind = keyof typeof kinds;
export const movementKinds = Object.keys(kinds) as MovementKind[];

export function kindRule(kind: MovementKind): KindRule {
  return kinds[kind];
}

export type ProcessingPurpose = 'processing' | 'repair' | 'testing';

/** businessTypecd of the 业务申报表 for each purpose (§1.6: B 外发加工, E 设备维修, D 设备检测). */
export const processingBusinessTypes: Readonly<Record<ProcessingPurpose, string>> = {
  processing: 'B',
  repair: 'E',
  testing: 'D',
};
