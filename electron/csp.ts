/**
 * The Content-Security-Policy of every page we serve: our own scripts only, no eval, no remote
 * content. Ant Design injects its styles at run time, hence 'unsafe-inline' for styles alone.
 * 'wasm-unsafe-eval' lets our own bundled WebAssembly (the journal's SHA-256, see shared/ledger/sha256.ts)
 * compile; it allows no JavaScript eval and no script from anywhere else.
 */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${connectSources.map((s) => ` ${s}`).join('')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
