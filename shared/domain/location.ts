import { z } from 'zod';
import { patternCode, recordId, requiredText } from './field-rules';

/** A place in the warehouse (bin, shelf, bay). It belongs to one book, or to the enterprise for all its books. */
export const Location = z
  .object({
    id: recordId('Location id (id)'),
    bookId: recordId('Book (bookId)').optional(),
    enterpriseId: recordId('Enterprise (enterpriseId)').optional(),
    code: patternCode(
      'Location code (code)',
      /^[A-Za-z0-9][A-Za-z0-9._/-]{0,31}$/,
      'up to 32 letters, digits or . _ / -',
    ),
    name: requiredText('Location name (name)', 128),
  })
  .refine((location) => (location.bookId === undefined) !== (location.enterpriseId === undefined), {
    path: ['bookId'],
    error: 'A location belongs to exactly one book (bookId) or one enterprise (enterpriseId)',
  });
export type Location = z.infer<typeof Location>;
