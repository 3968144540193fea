import type { AccountBook } from '../../domain/account-book';
import type { BookLine } from '../../domain/book-line';
import type { Enterprise } from '../../domain/enterprise';
import { kinds, type KindRule, type Movement, type MovementKind } from '../../ledger';
import type { DeclarationSettings } from './policy';

/** 中国 in the numeric country table: the other side of every movement that does not cross the first line. */
const CHINA = '142';

/** The party a 关联报关 generates the declaration for, or the enterprise of a 对应报关. */
export interface Party {
  readonly sccd: string;
  readonly etpsno: string;
  readonly name: string;
}

/**
 * Everything on a list's head that follows from one movement. Movements whose facts are equal may share
 * a list; the key of these facts is the grouping key, so a list never mixes two answers to any of them.
 */
export interface ListFacts {
  readonly bookId: string;
  readonly ie: 'I' | 'E';
  readonly supvModecd: string;
  readonly bondInvtTypecd: string;
  readonly listType?: string;
  readonly dclcusFlag: '1' | '2';
  readonly dclcusTypecd?: '1' | '2';
  readonly genDecFlag: '1' | '2';
  readonly decType?: string;
  readonly trspModecd: string;
  readonly stshipTrsarvNatcd: string;
  readonly destinationNatcd: string;
  readonly lvyrlfModecd: string;
  /** 关联手(账)册编号: the other book of a transfer. */
  readonly rltPutrecNo?: string;
  /** The outside party whose declaration a 关联报关 generates. */
  readonly relatedParty?: Party;
  readonly passportTypecd?: string;
}

/**
 * 报关单类型 of the generated declaration by kind [INF]: 3/4 进境/出境备案清单 for the first line and
 * transfers between zones; for the second line the outside party's 1 进口 / 2 出口报关单.
 */
const decTypeByKind: Partial<Record<MovementKind, string>> = {
  entryFromAbroad: '3',
  exitAbroad: '4',
  releaseDomestic: '1',
  entryFromDomestic: '2',
  transferOutBetweenZones: '4',
  transferInBetweenZones: '3',
  distributeOut: '1',
  displaySale: '1',
};

/** 征免方式 [INF]: duty is paid where goods leave bond for the domestic market (1 照章征税), else 3 全免. */
const dutyPaidKinds = new Set<MovementKind>(['releaseDomestic', 'distributeOut', 'displaySale']);

export type FactsVerdict = { ok: true; facts: ListFacts } | { ok: false; reason: string };

export function listFactsOf(
  movement: Movement,
  firstLine: BookLine,
  settings: DeclarationSettings,
): FactsVerdict {
  const rule: KindRule = kinds[movement.kind];
  if (
    rule.ie === null ||
    rule.supvModecd === null ||
    rule.bondInvtTypecd === null ||
    rule.dclcusFlag === null
  )
    return { ok: false, reason: `${rule.nameEn} (${movement.kind}) has no 核注清单 facts` };
  const abroad = rule.from === 'abroad' || rule.to === 'abroad';
  // The movement records no country of departure or arrival; the goods' origin stands in for it [INF].
  const foreign = abroad ? firstLine.natcd : CHINA;
  const dclcusTypecd = rule.dclcusFlag === '1' ? (rule.dclcusTypecd ?? '2') : undefined;
  let relatedParty: Party | undefined;
  if (dclcusTypecd === '1') {
    const party = movement.counterparty;
    if (!party?.sccd || !party.etpsno)
      return {
        ok: false,
        reason: `${rule.nameEn}: 关联报关 generates the counterparty's declaration, so the counterparty needs its credit code (counterparty.sccd) and customs code (counterparty.etpsno)`,
      };
    relatedParty = { sccd: party.sccd, etpsno: party.etpsno, name: party.name };
  }
  const genDecFlag = rule.dclcusFlag === '1' ? '1' : '2';
  return {
    ok: true,
    facts: {
      bookId: movement.bookId,
      ie: rule.ie,
      supvModecd: rule.supvModecd,
      bondInvtTypecd: rule.bondInvtTypecd,
      ...(rule.listType !== null && { listType: rule.listType }),
      dclcusFlag: rule.dclcusFlag,
      ...(dclcusTypecd !== undefined && { dclcusTypecd }),
      genDecFlag,
      ...(genDecFlag === '1' && { decType: decTypeByKind[movement.kind] ?? (rule.ie === 'I' ? '3' : '4') }),
      trspModecd: abroad ? settings.trspModecdAbroad : settings.trspModecdOther,
      stshipTrsarvNatcd: foreign,
      destinationNatcd: rule.ie === 'E' ? foreign : CHINA,
      lvyrlfModecd: dutyPaidKinds.has(movement.kind) ? '1' : '3',
      ...(rule.counterparty === 'book' &&
        movement.counterparty?.putrecNo !== undefined && { rltPutrecNo: movement.counterparty.putrecNo }),
      ...(relatedParty && { relatedParty }),
      // A transfer between zones passes the gate without a settled pass type; 3 二线进出区 stands in [INF].
      ...(rule.gatePass && { passportTypecd: rule.passportTypecd ?? '3' }),
    },
  };
}

/** The grouping key: equal facts (in a fixed field order), so equal keys mean the same list head. */
export function factsKey(facts: ListFacts): string {
  return JSON.stringify([
    facts.bookId,
    facts.ie,
    facts.supvModecd,
    facts.bondInvtTypecd,
    facts.listType ?? '',
    facts.dclcusFlag,
    facts.dclcusTypecd ?? '',
    facts.decType ?? '',
    facts.trspModecd,
    facts.stshipTrsarvNatcd,
    facts.lvyrlfModecd,
    facts.rltPutrecNo ?? '',
    facts.relatedParty ? [facts.relatedParty.sccd, facts.relatedParty.etpsno, facts.relatedParty.name] : '',
    facts.passportTypecd ?? '',
  ]);
}

/** The master data a document of one book draws on. */
export interface BookContext {
  readonly book: AccountBook;
  readonly owner: Enterprise;
}
