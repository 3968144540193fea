import { z } from 'zod';

export const Language = z.enum(['zh-CN', 'en']);
export type Language = z.infer<typeof Language>;

/** What the user chose; absent fields fall back to the embedded defaults. */
export const Settings = z.object({
  /** null: follow the system locale (Chinese locales get zh-CN, all others English). */
  language: Language.nullable().default(null),
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings: Settings = Settings.parse({});

export const SettingsPatch = Settings.partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const SettingsState = z.object({
  settings: Settings,
  /** Set when the stored file could not be read and was kept aside as settings.json.broken. */
  recoveredFrom: z.string().nullable(),
});
export type SettingsState = z.infer<typeof SettingsState>;
