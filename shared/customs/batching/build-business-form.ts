import type { BookLine } from '../../domain/book-line';
import { multiplyDecimal, TOTAL_DECIMALS } from '../../domain/decimal';
import type { Sas101Document } from '../model/sas101';
import type { MergedLine } from './build-list';
import type { BookContext } from './customs-facts';
import type { FormParty } from './form-key';

export interface BusinessFormRequest {
  readonly etpsPreentNo: string;
  readonly context: BookContext;
  readonly businessTypecd: string;
  readonly party: FormParty;
  /** 货物流向: E when goods leave the zone under the form, I for a form that only takes goods back. */
  readonly directionTypecd: 'I' | 'E';
  /** The book lines and quantities the form authorises. */
  readonly lines: readonly MergedLine[];
  readonly validTime: string;
  readonly mtpckEndprdTypecd: 'I' | 'E';
  readonly dclEr: string;
  readonly dclTime: string;
}

/**
 * A first filing (dclTypecd 1, chgTmsCnt 0) of a 业务申报表: the zone enterprise asks customs to let the
 * listed goods of its book leave for processing, repair, testing or display, up to the listed quantities,
 * until validTime. For processing, repair and testing the processor is the 区外企业; for display the place
 * is the 展示地 (customs-domain.md §1.6).
 */
export function buildBusinessForm(request: BusinessFormRequest): Sas101Document {
  const { context, party } = request;
  const owner = context.owner;
  return {
    kind: 'SAS101',
    head: {
      etpsPreentNo: request.etpsPreentNo,
      chgTmsCnt: 0,
      masterCuscd: context.book.masterCuscd,
      dclTypecd: '1',
      businessTypecd: request.businessTypecd as Sas101Document['head']['businessTypecd'],
      directionTypecd: request.directionTypecd,
      areainOriactNo: context.book.putrecNo,
      areainEtpsSccd: owner.sccd,
      areainEtpsno: owner.etpsno,
      areainEtpsNm: owner.name,
      ...(party.kind === 'enterprise' && {
        areaoutEtpsSccd: party.sccd,
        areaoutEtpsno: party.etpsno,
        areaoutEtpsNm: party.name,
      }),
      ...(party.kind === 'site' && { exhibitionPlace: party.exhibitionPlace }),
      validTime: request.validTime,
      dclEr: request.dclEr,
      dclTime: request.dclTime,
    },
    lines: request.lines.map(({ bookLine, qty }, index) => formLine(bookLine, qty, index, request)),
  };
}

function formLine(
  bookLine: BookLine,
  qty: string,
  index: number,
  request: BusinessFormRequest,
): Sas101Document['lines'][number] {
  return {
    sasDclSeqno: index + 1,
    oriactGdsSeqno: bookLine.gdsSeqno,
    mtpckEndprdTypecd: request.mtpckEndprdTypecd,
    gdecd: bookLine.gdecd,
    gdsNm: bookLine.gdsNm,
    gdsSpcfModelDesc: bookLine.gdsSpcfModelDesc,
    dclQty: qty,
    dclUnitcd: bookLine.dclUnitcd,
    dclUprcAmt: bookLine.dclUprcAmt,
    dclTotalAmt: multiplyDecimal(qty, bookLine.dclUprcAmt, TOTAL_DECIMALS),
    dclCurrcd: bookLine.dclCurrcd,
    modfMarkcd: '0',
  };
}
