import type { SafeStorage } from 'electron';
import type { SecretCipher } from './secret-store';

/**
 * safeStorage's async API. On Linux without a keyring Electron falls back to
 * `basic_text`, which is not real encryption: report it as unavailable so the core
 * keeps secrets in memory only and tells the user.
 */
export function createSafeStorageCipher(
  safeStorage: SafeStorage,
  platform = process.platform,
): SecretCipher {
  return {
    async isEncryptionAvailable() {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
      if (platform === 'linux') return safeStorage.getSelectedStorageBackend() !== 'basic_text';
      return true;
    },
    encrypt: (plain) => safeStorage.encryptStringAsync(plain),
    decrypt: async (cipher) => (await safeStorage.decryptStringAsync(cipher)).result,
  };
}
