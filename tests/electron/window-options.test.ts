import { contentSecurityPolicy } from '../../electron/csp';
import { isAppUrl } from '../../electron/app-origin';
import { resolveStaticPath } from '../../electron/static-files';
import { buildWindowOptions } from '../../electron/window-options';

describe('security baseline', () => {
  it('isolates and sandboxes the renderer with no Node', () => {
    const { webPreferences } = buildWindowOptions('/app/preload.cjs');
    expect(webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('allows only our own scripts and no eval or remote content', () => {
    const csp = contentSecurityPolicy();
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('keeps navigation inside app://zonebook', () => {
    expect(isAppUrl('app://zonebook/index.html#/settings')).toBe(true);
    expect(isAppUrl('https://example.com/')).toBe(false);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('serves files only from inside the renderer folder', () => {
    expect(resolveStaticPath('/srv/renderer', '/assets/index.js')).toBe('/srv/renderer/assets/index.js');
    expect(resolveStaticPath('/srv/renderer', '/')).toBe('/srv/renderer/index.html');
    expect(resolveStaticPath('/srv/renderer', '/inventory')).toBe('/srv/renderer/index.html');
    expect(resolveStaticPath('/srv/renderer', '/../../etc/passwd.txt')).toBeNull();
    expect(resolveStaticPath('/srv/renderer', '/%2e%2e/%2e%2e/etc/passwd.txt')).toBeNull();
    expect(resolveStaticPath('/srv/renderer', '/%E0%A4%A')).toBeNull();
  });
});
