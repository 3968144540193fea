import { hsExamplesTable } from '../codes';
import type { AccountBook } from '../domain/account-book';
import type { BookLine } from '../domain/book-line';
import { customsDateOf } from '../domain/customs-date';
import { addDecimal, compareDecimal, type DecimalString } from '../domain/decimal';
import { sccdCheckCharacter, type Enterprise } from '../domain/enterprise';
import type { Location } from '../domain/location';
import {
  checkPostingAllowed,
  kinds,
  Movement,
  postMovement,
  reverseMovement,
  zoneAccount,
  type LedgerAccount,
  type MovementKind,
} from '../ledger';
import { seededRandom, seededUuidv7, type Random } from './random';

export interface DemoOptions {
  seed?: number;
  lines?: number;
  movements?: number;
  /** The first movement's time; later ones follow every few minutes. */
  start?: string;
}

export interface DemoDataset {
  enterprise: Enterprise;
  book: AccountBook;
  locations: Location[];
  bookLines: BookLine[];
  /** In posting order; every one passes the Movement schema and the posting check at its turn. */
  movements: Movement[];
}

function withCheckCharacter(first17: string): string {
  const check = sccdCheckCharacter(first17);
  if (!check) throw new Error(`"${first17}" holds a character a credit code may not`);
  return first17 + check;
}

const origins = ['116', '133', '304', '502', '305', '303'];
const counterparties = [
  { name: '北京京东世纪贸易有限公司', sccd: withCheckCharacter('91110302562134916'), etpsno: '1101960AAA' },
  { name: '北京中关村芯片设计有限公司', sccd: withCheckCharacter('91110108MA01XY123'), etpsno: '1101910BBB' },
];
const otherBook = { name: '北京大兴机场综保区某物流公司', putrecNo: 'T0101W000888' };

function demoEnterprise(random: Random): Enterprise {
  return {
    id: seededUuidv7(random, Date.UTC(2024, 0, 1)),
    name: '北京天竺综保区示范供应链管理有限公司',
    sccd: withCheckCharacter('91110113MA01DEM70'),
    etpsno: '1101230DEM',
    aeoLevel: 'advanced',
  };
}

function demoBook(random: Random, enterprise: Enterprise): AccountBook {
  return {
    id: seededUuidv7(random, Date.UTC(2024, 0, 1)),
    putrecNo: 'T0101W000123',
    bwlTypecd: 'Z',
    masterCuscd: '0101',
    ownerEnterpriseId: enterprise.id,
    name: '天竺综保区物流账册',
    validFrom: '20240101',
    finishValidDate: '20351231',
  };
}

function demoLocations(random: Random, book: AccountBook): Location[] {
  const codes = ['A-01-01', 'A-01-02', 'A-02-01', 'B-01-01', 'B-02-03', 'C-COLD-01'];
  return codes.map((code) => ({
    id: seededUuidv7(random, Date.UTC(2024, 0, 1)),
    bookId: book.id,
    code,
    name: code.startsWith('C') ? `冷库 ${code}` : `货架 ${code}`,
  }));
}

function demoBookLines(random: Random, book: AccountBook, count: number): BookLine[] {
  const examples = hsExamplesTable.rows;
  return Array.from({ length: count }, (_, index) => {
    const example = examples[index % examples.length]!;
    const round = Math.floor(index / examples.length);
    const unit = example.unit1Code ?? '035';
    const second = example.unit2Code && example.unit2Code !== unit ? example.unit2Code : undefined;
    return {
      id: seededUuidv7(random, Date.UTC(2024, 0, 2)),
      bookId: book.id,
      gdsSeqno: index + 1,
      gdsMtno: `ZB${example.code.slice(0, 4)}-${String(index + 1).padStart(5, '0')}`,
      gdecd: example.code,
      gdsNm: example.nameZh,
      // Declaration elements (品牌类型|出口享惠情况|…), as customs asks for them: 0 = no brand, no preference.
      gdsSpcfModelDesc: `0|0|${example.nameEn}${round ? `|型号 ${round}` : ''}`,
      dclUnitcd: unit,
      lawfUnitcd: unit,
      fstSfVal: '1',
      ...(second && { secdLawfUnitcd: second, secdSfVal: `0.${random.int(1, 9)}` }),
      natcd: random.pick(origins),
      dclCurrcd: random.chance(0.8) ? '502' : '142',
      dclUprcAmt: `${random.int(1, 5000)}.${String(random.int(0, 9999)).padStart(4, '0')}`,
      barcode: `69${String(100000000000 + index * 7919).slice(0, 11)}`,
    };
  });
}

/** Kinds in the mix, weighted by how often a zone warehouse meets them. */
const weights: [MovementKind, number][] = [
  ['entryFromAbroad', 14],
  ['entryFromDomestic', 3],
  ['relocate', 8],
  ['exitAbroad', 5],
  ['releaseDomestic', 6],
  ['transferOutInZone', 2],
  ['transferInInZone', 2],
  ['transferOutBetweenZones', 2],
  ['transferDeliveredBetweenZones', 2],
  ['transferInBetweenZones', 1],
  ['distributeOut', 3],
  ['processingOut', 2],
  ['processingReturn', 2],
  ['displayOut', 2],
  ['displayReturn', 2],
  ['displaySale', 1],
  ['scrap', 1],
  ['stocktakeAdjustment', 1],
  ['reversal', 1],
];

