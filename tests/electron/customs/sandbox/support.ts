import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutgoingMessage } from '../../../../shared/customs/endpoint';
import type { Inv101Document } from '../../../../shared/customs/model/inv101';
import type { Sas101Document } from '../../../../shared/customs/model/sas101';
import type { Sas111Document } from '../../../../shared/customs/model/sas111';
import type { Sas121Document } from '../../../../shared/customs/model/sas121';
import {
  addPocket,
  emptyPocketAccumulator,
  type PocketAccumulator,
} from '../../../../shared/customs/receipts/pocket-accumulator';
import { parseReceiptFile } from '../../../../shared/customs/receipts/parse-receipt';
import type { Receipt } from '../../../../shared/customs/receipts/receipt';
import { renderInv101ImportForm } from '../../../../shared/customs/xml/import-form/render-inv101';
import { renderSas101ImportForm } from '../../../../shared/customs/xml/import-form/render-sas101';
import { renderSas111ImportForm } from '../../../../shared/customs/xml/import-form/render-sas111';
import { renderSas121ImportForm } from '../../../../shared/customs/xml/import-form/render-sas121';
import type { OpeningBookLine } from '../../../../electron/customs/sandbox/sandbox-book';
import {
  envelope,
  inv101EntryFromAbroad,
  inv101ReleaseDomestic,
  sas101Exhibition,
  sas111ExhibitOut,
  sas121SecondLine,
} from '../../../shared/customs/support/documents';

