import { openingStockBatch, type BridgeApi } from '../../../shared/bridge/contract';
import { fail, ok, type Result } from '../../../shared/bridge/result';
import type { OpeningStockAnswer } from '../../../shared/customs/opening-stock';
import { openingStockOf, rememberOpeningStockTold, type ZonebookDb } from '../../../shared/store';

/**
 * Tells the configured customs endpoint what customs' book holds without a list of ours (opening
 * balances, stocktakes: see OpeningStockLine) that it has not been told yet. The store remembers how far
 * the journal was told to which state of the sandbox's book, so a start reads only the journal's new rows;
 * a sandbox whose state was lost or replaced answers another state id and is told everything again. What
 * is remembered moves only once every line is taken: a call that fails is told again at the next trigger,
 * and the sandbox adds each movement once per book line, so telling it twice changes nothing. The
 * embedded sandbox needs it, or it refuses (退单) the lists taking that stock out; real customs answers
 * that it holds the book already.
 */
export async function tellOpeningStock(
  db: ZonebookDb,
  bridge: BridgeApi,
): Promise<Result<OpeningStockAnswer>> {
  // Asked first with nothing: the answer says what the endpoint is and which state of its book it holds.
  const asked = await bridge['customs.holdOpeningStock']({ lines: [] });
  if (!asked.ok || !asked.value.recorded) return asked;
  const { stateId } = asked.value;
  const { lines, told } = await openingStockOf(db, stateId);
  let added = 0;
  let alreadyHeld = 0;
  for (let start = 0; start < lines.length; start += openingStockBatch) {
    const result = await bridge['customs.holdOpeningStock']({
      lines: lines.slice(start, start + openingStockBatch),
    });
    if (!result.ok || !result.value.recorded) return result;
    // Its state replaced while being told: the new one holds only part of it, so remember nothing.
    if (result.value.stateId !== stateId)
      return fail('transportFailed', 'The sandbox customs was reset while being told of the opening stock');
    added += result.value.added;
    alreadyHeld += result.value.alreadyHeld;
  }
  await rememberOpeningStockTold(db, told);
  return ok({ recorded: true, endpoint: 'sandbox', added, alreadyHeld, stateId });
}
