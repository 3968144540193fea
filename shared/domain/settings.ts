import { z } from 'zod';

export const Language = z.enum(['zh-CN', 'en']);
export type Language = z.infer<typeof Language>;

/**
 * How Zonebook reaches customs. `sandbox`, the embedded default, is a simulated customs answering on
 * exchange folders inside the data folder; `folder` is the Single Window client's own import path (the
 * folder holding OutBox, InBox, SentBox, FailBox); `http` is a customs gateway speaking Zonebook's
 * gateway protocol, whose token is kept apart from these settings.
 */
export const CustomsSettings = z
  .discriminatedUnion('endpoint', [
    z.object({ endpoint: z.literal('sandbox') }),
    z.object({
      endpoint: z.literal('folder'),
      folder: z.string().trim().min(1, 'The Single Window exchange folder (folder) is required'),
    }),
    z.object({
      endpoint: z.literal('http'),
      gatewayUrl: z.url({
        error: 'The gateway address (gatewayUrl) must be a full URL, like https://host:8443/zonebook',
      }),
    }),
  ])
  .default({ endpoint: 'sandbox' });
export type CustomsSettings = z.infer<typeof CustomsSettings>;

/** What the user chose; absent fields fall back to the embedded defaults. */
export const Settings = z.object({
  /** null: follow the system locale (Chinese locales get zh-CN, all others English). */
  language: Language.nullable().default(null),
  customs: CustomsSettings,
});
export type Settings = z.infer<typeof Settings>;

export const defaultSettings: Settings = Settings.parse({});

export const SettingsPatch = z.object({ language: Language.nullable(), customs: CustomsSettings }).partial();
export type SettingsPatch = z.infer<typeof SettingsPatch>;

export const SettingsState = z.object({
  settings: Settings,
  /** Set when the stored file could not be read and was kept aside as settings.json.broken. */
  recoveredFrom: z.string().nullable(),
});
export type SettingsState = z.infer<typeof SettingsState>;