export async function temporaryFolder(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'zonebook-sandbox-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

const importOptions = { declare: true, operCusRegCode: '1101230ABC' } as const;

export const inv101Xml = (document: Inv101Document, messageId = 'MSG-1') =>
  renderInv101ImportForm(document, envelope(messageId), importOptions);
export const sas121Xml = (document: Sas121Document, messageId = 'MSG-P') =>
  renderSas121ImportForm(document, envelope(messageId), importOptions);

export const outgoing = (document: Inv101Document | Sas121Document, xml: string): OutgoingMessage => ({
  etpsInnerInvtNo: document.kind === 'INV101' ? document.head.etpsInnerInvtNo : document.head.etpsPreentNo,
  messageType: document.kind,
  ieFlag: document.kind === 'INV101' ? document.head.impexpMarkcd : document.head.ioTypecd,
  xml,
  attempt: 1,
});

// The shared example documents declare dclCurrcd 306, a country code; customs knows the euro as 300.
const inEuro = (document: Inv101Document): Inv101Document => ({
  ...document,
  lines: document.lines.map((line) => ({ ...line, dclCurrcd: '300' })),
});

/** 一线 entry of wine (book line 17) and cheese (a new book line): needs a gate pass. */
export const entryList = inEuro(inv101EntryFromAbroad);

/** 二线 release of 24 bottles of wine from book line 17 (关联报关, needs a gate pass). */
export const releaseList = (etpsInnerInvtNo: string, dclQty = '24'): Inv101Document =>
  inEuro({
    ...inv101ReleaseDomestic,
    head: { ...inv101ReleaseDomestic.head, etpsInnerInvtNo },
    lines: inv101ReleaseDomestic.lines.map((line) => ({ ...line, dclQty })),
  });

/** A list that needs no gate (非报关, 区内流转): posted straight after approval. */
export const noGateList = (list: Inv101Document): Inv101Document => ({
  ...list,
  head: {
    ...list.head,
    bondInvtTypecd: '6',
    dclcusFlag: '2',
    genDecFlag: '2',
    decType: undefined,
    dclcusTypecd: undefined,
    corrEntryDclEtpsSccd: undefined,
    corrEntryDclEtpsNo: undefined,
    corrEntryDclEtpsNm: undefined,
    rltEntryBizopEtpsSccd: undefined,
    rltEntryBizopEtpsno: undefined,
    rltEntryBizopEtpsNm: undefined,
    rltEntryRvsngdEtpsSccd: undefined,
    rltEntryRcvgdEtpsno: undefined,
    rltEntryRcvgdEtpsNm: undefined,
    rltEntryDclEtpsSccd: undefined,
    rltEntryDclEtpsno: undefined,
    rltEntryDclEtpsNm: undefined,
  },
});

/** The gate pass for a release list once customs has numbered it. */
export const passFor = (
  bondInvtNo: string,
  dclQty = '24',
  etpsPreentNo = 'ZB-PASS-0192a7d1',
): Sas121Document => ({
  ...sas121SecondLine,
  head: { ...sas121SecondLine.head, etpsPreentNo, rltNo: bondInvtNo },
  lines: sas121SecondLine.lines.map((line) => ({ ...line, dclQty })),
  related: [{ rltTbTypecd: '1', rltNo: bondInvtNo }],
});

/** Wine on the book (T0102W000123, 备案序号 17), as the enterprise's opening stock. */
export const wineStock = (stock: string): OpeningBookLine => ({
  bwsNo: 'T0102W000123',
  gdsSeqno: 17,
  gdsMtno: 'WINE-BDX-2019',
  gdecd: '2204210000',
  gdsNm: '葡萄酒',
  dclUnitcd: '142',
  lawfUnitcd: '095',
  dclUprcAmt: '18.5',
  dclCurrcd: '300',
  stock,
});

/** Reads receipt files as the app does: whole receipts at once, pockets reassembled. */
export function receiptReader() {
  let pockets: PocketAccumulator = emptyPocketAccumulator;
  return (xml: string): Receipt | undefined => {
    const file = parseReceiptFile(xml);
    if (!file.ok) throw new Error(`the app cannot read a sandbox receipt: ${file.reason}\n${xml}`);
    if (file.value.kind === 'receipt') return file.value.receipt;
    const added = addPocket(pockets, file.value.pocket);
    pockets = added.accumulator;
    if (added.receipt && !added.receipt.ok) throw new Error(added.receipt.reason);
    return added.receipt?.value;
  };
}

const chainImportOptions = { declare: true, operCusRegCode: '1101230ABC' } as const;

/** A 保税展示交易 form for the wine of book line 17, in the euro customs knows (300), valid through 2025. */
export const displayForm = (etpsPreentNo = 'ZB-DCL-1', dclQty = '600'): Sas101Document => ({
  ...sas101Exhibition,
  head: { ...sas101Exhibition.head, etpsPreentNo, validTime: '20251231' },
  lines: sas101Exhibition.lines.map((line) => ({ ...line, dclCurrcd: '300', dclQty })),
});

/** An 出入库单 under the form customs numbered `sasDclNo`: `dclQty` bottles of wine out (E) or back (I). */
export const displaySlip = (
  sasDclNo: string,
  stockTypecd: 'I' | 'E',
  dclQty: string,
  etpsPreentNo = `ZB-STK-${stockTypecd}`,
): Sas111Document => ({
  ...sas111ExhibitOut,
  head: { ...sas111ExhibitOut.head, etpsPreentNo, sasDclNo, stockTypecd, areainOriactNo: 'T0102W000123' },
  lines: sas111ExhibitOut.lines.map((line) => ({ ...line, dclCurrcd: '300', dclQty })),
});

/** The gate pass of a slip customs numbered `sasStockNo` (关联单证类型 2). */
export const slipPass = (
  sasStockNo: string,
  ie: 'I' | 'E',
  dclQty: string,
  etpsPreentNo = 'ZB-PASS-S',
): Sas121Document => ({
  ...sas121SecondLine,
  head: {
    ...sas121SecondLine.head,
    etpsPreentNo,
    ioTypecd: ie,
    passportTypecd: '4',
    rltTbTypecd: '2',
    rltNo: sasStockNo,
  },
  lines: sas121SecondLine.lines.map((line) => ({ ...line, dclQty })),
  related: [{ rltTbTypecd: '2', rltNo: sasStockNo }],
});

export const sas101Xml = (document: Sas101Document, messageId = 'MSG-F') =>
  renderSas101ImportForm(document, envelope(messageId), chainImportOptions);
export const sas111Xml = (document: Sas111Document, messageId = 'MSG-S') =>
  renderSas111ImportForm(document, envelope(messageId), chainImportOptions);
