import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The product's folder name under the OS application-data folder. Pinned here, not derived from
 * productName, because Electron loses IndexedDB data when userData moves after a rename.
 */
export const dataFolderName = 'Zonebook';

/** Where Electron's appData points on each platform, computed without Electron. */
export function applicationDataFolder(
  platform: NodeJS.Platform = process.platform,
  env = process.env,
): string {
  if (platform === 'win32') return env.APPDATA ?? join(homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME ?? join(homedir(), '.config');
}

/** ZONEBOOK_DATA_DIR overrides the data folder (tests, portable installs). */
export function defaultDataFolder(env = process.env): string {
  return env.ZONEBOOK_DATA_DIR ?? join(applicationDataFolder(process.platform, env), dataFolderName);
}
