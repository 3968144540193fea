import {
  postMovements,
  saveBook,
  saveBookLines,
  saveEnterprise,
  saveLocations,
  type ZonebookDb,
} from '../store';
import { generateDemoDataset, type DemoOptions } from './generate';

/**
 * Loads the demo into a store through the same checks as any user's input: master data first, then the
 * movements, posted on this workstation's own device chain, in chunks of one transaction each.
 */
export async function installDemo(
  db: ZonebookDb,
  deviceId: string,
  options: DemoOptions = {},
): Promise<{ bookId: string; movements: number }> {
  const dataset = generateDemoDataset(options);
  await saveEnterprise(db, dataset.enterprise);
  await saveBook(db, dataset.book);
  await saveLocations(db, dataset.locations);
  await saveBookLines(db, dataset.bookLines);
  const chunk = 500;
  for (let start = 0; start < dataset.movements.length; start += chunk) {
    await postMovements(db, dataset.movements.slice(start, start + chunk), {
      deviceId,
      recordedAt: new Date().toISOString(),
    });
  }
  return { bookId: dataset.book.id, movements: dataset.movements.length };
}
