import { newId } from '../domain/ids';
import type { DeviceHead } from '../ledger';
import type { ZonebookDb } from './db';

const deviceKey = 'device';

/**
 * This database's device id, made once. Each device writes its own hash chain, so journals of several
 * workstations can later merge without rewriting history.
 */
export async function ensureDeviceId(db: ZonebookDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await db.meta.get(deviceKey);
    if (typeof existing?.value === 'string') return existing.value;
    const deviceId = newId();
    await db.meta.put({ key: deviceKey, value: deviceId });
    return deviceId;
  });
}

/** The last entry this device wrote, which its next entry chains to; null before its first. */
export async function deviceHead(db: ZonebookDb, deviceId: string): Promise<DeviceHead | null> {
  // Its last row in merge order; on one workstation, the journal's last row.
  const last = await db.journal
    .orderBy(':id')
    .reverse()
    .filter((row) => row.deviceId === deviceId)
    .first();
  return last ? { deviceSeq: last.deviceSeq, hash: last.entry.hash } : null;
}
