import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  createFileCredentialStore,
  type SecretCipher,
} from '../../../../electron/customs/endpoints/credential-file';
import { temporaryFolder } from './helpers';

let folder: string;
let remove: () => Promise<void>;

beforeEach(async () => {
  ({ path: folder, remove } = await temporaryFolder());
});
afterEach(async () => {
  await remove();
});

/** A stand-in for safeStorage: reversible, and visibly not the plain text. */
const fakeCipher: SecretCipher = {
  encrypt: (plainText) => Buffer.from(`enc:${[...plainText].reverse().join('')}`),
  decrypt: (encrypted) => [...encrypted.toString().slice('enc:'.length)].reverse().join(''),
};

describe('file credential store', () => {
  it('stores plain text when given no cipher, and says so', async () => {
    const path = join(folder, 'credentials.json');
    const store = createFileCredentialStore(path);

    await Promise.all([store.set('gateway', 'tok-123'), store.set('backup', 'tok-789')]);

    expect(store.plainText).toBe(true);
    expect(await store.get('backup')).toBe('tok-789');
    expect(await store.get('gateway')).toBe('tok-123');
    expect(await store.get('other')).toBeUndefined();
    expect(await readFile(path, 'utf8')).toContain('tok-123');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('stores only ciphertext when given a cipher, and reads it back through the cipher', async () => {
    const path = join(folder, 'credentials.json');
    const store = createFileCredentialStore(path, fakeCipher);

    await store.set('gateway', 'tok-123');
    await store.set('second', 'tok-456');

    expect(store.plainText).toBe(false);
    expect(await createFileCredentialStore(path, fakeCipher).get('gateway')).toBe('tok-123');
    expect(await store.get('second')).toBe('tok-456');
    expect(await readFile(path, 'utf8')).not.toContain('tok-123');
  });

  it('refuses to read an encrypted file without the cipher, naming the file and not the secret', async () => {
    const path = join(folder, 'credentials.json');
    await createFileCredentialStore(path, fakeCipher).set('gateway', 'tok-123');

    const error = await createFileCredentialStore(path)
      .get('gateway')
      .catch((caught: Error) => caught);

    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).not.toContain('tok-123');
  });

  it('never quotes a damaged file in its error, since the file holds secrets', async () => {
    const path = join(folder, 'credentials.json');
    await writeFile(path, 'tok-123 was pasted here');

    const error = await createFileCredentialStore(path)
      .get('gateway')
      .catch((caught: Error) => caught);

    expect((error as Error).message).toBe(`credential file ${path} is not in the expected form`);
  });
});
