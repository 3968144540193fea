import { sumDecimals } from '../../domain/decimal';
import type { Sas101Document } from '../model/sas101';
import type { Sas111Document, Sas111Line } from '../model/sas111';
import { declaredGoodsOf, type MergedLine } from './build-list';
import { weightOf } from './build-pass';
import type { BookContext } from './customs-facts';
import type { DeclarationSettings, UnitWeight } from './policy';

export interface StockSlipRequest {
  readonly etpsPreentNo: string;
  readonly context: BookContext;
  /** The approved 业务申报表 the slip draws on: its number and its lines. */
  readonly form: Sas101Document;
  readonly sasDclNo: string;
  /** I 进区 (back from processing or display) / E 出区. */
  readonly stockTypecd: 'I' | 'E';
  readonly lines: readonly MergedLine[];
  readonly weights: (gdsMtno: string) => UnitWeight | undefined;
  readonly settings: DeclarationSettings;
  readonly dclTime: string;
}

/**
 * A first filing of a 出入库单 (SAS111) under an approved 业务申报表: one slip line per book line, each
 * naming the form line (sasDclSeqno) that authorises it. Goods under a slip stay bonded and on the book,
 * so every line is 3 全免 [INF]; weights come from the item master or the settings' default, as on a pass.
 */
export function buildStockSlip(request: StockSlipRequest): Sas111Document {
  const { context, form, settings } = request;
  const owner = context.owner;
  const formLineOf = new Map(form.lines.map((line) => [line.oriactGdsSeqno, line.sasDclSeqno]));
  const lines: Sas111Line[] = request.lines.map((merged, index) => ({
    sasStockSeqno: index + 1,
    // The batching only puts a book line on a slip when its form lists it.
    sasDclSeqno: formLineOf.get(merged.bookLine.gdsSeqno) ?? 0,
    oriactGdsSeqno: merged.bookLine.gdsSeqno,
    ...declaredGoodsOf(merged),
    ...weightOf(merged.qty, request.weights(merged.bookLine.gdsMtno), settings),
    lvyrlfModecd: '3',
    clyMarkcd: '0',
  }));
  return {
    kind: 'SAS111',
    head: {
      etpsPreentNo: request.etpsPreentNo,
      chgTmsCnt: 0,
      dclTypecd: '1',
      sasDclNo: request.sasDclNo,
      masterCuscd: context.book.masterCuscd,
      areainOriactNo: context.book.putrecNo,
      areainEtpsSccd: owner.sccd,
      areainEtpsno: owner.etpsno,
      areainEtpsNm: owner.name,
      stockTypecd: request.stockTypecd,
      businessTypecd: form.head.businessTypecd,
      dclEr: settings.dclErConc,
      dclTime: request.dclTime,
      grossWt: sumDecimals(lines.map((line) => line.grossWt ?? '0')),
      netWt: sumDecimals(lines.map((line) => line.netWt ?? '0')),
    },
    lines,
  };
}
