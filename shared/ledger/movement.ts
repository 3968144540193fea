import { z } from 'zod';
import { customsDateOf, utcInstant } from '../domain/customs-date';
import { isDecimalString, isNegativeDecimal } from '../domain/decimal';
import { Etpsno, Sccd } from '../domain/enterprise';
import { PutrecNo } from '../domain/account-book';
import { customsDateField, recordId, requiredText } from '../domain/field-rules';
import { SignedQuantity } from '../domain/quantities';
import { kinds, movementKinds, processingBusinessTypes, type KindRule, type MovementKind } from './kinds';

export const MovementKindSchema = z.enum(movementKinds as [MovementKind, ...MovementKind[]], {
  error: (issue) =>
    `Movement kind (kind) "${String(issue.input)}" is not one of: ${movementKinds.join(', ')}`,
});

export const MovementLine = z.object({
  bookLineId: recordId('Book line (bookLineId)'),
  /** Positive, except on a stocktake adjustment where a shortage is negative; never zero. */
  qty: SignedQuantity,
  fromLocationId: recordId('Location taken from (fromLocationId)').optional(),
  toLocationId: recordId('Location put to (toLocationId)').optional(),
});
export type MovementLine = z.infer<typeof MovementLine>;

/** The enterprise on the other side; `putrecNo` is its book when goods move between books (rltPutrecNo). */
export const Counterparty = z.object({
  name: requiredText('Counterparty name (counterparty.name)', 256),
  sccd: Sccd.optional(),
  etpsno: Etpsno.optional(),
  putrecNo: PutrecNo.optional(),
});
export type Counterparty = z.infer<typeof Counterparty>;

export const Approval = z.object({
  by: requiredText('Approved by (approval.by)', 128),
  at: utcInstant('Approved at (approval.at)'),
});
export type Approval = z.infer<typeof Approval>;

const MovementFields = z.object({
  id: recordId('Movement id (id)'),
  kind: MovementKindSchema,
  bookId: recordId('Book (bookId)'),
  lines: z.array(MovementLine).min(1, 'A movement needs at least one line (lines)'),
  /** When it happened, UTC. Ordering comes from the journal's device sequence, not from this clock. */
  occurredAt: utcInstant('Time (occurredAt)'),
  /** occurredAt's date in Asia/Shanghai, yyyyMMdd: the date customs sees. */
  customsDate: customsDateField('Customs date (customsDate)'),
  note: requiredText('Note (note)', 1000).optional(),
  counterparty: Counterparty.optional(),
  purpose: z
    .enum(['processing', 'repair', 'testing'], {
      error: 'Purpose (purpose) must be processing, repair or testing',
    })
    .optional(),
  approval: Approval.optional(),
  reversalOf: recordId('Reversed movement (reversalOf)').optional(),
  /** The original's kind, so a reversal's postings follow from the reversal alone. */
  reversedKind: MovementKindSchema.optional(),
  reason: requiredText('Reason (reason)', 1000).optional(),
});

type MovementFields = z.infer<typeof MovementFields>;

/** The rule whose accounts a movement's lines follow: a reversal follows its original's. */
export function effectiveRule(movement: Pick<MovementFields, 'kind' | 'reversedKind'>): KindRule | undefined {
  if (movement.kind !== 'reversal') return kinds[movement.kind];
  return movement.reversedKind && movement.reversedKind !== 'reversal'
    ? kinds[movement.reversedKind]
    : undefined;
}

type Issue = { path: (string | number)[]; message: string };

