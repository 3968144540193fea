import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSettingsService } from '../../electron/services/settings';

const freshFolder = () => mkdtemp(join(tmpdir(), 'zb-settings-'));

describe('settings service', () => {
  it('starts with the defaults when there is no file', async () => {
    const service = createSettingsService(await freshFolder());
    expect(await service.get()).toEqual({
      settings: { language: null, customs: { endpoint: 'sandbox' } },
      recoveredFrom: null,
    });
  });

  it('persists a change as JSON and reads it back in a new instance', async () => {
    const folder = await freshFolder();
    await createSettingsService(folder).set({ language: 'en' });
    expect(JSON.parse(await readFile(join(folder, 'settings.json'), 'utf8'))).toEqual({
      language: 'en',
      customs: { endpoint: 'sandbox' },
    });
    expect((await createSettingsService(folder).get()).settings.language).toBe('en');
    expect((await readdir(folder)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps a corrupt file as settings.json.broken, starts with defaults, and says so', async () => {
    const folder = await freshFolder();
    await writeFile(join(folder, 'settings.json'), '{"language": "zh-CN", oops');
    const state = await createSettingsService(folder).get();
    expect(state.settings).toEqual({ language: null, customs: { endpoint: 'sandbox' } });
    expect(state.recoveredFrom).toBe(join(folder, 'settings.json.broken'));
    expect(await readFile(join(folder, 'settings.json.broken'), 'utf8')).toBe('{"language": "zh-CN", oops');
  });

  it('treats a well-formed file with invalid values as corrupt too', async () => {
    const folder = await freshFolder();
    await writeFile(join(folder, 'settings.json'), '{"language": "klingon"}');
    const state = await createSettingsService(folder).get();
    expect(state.recoveredFrom).toMatch(/settings\.json\.broken$/);
  });
});
