import type { Inv101Document } from '../../../../shared/customs/model/inv101';
import type { Sas101Document } from '../../../../shared/customs/model/sas101';
import type { Sas111Document } from '../../../../shared/customs/model/sas111';
import type { Sas121Document } from '../../../../shared/customs/model/sas121';
import type { MessageEnvelope } from '../../../../shared/customs/xml/envelope-info';

// Realistic documents for a Beijing zone logistics enterprise (T book), in the shapes the batching
// policy will fill. Numbers follow the formats customs uses; the enterprise is fictional.
const zoneEnterprise = {
  sccd: '91110302MA01ABCD2X',
  etpsno: '1101230ABC',
  nm: '北京天竺综保物流有限公司',
};
const buyer = { sccd: '91110105MA00XYZW7Q', etpsno: '1105960XYZ', nm: '北京某某贸易有限公司' };

export const envelope = (messageId: string): MessageEnvelope => ({
  messageId,
  senderId: 'DXPENT0000012345',
  receiverId: 'DXPEDCCUS0000001',
  sendTime: '2025-03-14T09:30:00',
});

const inv101Head = {
  etpsInnerInvtNo: 'ZB-INV-0192a7c4',
  chgTmsCnt: 0,
  putrecNo: 'T0102W000123',
  dclTypecd: '1',
  bondInvtTypecd: '0',
  bizopEtpsSccd: zoneEnterprise.sccd,
  bizopEtpsno: zoneEnterprise.etpsno,
  bizopEtpsNm: zoneEnterprise.nm,
  rvsngdEtpsSccd: zoneEnterprise.sccd,
  rcvgdEtpsno: zoneEnterprise.etpsno,
  rcvgdEtpsNm: zoneEnterprise.nm,
  dclEtpsSccd: zoneEnterprise.sccd,
  dclEtpsno: zoneEnterprise.etpsno,
  dclEtpsNm: zoneEnterprise.nm,
  inputCreditCode: zoneEnterprise.sccd,
  inputCode: zoneEnterprise.etpsno,
  inputName: zoneEnterprise.nm,
  inputTime: '20250314',
  invtDclTime: '20250314',
  impexpMarkcd: 'I',
  mtpckEndprdMarkcd: 'I',
  supvModecd: '5034',
  trspModecd: '5',
  impexpPortcd: '0102',
  dclPlcCuscd: '0102',
  stshipTrsarvNatcd: '304',
  dclcusFlag: '1',
  genDecFlag: '1',
  decType: '3',
  dclcusTypecd: '2',
  corrEntryDclEtpsSccd: zoneEnterprise.sccd,
  corrEntryDclEtpsNo: zoneEnterprise.etpsno,
  corrEntryDclEtpsNm: zoneEnterprise.nm,
} as const;

const wineLine = {
  gdsSeqno: 1,
  entryGdsSeqno: 1,
  putrecSeqno: 17,
  gdsMtno: 'WINE-BDX-2019',
  gdecd: '2204210000',
  gdsNm: '葡萄酒',
  gdsSpcfModelDesc: '0|0|750ml/瓶|干红|12.5度|CHATEAU X',
  dclUnitcd: '142',
  lawfUnitcd: '095',
  secdLawfUnitcd: '035',
  dclQty: '1200',
  lawfQty: '900',
  secdLawfQty: '1584.6',
  dclUprcAmt: '18.5',
  dclTotalAmt: '22200.00',
  dclCurrcd: '306',
  natcd: '305',
  destinationNatcd: '142',
  lvyrlfModecd: '3',
  clyMarkcd: '0',
  modfMarkcd: '3',
} as const;

/** 一线 entry from abroad into the logistics book, with a 进境备案清单 generated (对应报关). */
export const inv101EntryFromAbroad: Inv101Document = {
  kind: 'INV101',
  head: { ...inv101Head },
  lines: [
    wineLine,
    {
      ...wineLine,
      gdsSeqno: 2,
      entryGdsSeqno: 2,
      putrecSeqno: undefined,
      gdsMtno: 'CHEESE-COMTE',
      gdecd: '0406900090',
      gdsNm: '奶酪',
      gdsSpcfModelDesc: '0|0|块状|COMTE 18个月',
      dclUnitcd: '035',
      lawfUnitcd: '035',
      secdLawfUnitcd: undefined,
      secdLawfQty: undefined,
      dclQty: '350.12345',
      lawfQty: '350.12345',
      dclUprcAmt: '21.3456',
      dclTotalAmt: '7473.66',
      rmk: '冷链 <2-8℃> & 防压',
    },
  ],
  centralStocks: [],
};

