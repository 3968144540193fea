import type { BookLine } from '../../domain/book-line';
import { lawfQtyOf, secdLawfQtyOf } from '../../domain/book-line';
import { multiplyDecimal, sumDecimals, TOTAL_DECIMALS, type DecimalString } from '../../domain/decimal';
import type { Inv101Document, Inv101Line } from '../model/inv101';
import type { BookContext, ListFacts } from './customs-facts';

/** The quantity of one book line that a list declares, and the movements it adds up. */
export interface MergedLine {
  readonly bookLine: BookLine;
  readonly qty: DecimalString;
}

/**
 * Merges movement lines by book line (备案序号): one list line per book line, its quantity the exact
 * decimal sum. Lines follow the book's order (gdsSeqno), as officers read them.
 */
export function mergeLines(
  parts: ReadonlyArray<{ readonly bookLine: BookLine; readonly qty: DecimalString }>,
): MergedLine[] {
  const byId = new Map<string, { bookLine: BookLine; qtys: DecimalString[] }>();
  for (const part of parts) {
    const held = byId.get(part.bookLine.id) ?? { bookLine: part.bookLine, qtys: [] };
    held.qtys.push(part.qty);
    byId.set(part.bookLine.id, held);
  }
  return [...byId.values()]
    .map(({ bookLine, qtys }) => ({ bookLine, qty: sumDecimals(qtys) }))
    .sort((a, b) => a.bookLine.gdsSeqno - b.bookLine.gdsSeqno);
}

/**
 * What every declared line says of its goods, taken from the book line: item, HS code, name, model,
 * units and the quantities in each (legal ones converted), price, amount, currency and origin.
 */
export function declaredGoodsOf({ bookLine, qty }: MergedLine) {
  const secdLawfQty = secdLawfQtyOf(bookLine, qty);
  return {
    gdsMtno: bookLine.gdsMtno,
    gdecd: bookLine.gdecd,
    gdsNm: bookLine.gdsNm,
    gdsSpcfModelDesc: bookLine.gdsSpcfModelDesc,
    dclUnitcd: bookLine.dclUnitcd,
    lawfUnitcd: bookLine.lawfUnitcd,
    ...(bookLine.secdLawfUnitcd !== undefined &&
      secdLawfQty !== undefined && { secdLawfUnitcd: bookLine.secdLawfUnitcd, secdLawfQty }),
    dclQty: qty,
    lawfQty: lawfQtyOf(bookLine, qty),
    dclUprcAmt: bookLine.dclUprcAmt,
    dclTotalAmt: multiplyDecimal(qty, bookLine.dclUprcAmt, TOTAL_DECIMALS),
    dclCurrcd: bookLine.dclCurrcd,
    natcd: bookLine.natcd,
  };
}

function listLine(merged: MergedLine, index: number, facts: ListFacts): Inv101Line {
  return {
    gdsSeqno: index + 1,
    entryGdsSeqno: index + 1,
    putrecSeqno: merged.bookLine.gdsSeqno,
    ...declaredGoodsOf(merged),
    destinationNatcd: facts.destinationNatcd,
    lvyrlfModecd: facts.lvyrlfModecd as Inv101Line['lvyrlfModecd'],
    clyMarkcd: '0',
    modfMarkcd: '0',
  };
}

export interface ListRequest {
  readonly etpsInnerInvtNo: string;
  readonly facts: ListFacts;
  readonly context: BookContext;
  readonly lines: readonly MergedLine[];
  readonly customsDate: string;
  readonly mtpckEndprdMarkcd: 'I' | 'E';
  readonly icCardNo?: string;
  readonly rmk?: string;
}

/** A first filing (dclTypecd 1, chgTmsCnt 0) of a 核注清单; the zone enterprise declares its own list. */
export function buildList(request: ListRequest): Inv101Document {
  const { facts, context } = request;
  const owner = context.owner;
  const party = facts.relatedParty;
  return {
    kind: 'INV101',
    head: {
      etpsInnerInvtNo: request.etpsInnerInvtNo,
      chgTmsCnt: 0,
      putrecNo: context.book.putrecNo,
      dclTypecd: '1',
      bondInvtTypecd: facts.bondInvtTypecd as Inv101Document['head']['bondInvtTypecd'],
      ...(facts.listType !== undefined && { listType: facts.listType as 'A' | 'B' | 'C' | 'D' | 'E' }),
      bizopEtpsSccd: owner.sccd,
      bizopEtpsno: owner.etpsno,
      bizopEtpsNm: owner.name,
      rvsngdEtpsSccd: owner.sccd,
      rcvgdEtpsno: owner.etpsno,
      rcvgdEtpsNm: owner.name,
      dclEtpsSccd: owner.sccd,
      dclEtpsno: owner.etpsno,
      dclEtpsNm: owner.name,
      inputCreditCode: owner.sccd,
      inputCode: owner.etpsno,
      inputName: owner.name,
      inputTime: request.customsDate,
      invtDclTime: request.customsDate,
      impexpMarkcd: facts.ie,
      mtpckEndprdMarkcd: request.mtpckEndprdMarkcd,
      supvModecd: facts.supvModecd,
      trspModecd: facts.trspModecd,
      impexpPortcd: context.book.masterCuscd,
      dclPlcCuscd: context.book.masterCuscd,
      stshipTrsarvNatcd: facts.stshipTrsarvNatcd,
      dclcusFlag: facts.dclcusFlag,
      genDecFlag: facts.genDecFlag,
      ...(facts.decType !== undefined && { decType: facts.decType }),
      ...(facts.dclcusTypecd !== undefined && { dclcusTypecd: facts.dclcusTypecd }),
      // 对应报关: the zone enterprise declares the corresponding declaration itself.
      ...(facts.dclcusTypecd === '2' && {
        corrEntryDclEtpsSccd: owner.sccd,
        corrEntryDclEtpsNo: owner.etpsno,
        corrEntryDclEtpsNm: owner.name,
      }),
      ...(facts.rltPutrecNo !== undefined && { rltPutrecNo: facts.rltPutrecNo }),
      ...(party && {
        rltEntryBizopEtpsSccd: party.sccd,
        rltEntryBizopEtpsno: party.etpsno,
        rltEntryBizopEtpsNm: party.name,
        rltEntryRvsngdEtpsSccd: party.sccd,
        rltEntryRcvgdEtpsno: party.etpsno,
        rltEntryRcvgdEtpsNm: party.name,
        rltEntryDclEtpsSccd: party.sccd,
        rltEntryDclEtpsno: party.etpsno,
        rltEntryDclEtpsNm: party.name,
      }),
      ...(request.icCardNo !== undefined && { icCardNo: request.icCardNo }),
      ...(request.rmk !== undefined && { rmk: request.rmk }),
    },
    lines: request.lines.map((line, index) => listLine(line, index, facts)),
    centralStocks: [],
  };
}
