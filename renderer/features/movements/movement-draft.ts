import { customsDateOf, type BookLine, type FieldError, type Location } from '../../../shared/domain';
import { kinds, type MovementKind, type ProcessingPurpose } from '../../../shared/ledger';

/** A line being typed: what was scanned and the book line it resolved to, the quantity, location codes. */
export interface DraftLine {
  readonly key: string;
  readonly scan: string;
  readonly bookLine?: BookLine;
  readonly qty: string;
  readonly from: string;
  readonly to: string;
}

export interface Draft {
  readonly kind: MovementKind;
  readonly lines: readonly DraftLine[];
  readonly counterpartyName: string;
  readonly counterpartyPutrecNo: string;
  readonly purpose?: ProcessingPurpose;
  readonly approvedBy: string;
  readonly note: string;
}

/** Kinds logged with this form; a reversal is made from a movement's history, where its original is. */
export const formKinds = (Object.keys(kinds) as MovementKind[]).filter((kind) => kind !== 'reversal');

export type LineField = 'scan' | 'qty' | 'from' | 'to';
export const lineFieldKey = (index: number, field: LineField) => `lines[${index}].${field}`;

export function emptyLine(key: string, previous?: DraftLine): DraftLine {
  // A new line keeps the locations of the one before: a pallet is usually put away in one place.
  return { key, scan: '', qty: '', from: previous?.from ?? '', to: previous?.to ?? '' };
}

/** The fields of a movement of this kind, in the order Enter walks through them; the last one posts. */
export function fieldOrder(kind: MovementKind, lineCount: number): string[] {
  const rule = kinds[kind];
  const perLine: LineField[] = ['scan', 'qty'];
  if (rule.from === 'zone') perLine.push('from');
  if (rule.to === 'zone') perLine.push('to');
  const order = Array.from({ length: lineCount }, (_, index) =>
    perLine.map((f) => lineFieldKey(index, f)),
  ).flat();
  if (rule.counterparty !== 'none') order.push('counterparty.name');
  if (rule.counterparty === 'book') order.push('counterparty.putrecNo');
  if (rule.needsPurpose) order.push('purpose');
  if (rule.approval) order.push('approval.by');
  order.push('note');
  return order;
}

/** Where a schema or store error is shown: the form field it names, or undefined for the form as a whole. */
export function fieldKeyOf(errorField: string): string | undefined {
  const line = /^lines\[(\d+)\]\.(\w+)$/.exec(errorField);
  if (line) {
    const field = { bookLineId: 'scan', qty: 'qty', fromLocationId: 'from', toLocationId: 'to' }[
      line[2] ?? ''
    ];
    return field && `lines[${line[1]}].${field}`;
  }
  if (errorField === 'counterparty') return 'counterparty.name';
  if (errorField === 'approval' || errorField.startsWith('approval.')) return 'approval.by';
  return ['counterparty.name', 'counterparty.putrecNo', 'purpose', 'note'].includes(errorField)
    ? errorField
    : undefined;
}

export interface LocationLookup {
  /** The location of a typed code, exact or the only one it begins; else why not. */
  (typed: string): { location: Location } | { error: string };
}

/**
 * The movement the draft describes, for the Movement schema and the store to judge; or the errors found
 * before that — a line not resolved to a book line, a location code that names no location.
 */
export function movementOfDraft(
  draft: Draft,
  context: {
    id: string;
    bookId: string;
    now: string;
    findLocation: LocationLookup;
    unresolved: (scan: string) => string;
  },
): { movement: Record<string, unknown>; errors: FieldError[] } {
  const rule = kinds[draft.kind];
  const errors: FieldError[] = [];
  // A trailing line left empty after "add line" is not a line.
  const lines = draft.lines.filter(
    (line, index) => index === 0 || line.scan.trim() !== '' || line.qty.trim() !== '',
  );
  const locationId = (index: number, field: 'from' | 'to', typed: string) => {
    if (typed.trim() === '') return undefined;
    const found = context.findLocation(typed);
    if ('error' in found) {
      errors.push({ field: lineFieldKey(index, field), message: found.error });
      return undefined;
    }
    return found.location.id;
  };
  const movementLines = lines.map((line, index) => {
    if (!line.bookLine)
      errors.push({ field: lineFieldKey(index, 'scan'), message: context.unresolved(line.scan.trim()) });
    return {
      bookLineId: line.bookLine?.id,
      qty: line.qty.trim() === '' ? undefined : line.qty.trim(),
      fromLocationId: rule.from === 'zone' ? locationId(index, 'from', line.from) : undefined,
      toLocationId: rule.to === 'zone' ? locationId(index, 'to', line.to) : undefined,
    };
  });
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const movement: Record<string, unknown> = {
    id: context.id,
    kind: draft.kind,
    bookId: context.bookId,
    lines: movementLines,
    occurredAt: context.now,
    customsDate: customsDateOf(context.now),
    note: text(draft.note),
  };
  if (rule.counterparty !== 'none' && (text(draft.counterpartyName) || text(draft.counterpartyPutrecNo))) {
    movement.counterparty = {
      name: text(draft.counterpartyName),
      putrecNo: rule.counterparty === 'book' ? text(draft.counterpartyPutrecNo) : undefined,
    };
  }
  if (rule.needsPurpose) movement.purpose = draft.purpose;
  if (rule.approval && text(draft.approvedBy))
    movement.approval = { by: text(draft.approvedBy), at: context.now };
  return { movement, errors };
}
