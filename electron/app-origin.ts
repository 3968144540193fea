/** Our pages are served from this origin in Electron; nothing else may navigate the window or call IPC. */
export const appScheme = 'app';
export const appOrigin = `${appScheme}://zonebook`;

export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === appOrigin;
  } catch {
    return false;
  }
}
