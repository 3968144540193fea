import { chmod, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../files/atomic-write';
import type { CredentialStore } from './credential-store';

/** The shape of Electron's safeStorage.encryptString / decryptString, which main.ts passes in. */
export interface SecretCipher {
  encrypt(plainText: string): Buffer;
  decrypt(encrypted: Buffer): string;
}

export interface FileCredentialStore extends CredentialStore {
  /** True when secrets are written as plain text, so the UI can warn (no cipher, or Linux without a keyring). */
  readonly plainText: boolean;
}

const CredentialFile = z.object({
  encrypted: z.boolean(),
  /** By name: base64 of the cipher's output, or the secret itself when not encrypted. */
  secrets: z.record(z.string(), z.string()),
});
type CredentialFile = z.infer<typeof CredentialFile>;

/**
 * Credentials in one small JSON file, written atomically and readable by its owner only. A file written
 * encrypted is never read without the cipher (nor the reverse): that would hand out ciphertext as a
 * password or store a secret in the clear beside encrypted ones. Errors name the file, never a secret.
 */
export function createFileCredentialStore(path: string, cipher?: SecretCipher): FileCredentialStore {
  const encrypted = cipher !== undefined;
  // Saves run one after another, so two settings saved together cannot drop each other.
  let saving: Promise<void> = Promise.resolve();

  async function load(): Promise<CredentialFile> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { encrypted, secrets: {} };
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      // JSON.parse quotes the text it choked on, which here may be a secret.
      json = undefined;
    }
    const parsed = CredentialFile.safeParse(json);
    if (!parsed.success) throw new Error(`credential file ${path} is not in the expected form`);
    if (parsed.data.encrypted !== encrypted)
      throw new Error(
        `credential file ${path} was written ${parsed.data.encrypted ? 'encrypted' : 'in plain text'}; ` +
          `it cannot be read ${encrypted ? 'with' : 'without'} encryption`,
      );
    return parsed.data;
  }

  return {
    plainText: !encrypted,
    async get(name) {
      const stored = (await load()).secrets[name];
      if (stored === undefined || !cipher) return stored;
      return cipher.decrypt(Buffer.from(stored, 'base64'));
    },
    set(name, secret) {
      const save = saving.then(async () => {
        const file = await load();
        file.secrets[name] = cipher ? cipher.encrypt(secret).toString('base64') : secret;
        await mkdir(dirname(path), { recursive: true });
        await writeFileAtomic(path, `${JSON.stringify(file, null, 2)}\n`);
        await chmod(path, 0o600);
      });
      saving = save.catch(() => {});
      return save;
    },
  };
}