/**
 * A realistic demo: a Tianzhu comprehensive-bonded-zone enterprise, its logistics book, book lines with
 * real HS codes and units, and movements mixing every kind, each valid at its turn (no stock goes below
 * zero, reversals mirror a movement not yet reversed). The same seed gives the same dataset.
 */
export function generateDemoDataset(options: DemoOptions = {}): DemoDataset {
  const random = seededRandom(options.seed ?? 1);
  const lineCount = Math.max(1, options.lines ?? 60);
  const movementCount = Math.max(0, options.movements ?? 200);
  const enterprise = demoEnterprise(random);
  const book = demoBook(random, enterprise);
  const locations = demoLocations(random, book);
  const bookLines = demoBookLines(random, book, lineCount);
  const startMs = Date.parse(options.start ?? '2025-01-06T01:00:00Z');
  const stepMs = Math.max(
    1_000,
    Math.min(5 * 60_000, Math.floor((9 * 365 * 86_400_000) / Math.max(1, movementCount))),
  );
  const balances = new Map<string, DecimalString>();
  const balance = (lineId: string, account: LedgerAccount) => balances.get(`${lineId}|${account}`) ?? '0';
  const movements: Movement[] = [];
  const reversible: Movement[] = [];
  const reversed = new Set<string>();
  const total = weights.reduce((sum, [, w]) => sum + w, 0);
  const unseen = new Set<MovementKind>(weights.map(([kind]) => kind));
  // Stock comes in first; then kinds not met yet are favoured, so even a short demo shows every kind.
  const nextKind = (index: number): MovementKind => {
    if (index < 2 * lineCount) return 'entryFromAbroad';
    if (unseen.size && random.chance(0.5)) return random.pick([...unseen]);
    let roll = random.int(1, total);
    for (const [kind, weight] of weights) if ((roll -= weight) <= 0) return kind;
    return 'entryFromAbroad';
  };

  for (let index = 0; movements.length < movementCount && index < movementCount * 20; index++) {
    const occurredAt = new Date(startMs + movements.length * stepMs).toISOString();
    const draft = draftMovement(nextKind(index), occurredAt);
    if (!draft) continue;
    // Parsing gives the canonical spelling of every quantity, which the journal's hash relies on.
    const parsed = Movement.safeParse(draft);
    if (!parsed.success)
      throw new Error(`Demo movement ${draft.id} is invalid: ${parsed.error.issues[0]?.message}`);
    const movement = parsed.data;
    const postings = postMovement(movement);
    if (checkPostingAllowed(postings, balance).length) continue;
    for (const p of postings)
      balances.set(`${p.bookLineId}|${p.account}`, addDecimal(balance(p.bookLineId, p.account), p.qty));
    movements.push(movement);
    unseen.delete(movement.kind);
    if (movement.kind === 'reversal') reversed.add(movement.reversalOf ?? '');
    else reversible.push(movement);
  }
  return { enterprise, book, locations, bookLines, movements };

  function draftMovement(kind: MovementKind, occurredAt: string): Movement | null {
    const id = seededUuidv7(random, Date.parse(occurredAt));
    const base = { id, bookId: book.id, occurredAt, customsDate: customsDateOf(occurredAt) };
    if (kind === 'reversal') {
      const candidates = reversible.slice(-20).filter((m) => !reversed.has(m.id));
      if (!candidates.length) return null;
      const original = random.pick(candidates);
      return reverseMovement(original, {
        id,
        occurredAt,
        reason: '录入错误，冲销',
        ...(kinds[original.kind].approval && { approval: { by: '王主管', at: occurredAt } }),
      });
    }
    const rule = kinds[kind];
    const line = random.pick(bookLines);
    const from = rule.from === 'zone' ? stockedLocation(line.id) : undefined;
    if (rule.from === 'zone' && !from) return null;
    const available =
      rule.from === 'zone'
        ? balance(line.id, zoneAccount(from!))
        : rule.from === 'display' || rule.from === 'transit' || rule.from === 'processing'
          ? balance(line.id, rule.from)
          : null;
    if (available !== null && compareDecimal(available, '1') < 0) return null;
    const qty = quantity(available);
    const to = rule.to === 'zone' ? random.pick(locations.filter((l) => l.id !== from)).id : undefined;
    return {
      ...base,
      kind,
      lines: [
        {
          bookLineId: line.id,
          qty,
          ...(from !== undefined && { fromLocationId: from }),
          ...(to !== undefined && { toLocationId: to }),
        },
      ],
      ...(rule.counterparty === 'enterprise' && { counterparty: random.pick(counterparties) }),
      ...(rule.counterparty === 'book' && { counterparty: otherBook }),
      ...(rule.needsPurpose && { purpose: random.pick(['processing', 'repair', 'testing'] as const) }),
      ...(rule.approval && { approval: { by: '王主管', at: occurredAt } }),
      ...(random.chance(0.2) && { note: '演示数据' }),
    };
  }

  function stockedLocation(lineId: string): string | undefined {
    const stocked = locations.filter((l) => compareDecimal(balance(lineId, zoneAccount(l.id)), '1') >= 0);
    return stocked.length ? random.pick(stocked).id : undefined;
  }

  /** Whole numbers mostly, sometimes with decimals, never more than what is there to take. */
  function quantity(available: DecimalString | null): DecimalString {
    const wholeAvailable = available === null ? 500 : Number.parseInt(available.split('.')[0] ?? '0', 10);
    const cap = Math.max(1, Math.min(500, wholeAvailable));
    const whole = random.int(1, cap);
    if (available === null && random.chance(0.25)) return `${whole}.${random.int(1, 99)}`;
    return String(whole);
  }
}
