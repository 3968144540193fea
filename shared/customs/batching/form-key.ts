import { kinds, businessTypecdOf, type Movement } from '../../ledger';
import type { Sas101Document } from '../model/sas101';
import type { DeclarationSettings } from './policy';

/**
 * Who or where goods go under a 业务申报表: the processor (区外企业, areaoutEtps*) for processing, repair
 * and testing; the display site (展示地, exhibitionPlace) for 保税展示交易.
 */
export type FormParty =
  | { readonly kind: 'enterprise'; readonly sccd: string; readonly etpsno: string; readonly name: string }
  | { readonly kind: 'site'; readonly exhibitionPlace: string };

/** What makes two movements belong under the same 业务申报表: book, business type, and party or site. */
export interface FormKey {
  readonly bookId: string;
  readonly businessTypecd: string;
  readonly party: FormParty;
}

export type FormKeyVerdict =
  { ok: true; key: FormKey } | { ok: false; missing: 'purpose' | 'counterparty'; reason: string };

/**
 * The kinds declared by 出入库单 under a 业务申报表 rather than by a 核注清单 of their own: goods that leave
 * the zone but stay on the book (outward processing, repair, testing, display) and come back.
 */
export const isBusinessChainKind = (movement: Pick<Movement, 'kind'>): boolean => {
  const rule = kinds[movement.kind];
  return rule.declare && (rule.documents as readonly string[]).includes('SAS111') && !rule.collective;
};

/** The display site of a movement: the counterparty named on it (the venue), else the settings' default. */
export const exhibitionPlaceOf = (movement: Movement, settings: DeclarationSettings): string =>
  movement.counterparty?.name ?? settings.exhibitionPlace;

export function formKeyOfMovement(movement: Movement, settings: DeclarationSettings): FormKeyVerdict {
  const rule = kinds[movement.kind];
  const businessTypecd = businessTypecdOf(movement);
  if (businessTypecd === null)
    return {
      ok: false,
      missing: 'purpose',
      reason: `${rule.nameEn}: its purpose (processing, repair or testing) decides the 业务申报表's business type, and none is recorded`,
    };
  if (businessTypecd === 'C')
    return {
      ok: true,
      key: {
        bookId: movement.bookId,
        businessTypecd,
        party: { kind: 'site', exhibitionPlace: exhibitionPlaceOf(movement, settings) },
      },
    };
  const party = movement.counterparty;
  if (!party?.sccd || !party.etpsno)
    return {
      ok: false,
      missing: 'counterparty',
      reason: `${rule.nameEn}: the 业务申报表 names the processor as 区外企业, so the counterparty needs its credit code (counterparty.sccd) and customs code (counterparty.etpsno)`,
    };
  return {
    ok: true,
    key: {
      bookId: movement.bookId,
      businessTypecd,
      party: { kind: 'enterprise', sccd: party.sccd, etpsno: party.etpsno, name: party.name },
    },
  };
}

/** The key of a form already declared, read back from its head, so it matches formKeyOfMovement's. */
export function formKeyOfDocument(bookId: string, form: Sas101Document): FormKey {
  const { head } = form;
  const party: FormParty =
    head.businessTypecd === 'C'
      ? { kind: 'site', exhibitionPlace: head.exhibitionPlace ?? '' }
      : {
          kind: 'enterprise',
          sccd: head.areaoutEtpsSccd ?? '',
          etpsno: head.areaoutEtpsno ?? '',
          name: head.areaoutEtpsNm ?? '',
        };
  return { bookId, businessTypecd: head.businessTypecd, party };
}

/** Equal keys give equal texts (fixed field order), so the text is the grouping key. */
export const formKeyText = (key: FormKey): string =>
  JSON.stringify([
    key.bookId,
    key.businessTypecd,
    key.party.kind === 'site'
      ? ['site', key.party.exhibitionPlace]
      : ['enterprise', key.party.sccd, key.party.etpsno, key.party.name],
  ]);

/** Words for a key, for hold reasons: 外发加工 (B) with 某公司, 保税展示交易 (C) at 某展馆. */
export const formKeyWords = (key: FormKey): string =>
  key.party.kind === 'site'
    ? `business type ${key.businessTypecd} at ${key.party.exhibitionPlace}`
    : `business type ${key.businessTypecd} with ${key.party.name}`;
