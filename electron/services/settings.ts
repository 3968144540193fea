import { mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import {
  defaultSettings,
  Settings,
  type SettingsPatch,
  type SettingsState,
} from '../../shared/domain/settings';
import { writeFileAtomic } from '../files/atomic-write';

export const settingsFileName = 'settings.json';

export interface SettingsService {
  get(): Promise<SettingsState>;
  set(patch: SettingsPatch): Promise<SettingsState>;
}

/**
 * Settings persisted as JSON in the user-data folder. A file that cannot be read is kept aside as
 * settings.json.broken (never deleted) and the app goes on with the defaults, saying so.
 */
export function createSettingsService(dataFolder: string): SettingsService {
  const path = join(dataFolder, settingsFileName);
  let state: SettingsState | undefined;

  async function load(): Promise<SettingsState> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return { settings: defaultSettings, recoveredFrom: null };
      throw error;
    }
    try {
      return { settings: Settings.parse(JSON.parse(text)), recoveredFrom: null };
    } catch {
      const brokenPath = `${path}.broken`;
      await rename(path, brokenPath);
      return { settings: defaultSettings, recoveredFrom: brokenPath };
    }
  }

  return {
    async get() {
      state ??= await load();
      return state;
    },
    async set(patch) {
      const current = await this.get();
      const settings = Settings.parse({ ...current.settings, ...patch });
      await mkdir(dataFolder, { recursive: true });
      await writeFileAtomic(path, `${JSON.stringify(settings, null, 2)}\n`);
      state = { settings, recoveredFrom: current.recoveredFrom };
      return state;
    },
  };
}
