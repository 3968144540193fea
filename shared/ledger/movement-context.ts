import type { AccountBook } from '../domain/account-book';
import { isWithinBookValidity } from '../domain/account-book';
import type { BookLine } from '../domain/book-line';
import type { FieldError } from '../domain/field-error';
import type { Location } from '../domain/location';
import type { Movement } from './movement';

export interface MovementContext {
  readonly book: AccountBook;
  bookLine(id: string): BookLine | undefined;
  location(id: string): Location | undefined;
}

/**
 * Checks a movement against the records it refers to: its book, the book lines (of this book), the
 * locations (of this book or its enterprise), and the book's validity on the movement's customs date.
 */
export function checkMovementContext(movement: Movement, context: MovementContext): FieldError[] {
  const { book } = context;
  const errors: FieldError[] = [];
  if (movement.bookId !== book.id) {
    errors.push({ field: 'bookId', message: `The movement is for another book than ${book.putrecNo}` });
  }
  if (!isWithinBookValidity(book, movement.customsDate)) {
    errors.push({
      field: 'customsDate',
      message: `Customs date ${movement.customsDate} is outside the validity of book ${book.putrecNo} (${book.validFrom}–${book.finishValidDate})`,
    });
  }
  movement.lines.forEach((line, index) => {
    const bookLine = context.bookLine(line.bookLineId);
    if (!bookLine) {
      errors.push({
        field: `lines[${index}].bookLineId`,
        message: `Book line ${line.bookLineId} does not exist`,
      });
    } else if (bookLine.bookId !== book.id) {
      errors.push({
        field: `lines[${index}].bookLineId`,
        message: `Book line ${bookLine.gdsSeqno} (${bookLine.gdsMtno}) belongs to another book, not ${book.putrecNo}`,
      });
    }
    for (const field of ['fromLocationId', 'toLocationId'] as const) {
      const locationId = line[field];
      if (locationId === undefined) continue;
      const location = context.location(locationId);
      if (!location) {
        errors.push({ field: `lines[${index}].${field}`, message: `Location ${locationId} does not exist` });
      } else if (location.bookId !== book.id && location.enterpriseId !== book.ownerEnterpriseId) {
        errors.push({
          field: `lines[${index}].${field}`,
          message: `Location ${location.code} belongs to another book or enterprise, not ${book.putrecNo}`,
        });
      }
    }
  });
  return errors;
}