function kindIssues(movement: MovementFields): Issue[] {
  const issues: Issue[] = [];
  // zod runs this refinement even when some fields failed, so read them defensively.
  const rule: KindRule | undefined = kinds[movement.kind];
  if (!rule || !Array.isArray(movement.lines)) return issues;
  const name = `${rule.nameEn} (${movement.kind})`;

  const expectedDate = Number.isNaN(Date.parse(movement.occurredAt))
    ? undefined
    : customsDateOf(movement.occurredAt);
  if (expectedDate !== undefined && movement.customsDate !== expectedDate) {
    issues.push({
      path: ['customsDate'],
      message: `Customs date (customsDate) must be the Beijing-time date of occurredAt, ${expectedDate}, got ${movement.customsDate}`,
    });
  }

  if (movement.kind === 'reversal') {
    if (!movement.reversalOf)
      issues.push({
        path: ['reversalOf'],
        message: 'A reversal must name the movement it reverses (reversalOf)',
      });
    if (!movement.reversedKind || movement.reversedKind === 'reversal') {
      issues.push({
        path: ['reversedKind'],
        message:
          'A reversal must state the kind of the movement it reverses (reversedKind), and a reversal cannot be reversed',
      });
    }
    if (!movement.reason) issues.push({ path: ['reason'], message: 'A reversal needs a reason (reason)' });
  } else {
    if (movement.reversalOf !== undefined || movement.reversedKind !== undefined) {
      issues.push({
        path: ['reversalOf'],
        message: `Only a reversal names a reversed movement (reversalOf); this is ${name}`,
      });
    }
  }

  const lineRule = effectiveRule(movement);
  const approvalNeeded = rule.approval || (lineRule?.approval ?? false);
  if (approvalNeeded && !movement.approval) {
    issues.push({
      path: ['approval'],
      message: `${name} needs a supervisor's approval (approval.by and approval.at) before it is posted`,
    });
  }
  if (movement.kind !== 'reversal') {
    if (rule.counterparty !== 'none' && !movement.counterparty) {
      issues.push({ path: ['counterparty'], message: `${name} needs the counterparty (counterparty.name)` });
    }
    if (rule.counterparty === 'book' && movement.counterparty && !movement.counterparty.putrecNo) {
      issues.push({
        path: ['counterparty', 'putrecNo'],
        message: `${name} needs the counterparty's account book number (counterparty.putrecNo)`,
      });
    }
    if (rule.needsPurpose && !movement.purpose) {
      issues.push({
        path: ['purpose'],
        message: `${name} needs its purpose (purpose): processing, repair or testing`,
      });
    }
  }

  if (!lineRule) return issues;
  movement.lines.forEach((line, index) => {
    const at = (field: string) => ['lines', index, field];
    if (!lineRule.signedQty && isDecimalString(line.qty) && isNegativeDecimal(line.qty)) {
      issues.push({
        path: at('qty'),
        message: `Quantity (qty) must be greater than zero, got "${line.qty}"; only a stocktake adjustment may be negative`,
      });
    }
    const location = (field: 'fromLocationId' | 'toLocationId', side: KindRule['from'], words: string) => {
      const present = line[field] !== undefined;
      if (side === 'zone' && !present) {
        issues.push({
          path: at(field),
          message: `${words} (${field}) is required: goods ${field === 'fromLocationId' ? 'leave' : 'enter'} a location in the zone`,
        });
      }
      if (side !== 'zone' && present) {
        issues.push({
          path: at(field),
          message: `${words} (${field}) must be empty: this side of ${lineRule.nameEn} is ${side}, not a zone location`,
        });
      }
    };
    location('fromLocationId', lineRule.from, 'Location taken from');
    location('toLocationId', lineRule.to, 'Location put to');
    if (
      lineRule.from === 'zone' &&
      lineRule.to === 'zone' &&
      line.fromLocationId !== undefined &&
      line.fromLocationId === line.toLocationId
    ) {
      issues.push({
        path: at('toLocationId'),
        message: 'Location put to (toLocationId) must differ from the location taken from',
      });
    }
  });
  return issues;
}

/**
 * A movement of goods of one book. Validation covers the movement on its own (fields, and the rules of
 * its kind); checks that need the book, its lines and locations are in checkMovementContext.
 */
export const Movement = MovementFields.superRefine((movement, ctx) => {
  for (const issue of kindIssues(movement)) ctx.addIssue({ code: 'custom', ...issue });
});
export type Movement = z.infer<typeof Movement>;

/** The 业务申报表 business type for a movement; processing follows its purpose. */
export function businessTypecdOf(movement: Pick<Movement, 'kind' | 'purpose'>): string | null {
  const rule = kinds[movement.kind];
  if (rule.needsPurpose && movement.purpose) return processingBusinessTypes[movement.purpose];
  return rule.businessTypecd;
}
