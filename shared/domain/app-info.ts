import { z } from 'zod';

export const Runtime = z.enum(['electron', 'browser-host']);
export type Runtime = z.infer<typeof Runtime>;

export const AppInfo = z.object({
  version: z.string(),
  dataFolder: z.string(),
  platform: z.string(),
  runtime: Runtime,
});
export type AppInfo = z.infer<typeof AppInfo>;
