import { readFile } from 'node:fs/promises';
import { parseReceiptFile } from '../../shared/customs/receipts/parse-receipt';
import { receiptOutcome } from '../../shared/customs/receipts/receipt-outcome';
import type { CliIo } from './io';

/**
 * `zonebook receipt parse FILE`: the receipt as JSON, read as leniently as the app reads it. A pocket of
 * a split receipt is shown as such; a file that is not a receipt exits 1 with the reason.
 */
export async function receiptCommand(args: string[], io: CliIo): Promise<number> {
  const [action, file] = args;
  if (action !== 'parse' || !file) {
    io.err('Usage: zonebook receipt parse FILE');
    return 2;
  }
  let xml: string;
  try {
    xml = await readFile(file, 'utf8');
  } catch (error) {
    io.err(`Cannot read ${file}: ${(error as Error).message}`);
    return 1;
  }
  const parsed = parseReceiptFile(xml);
  if (!parsed.ok) {
    io.err(`${file} is not a receipt Zonebook can read: ${parsed.reason}`);
    return 1;
  }
  if (parsed.value.kind === 'pocket') {
    const { pocket } = parsed.value;
    io.out(
      JSON.stringify(
        {
          kind: 'pocket',
          messageType: pocket.messageType,
          pocketId: pocket.pocket.pocketId,
          curPocketNo: pocket.pocket.curPocketNo,
          totalPocketQty: pocket.pocket.totalPocketQty,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const { receipt } = parsed.value;
  const { unknown, ...fields } = receipt;
  io.out(
    JSON.stringify(
      { ...fields, outcome: receiptOutcome(receipt), unknownElements: unknown.map((node) => node.name) },
      null,
      2,
    ),
  );
  return 0;
}
