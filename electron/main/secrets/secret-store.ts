/**
 * Where secrets (vendor tokens) go. In Electron: safeStorage's async API. In Node tests:
 * an injected store. When the OS offers no real encryption, `encrypted` is false and the
 * caller keeps secrets in memory for the session only: never written in plain text.
 */
export interface SecretCipher {
  /** True when encryptString really encrypts (an OS keychain / DPAPI / libsecret). */
  isEncryptionAvailable(): Promise<boolean>;
  encrypt(plain: string): Promise<Buffer>;
  decrypt(cipher: Buffer): Promise<string>;
}

/** A reversible test cipher (XOR with a key + base marker) that never stores plain text. */
export function createTestCipher(key = 'browserdeck-test-key', available = true): SecretCipher {
  const k = Buffer.from(key);
  const xor = (b: Buffer) => Buffer.from(b.map((byte, i) => byte ^ k[i % k.length]!));
  return {
    isEncryptionAvailable: async () => available,
    encrypt: async (plain) => Buffer.concat([Buffer.from('TC1'), xor(Buffer.from(plain, 'utf8'))]),
    decrypt: async (cipher) => {
      if (cipher.subarray(0, 3).toString() !== 'TC1') throw new Error('not a test-cipher blob');
      return xor(cipher.subarray(3)).toString('utf8');
    },
  };
}
