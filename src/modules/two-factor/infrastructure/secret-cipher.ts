import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** The key id given to a key configured without one, so that it can later be listed as `v1:…`. */
export const DEFAULT_KEY_ID = 'v1';

export interface SecretKeyEntry {
  id: string;
  key: Buffer;
}

/**
 * Parses `TOTP_ENCRYPTION_KEY`: one base64 key (id `v1`), or `kid:base64,kid:base64,…` where the
 * first key encrypts and every key decrypts, so keys can be rotated without a migration.
 * The format itself is validated with the rest of the configuration at boot.
 */
export function parseKeyring(setting: string): SecretKeyEntry[] {
  return setting.split(',').map((entry) => {
    const separator = entry.lastIndexOf(':');
    const id = separator === -1 ? DEFAULT_KEY_ID : entry.slice(0, separator);
    return { id, key: Buffer.from(entry.slice(separator + 1), 'base64') };
  });
}

/**
 * AES-256-GCM for TOTP secrets at rest. A stored value is `kid:base64url(iv ‖ ciphertext ‖ tag)`;
 * the associated data binds it to its account, so a ciphertext copied to another row does not decrypt.
 */
export class SecretCipher {
  private readonly keys: Map<string, Buffer>;
  private readonly current: SecretKeyEntry;

  constructor(keyring: SecretKeyEntry[]) {
    if (keyring.length === 0) throw new Error('SecretCipher needs at least one key');
    for (const { id, key } of keyring) {
      if (key.length !== 32) throw new Error(`TOTP encryption key ${id} is not 32 bytes`);
    }
    this.keys = new Map(keyring.map(({ id, key }) => [id, key]));
    if (this.keys.size !== keyring.length)
      throw new Error('TOTP encryption key ids must be unique');
    this.current = keyring[0];
  }

  encrypt(plaintext: string, associatedData: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.current.key, iv);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const sealed = Buffer.concat([iv, ciphertext, cipher.getAuthTag()]).toString('base64url');
    return `${this.current.id}:${sealed}`;
  }

  decrypt(stored: string, associatedData: string): string {
    const separator = stored.indexOf(':');
    const id = stored.slice(0, separator);
    const key = this.keys.get(id);
    if (separator <= 0 || !key)
      throw new Error(`TOTP secret encrypted with unknown key id "${id}"`);
    const sealed = Buffer.from(stored.slice(separator + 1), 'base64url');
    const decipher = createDecipheriv(ALGORITHM, key, sealed.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    const plaintext = Buffer.concat([
      decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
      decipher.final(),
    ]);
    return plaintext.toString('utf8');
  }

  /** False for values encrypted under an older key: they are re-encrypted when next used. */
  isCurrent(stored: string): boolean {
    return stored.startsWith(`${this.current.id}:`);
  }
}
