import { isKnownCode, levyModesTable, transportModesTable } from '../../../shared/codes';
import {
  isKnownCountry,
  isKnownCurrency,
  isKnownSupervisionMode,
  isKnownUnit,
} from '../../../shared/codes/lookups';
import type { Inv101Document } from '../../../shared/customs/model/inv101';
import { addDecimal, compareDecimal, subtractDecimal } from '../../../shared/domain/decimal';
import {
  availableOf,
  bookKey,
  emptyBookLine,
  nextGdsSeqno,
  stockOf,
  type SandboxBook,
  type SandboxBookLine,
} from './sandbox-book';
import type { LineLink } from './sandbox-state';

/**
 * Customs' check of a 核注清单 before approval: codes it knows, 规格型号 written as declaration elements,
 * lines that match its book, and no posting below zero — an E list may take from a book line only what
 * its stock holds beyond what other approved lists already reserved. Each reason names the line and says
 * what to change, in the words of a 退单.
 */
export interface ListReview {
  readonly reasons: readonly string[];
  /** The claims to reserve when approved. */
  readonly links: readonly LineLink[];
  /** Book lines the list adds (I lists for goods the book does not hold yet). */
  readonly newLines: readonly SandboxBookLine[];
}

const codeChecks = (document: Inv101Document): string[] => {
  const { head, lines } = document;
  const reasons: string[] = [];
  const check = (known: boolean, where: string, text: string) => {
    if (!known) reasons.push(`${where}：${text}`);
  };
  check(
    isKnownSupervisionMode(head.supvModecd),
    '表头',
    `监管方式 ${head.supvModecd} 不存在 (unknown supvModecd)`,
  );
  check(
    isKnownCode(transportModesTable, head.trspModecd),
    '表头',
    `运输方式 ${head.trspModecd} 不存在 (unknown trspModecd)`,
  );
  check(
    isKnownCountry(head.stshipTrsarvNatcd),
    '表头',
    `起运/运抵国 ${head.stshipTrsarvNatcd} 不存在 (unknown stshipTrsarvNatcd)`,
  );
  for (const line of lines) {
    const where = `第${line.gdsSeqno}项(${line.gdsMtno})`;
    for (const [field, code] of [
      ['dclUnitcd', line.dclUnitcd],
      ['lawfUnitcd', line.lawfUnitcd],
      ['secdLawfUnitcd', line.secdLawfUnitcd],
    ] as const)
      if (code !== undefined) check(isKnownUnit(code), where, `计量单位 ${code} 不存在 (unknown ${field})`);
    check(isKnownCurrency(line.dclCurrcd), where, `币制 ${line.dclCurrcd} 不存在 (unknown dclCurrcd)`);
    check(isKnownCountry(line.natcd), where, `原产国 ${line.natcd} 不存在 (unknown natcd)`);
    check(
      isKnownCountry(line.destinationNatcd),
      where,
      `最终目的国 ${line.destinationNatcd} 不存在 (unknown destinationNatcd)`,
    );
    check(
      isKnownCode(levyModesTable, line.lvyrlfModecd),
      where,
      `征免方式 ${line.lvyrlfModecd} 不存在 (unknown lvyrlfModecd)`,
    );
  }
  return reasons;
};

/**
 * The fewest "|"-separated elements a 规格型号 must carry. Customs wants the 申报要素 of the line's HS code
 * (品牌类型|出口享惠情况|品牌|型号|…, a list per code); the sandbox does not model those lists and asks
 * only for the shape every one of them has: two or more non-empty elements.
 */
const minDeclarationElements = 2;

/** Whether a 规格型号 is written as declaration elements at all (see minDeclarationElements). */
const carriesDeclarationElements = (spec: string): boolean =>
  spec.split('|').filter((element) => element.trim() !== '').length >= minDeclarationElements;