/** 二线 release to a domestic buyer, 关联报关 generating the buyer's declaration. */
export const inv101ReleaseDomestic: Inv101Document = {
  kind: 'INV101',
  head: {
    ...inv101Head,
    etpsInnerInvtNo: 'ZB-INV-0192a7c5',
    impexpMarkcd: 'E',
    supvModecd: '5034',
    trspModecd: '9',
    stshipTrsarvNatcd: '142',
    decType: '2',
    dclcusTypecd: '1',
    corrEntryDclEtpsSccd: undefined,
    corrEntryDclEtpsNo: undefined,
    corrEntryDclEtpsNm: undefined,
    rltEntryBizopEtpsSccd: buyer.sccd,
    rltEntryBizopEtpsno: buyer.etpsno,
    rltEntryBizopEtpsNm: buyer.nm,
    rltEntryRvsngdEtpsSccd: buyer.sccd,
    rltEntryRcvgdEtpsno: buyer.etpsno,
    rltEntryRcvgdEtpsNm: buyer.nm,
    rltEntryDclEtpsSccd: buyer.sccd,
    rltEntryDclEtpsno: buyer.etpsno,
    rltEntryDclEtpsNm: buyer.nm,
    icCardNo: 'JJ3H100012345',
  },
  lines: [
    {
      ...wineLine,
      modfMarkcd: '0',
      dclQty: '24',
      lawfQty: '18',
      secdLawfQty: '31.692',
      dclTotalAmt: '444.00',
    },
  ],
  centralStocks: [],
};

/** A change of an accepted 集报 list (bondInvtTypecd 1) consolidating two 出入库单. */
export const inv101CollectiveChange: Inv101Document = {
  kind: 'INV101',
  head: {
    ...inv101Head,
    etpsInnerInvtNo: 'ZB-INV-0192a7c6',
    seqNo: '202500000123456789',
    bondInvtNo: 'QD010225E000001234',
    chgTmsCnt: 1,
    dclTypecd: '2',
    bondInvtTypecd: '1',
    impexpMarkcd: 'E',
    dclcusFlag: '2',
    genDecFlag: '2',
    decType: undefined,
    dclcusTypecd: undefined,
    corrEntryDclEtpsSccd: undefined,
    corrEntryDclEtpsNo: undefined,
    corrEntryDclEtpsNm: undefined,
    rmk: '2025年3月分送集报',
  },
  lines: [{ ...wineLine, modfMarkcd: '1' }],
  centralStocks: [{ sasStockNo: 'Y01022500000000011' }, { sasStockNo: 'Y01022500000000012' }],
};

/** 二线 gate pass for the released list, one truck. */
export const sas121SecondLine: Sas121Document = {
  kind: 'SAS121',
  head: {
    etpsPreentNo: 'ZB-PASS-0192a7d1',
    chgTmsCnt: 0,
    rltTbTypecd: '1',
    rltNo: 'QD010225E000001240',
    dclTypecd: '1',
    ioTypecd: 'E',
    passportTypecd: '3',
    bindTypecd: '2',
    masterCuscd: '0102',
    areainOriactNo: 'T0102W000123',
    areainEtpsSccd: zoneEnterprise.sccd,
    areainEtpsno: zoneEnterprise.etpsno,
    areainEtpsNm: zoneEnterprise.nm,
    dclEtpsSccd: zoneEnterprise.sccd,
    dclEtpsno: zoneEnterprise.etpsno,
    dclEtpsNm: zoneEnterprise.nm,
    inputSccd: zoneEnterprise.sccd,
    inputCode: zoneEnterprise.etpsno,
    inputName: zoneEnterprise.nm,
    vehicleNo: '京A12345',
    vehicleWt: '13000',
    vehicleFrameWt: '1000',
    totalGrossWt: '292.8',
    totalNetWt: '280.5',
    totalWt: '14292.8',
    dclErConc: '王芳 13800000000',
    dclTime: '2025-03-14 10:02:00',
  },
  lines: [
    {
      passportSeqNo: 1,
      rltGdsSeqno: 1,
      gdsMtno: 'WINE-BDX-2019',
      gdecd: '2204210000',
      gdsNm: '葡萄酒',
      dclUnitcd: '142',
      dclQty: '24',
      grossWt: '292.8',
      netWt: '280.5',
    },
  ],
  related: [{ rltTbTypecd: '1', rltNo: 'QD010225E000001240' }],
};

