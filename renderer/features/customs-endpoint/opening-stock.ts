import { openingStockBatch, type BridgeApi } from '../../../shared/bridge/contract';
import { ok, type Result } from '../../../shared/bridge/result';
import type { OpeningStockAnswer } from '../../../shared/customs/opening-stock';
import { openingStockOf, type ZonebookDb } from '../../../shared/store';

/**
 * Tells the configured customs endpoint what customs' book holds without a list of ours (opening
 * balances, stocktakes: see OpeningStockLine), all of it every time: the endpoint adds each movement
 * once, so telling it again after a restart, a retried call or a switch of endpoint changes nothing it
 * already holds. The embedded sandbox needs it, or it refuses (退单) the lists taking that stock out;
 * real customs answers that it holds the book already.
 */
export async function tellOpeningStock(
  db: ZonebookDb,
  bridge: BridgeApi,
): Promise<Result<OpeningStockAnswer>> {
  const lines = await openingStockOf(db);
  let added = 0;
  let alreadyHeld = 0;
  // At least one call, even with nothing to tell: the answer says what the endpoint is.
  for (let start = 0; start === 0 || start < lines.length; start += openingStockBatch) {
    const result = await bridge['customs.holdOpeningStock']({
      lines: lines.slice(start, start + openingStockBatch),
    });
    if (!result.ok || !result.value.recorded) return result;
    added += result.value.added;
    alreadyHeld += result.value.alreadyHeld;
  }
  return ok({ recorded: true, endpoint: 'sandbox', added, alreadyHeld });
}