/** One 退单 reason per line whose 规格型号 is a free description rather than the declaration elements. */
const declarationElementChecks = (document: Inv101Document): string[] =>
  document.lines
    .filter((line) => !carriesDeclarationElements(line.gdsSpcfModelDesc))
    .map((line) => {
      const bookLine = line.putrecSeqno === undefined ? '新增料件' : `备案序号 ${line.putrecSeqno}`;
      return (
        `第${line.gdsSeqno}项(${line.gdsMtno}，${bookLine})：规格型号“${line.gdsSpcfModelDesc}”未按申报要素申报，` +
        `应以“|”分隔填报品牌类型、出口享惠情况、品牌、型号等要素，请修改规格型号后重新申报` +
        ` (gdsSpcfModelDesc lacks the declaration elements: give at least ${minDeclarationElements}, separated by "|")`
      );
    });

export function reviewList(document: Inv101Document, book: SandboxBook, now: string): ListReview {
  const { head, lines } = document;
  const ie = head.impexpMarkcd;
  const reasons = [...codeChecks(document), ...declarationElementChecks(document)];
  const links: LineLink[] = [];
  const newLines = new Map<string, SandboxBookLine>();
  let nextSeqno = nextGdsSeqno(book, head.putrecNo);

  for (const line of lines) {
    const where = `第${line.gdsSeqno}项(${line.gdsMtno})`;
    const link = (gdsSeqno: number) =>
      links.push({
        listGdsSeqno: line.gdsSeqno,
        bookKey: bookKey(head.putrecNo, gdsSeqno),
        qty: line.dclQty,
        lawfQty: line.lawfQty,
      });
    const seqno = line.putrecSeqno;
    const existing =
      seqno === undefined
        ? undefined
        : (book[bookKey(head.putrecNo, seqno)] ?? newLines.get(bookKey(head.putrecNo, seqno)));
    if (existing) {
      if (existing.gdsMtno !== line.gdsMtno)
        reasons.push(
          `${where}：料号与账册 ${head.putrecNo} 备案序号 ${seqno} 的料号 ${existing.gdsMtno} 不一致 (gdsMtno differs from the book line)`,
        );
      else if (existing.dclUnitcd !== line.dclUnitcd)
        reasons.push(
          `${where}：申报计量单位 ${line.dclUnitcd} 与底账 ${existing.dclUnitcd} 不一致 (dclUnitcd differs from the book line)`,
        );
      else link(existing.gdsSeqno);
      continue;
    }
    if (ie === 'E') {
      reasons.push(
        seqno === undefined
          ? `${where}：出区清单必须填写备案序号 (putrecSeqno is required on an E list)`
          : `${where}：账册 ${head.putrecNo} 无备案序号 ${seqno} (no such book line)`,
      );
      continue;
    }
    const gdsSeqno = seqno ?? nextSeqno++;
    newLines.set(
      bookKey(head.putrecNo, gdsSeqno),
      emptyBookLine({ ...line, bwsNo: head.putrecNo, gdsSeqno }, now, true),
    );
    link(gdsSeqno);
  }

  if (ie === 'E') reasons.push(...shortfalls(document, links, book));
  return { reasons, links, newLines: [...newLines.values()] };
}

/** One reason per book line an E list would take below zero, with the figures to fix it by. */
function shortfalls(document: Inv101Document, links: readonly LineLink[], book: SandboxBook): string[] {
  const byBookLine = new Map<string, LineLink[]>();
  for (const link of links) byBookLine.set(link.bookKey, [...(byBookLine.get(link.bookKey) ?? []), link]);
  const reasons: string[] = [];
  for (const [key, claims] of byBookLine) {
    const line = book[key];
    if (!line) continue;
    const wanted = claims.reduce((sum, claim) => addDecimal(sum, claim.qty), '0');
    const available = availableOf(line);
    if (compareDecimal(wanted, available) <= 0) continue;
    const listLines = claims.map((claim) => `第${claim.listGdsSeqno}项`).join('、');
    reasons.push(
      `${listLines}(料号 ${line.gdsMtno}，账册 ${line.bwsNo} 备案序号 ${line.gdsSeqno})：申报出区数量 ${wanted} 超过底账可用余量 ${available}` +
        `（库存 ${stockOf(line)}，已预核扣 ${line.prevdRedcQty}），短少 ${subtractDecimal(wanted, available)}` +
        ` (book stock short by ${subtractDecimal(wanted, available)}; reduce the quantity or post the goods in first)`,
    );
  }
  return reasons;
}