/** The truck coming back empty (空车进出区): no goods lines. */
export const sas121EmptyVehicle: Sas121Document = {
  kind: 'SAS121',
  head: {
    ...sas121SecondLine.head,
    etpsPreentNo: 'ZB-PASS-0192a7d2',
    ioTypecd: 'I',
    passportTypecd: '6',
    totalGrossWt: '0.001',
    totalNetWt: '0.001',
    totalWt: '14000.001',
    containerNo: 'MSCU1234567',
    containerWt: '2200',
    containerType: '22G1',
  },
  lines: [],
  related: [{ rltTbTypecd: '1', rltNo: 'QD010225E000001240' }],
};

/** 保税展示交易 申报表 (business type C) for an exhibition outside the zone. */
export const sas101Exhibition: Sas101Document = {
  kind: 'SAS101',
  head: {
    etpsPreentNo: 'ZB-DCL-0192a7e0',
    chgTmsCnt: 0,
    masterCuscd: '0102',
    dclTypecd: '1',
    businessTypecd: 'C',
    directionTypecd: 'E',
    areainOriactNo: 'T0102W000123',
    areainEtpsSccd: zoneEnterprise.sccd,
    areainEtpsno: zoneEnterprise.etpsno,
    areainEtpsNm: zoneEnterprise.nm,
    dpstLevyBlNo: 'DP01022500000001',
    validTime: '20250930',
    exhibitionPlace: '北京国家会议中心 E2 馆',
    dclEr: '王芳',
    dclTime: '2025-03-14 09:00:00',
  },
  lines: [
    {
      sasDclSeqno: 1,
      oriactGdsSeqno: 17,
      mtpckEndprdTypecd: 'I',
      gdecd: '2204210000',
      gdsNm: '葡萄酒',
      gdsSpcfModelDesc: '0|0|750ml/瓶|干红|12.5度|CHATEAU X',
      dclQty: '600',
      dclUnitcd: '142',
      dclUprcAmt: '18.5',
      dclTotalAmt: '11100',
      dclCurrcd: '306',
      modfMarkcd: '3',
      licenceValidTime: '20251231',
    },
  ],
};

/** 出区 slip drawing on the exhibition form. */
export const sas111ExhibitOut: Sas111Document = {
  kind: 'SAS111',
  head: {
    etpsPreentNo: 'ZB-STK-0192a7f0',
    chgTmsCnt: 0,
    dclTypecd: '1',
    sasDclNo: 'Y0102250000000003',
    masterCuscd: '0102',
    stockTypecd: 'E',
    businessTypecd: 'C',
    centralizedDclTypecd: '1',
    dclEr: '王芳',
    dclTime: '2025-03-15 08:00:00',
    packageQty: '20',
    grossWt: '292.8',
    netWt: '280.5',
  },
  lines: [
    {
      sasStockSeqno: 1,
      sasDclSeqno: 1,
      oriactGdsSeqno: 17,
      gdsMtno: 'WINE-BDX-2019',
      gdecd: '2204210000',
      gdsNm: '葡萄酒',
      gdsSpcfModelDesc: '0|0|750ml/瓶|干红|12.5度|CHATEAU X',
      dclUnitcd: '142',
      lawfUnitcd: '095',
      secdLawfUnitcd: '035',
      natcd: '305',
      dclUprcAmt: '18.5',
      dclTotalAmt: '444',
      dclCurrcd: '306',
      lawfQty: '18',
      secdLawfQty: '31.692',
      dclQty: '24',
      lvyrlfModecd: '3',
    },
  ],
};
