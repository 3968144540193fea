/**
 * Where transport credentials (the gateway's bearer token) live. Given to an endpoint rather than read
 * by it, so Electron can back it with safeStorage while tests and the CLI use a file or memory.
 */
export interface CredentialStore {
  get(name: string): Promise<string | undefined>;
  set(name: string, secret: string): Promise<void>;
}
