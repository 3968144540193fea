/**
 * The BrowserWindow options, as plain data so a test can check the security baseline without Electron:
 * an isolated, sandboxed renderer with no Node and no way to turn those off from the page.
 */
export function buildWindowOptions(preloadPath: string) {
  return {
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Zonebook',
    backgroundColor: '#f5f5f5',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: true,
    },
  } as const;
}
