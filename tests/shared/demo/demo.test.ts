import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { demoBackupContent, generateDemoDataset, installDemo } from '../../../shared/demo';
import { movementKinds, verifyJournal } from '../../../shared/ledger';
import { backupToText, ensureDeviceId, findBalanceDrift, openStore, readBackup } from '../../../shared/store';

describe('demo dataset', () => {
  it('mixes every movement kind and is the same for the same seed', () => {
    const a = generateDemoDataset({ seed: 3, lines: 10, movements: 300 });
    expect(new Set(a.movements.map((m) => m.kind))).toEqual(new Set(movementKinds));
    expect(generateDemoDataset({ seed: 3, lines: 10, movements: 300 })).toEqual(a);
    expect(generateDemoDataset({ seed: 4, lines: 10, movements: 300 })).not.toEqual(a);
  });

  it('makes a journal that verifies, inside a backup that reads back', () => {
    const content = demoBackupContent(generateDemoDataset({ seed: 5, lines: 8, movements: 200 }), 5);
    expect(verifyJournal(content.entries)).toMatchObject({ ok: true, entryCount: 200 });
    expect(readBackup(backupToText(content, '2026-01-01T00:00:00.000Z'))).toMatchObject({ ok: true });
  });

  it('installs through the store with every check, and the balances match the journal', async () => {
    const db = await openStore({ indexedDB: new IDBFactory(), IDBKeyRange }, 'demo-install');
    const deviceId = await ensureDeviceId(db);
    const result = await installDemo(db, deviceId, { seed: 2, lines: 6, movements: 120 });
    expect(result.movements).toBe(120);
    expect(await db.journal.count()).toBe(120);
    expect(await findBalanceDrift(db)).toEqual([]);
    db.close();
  });
});
