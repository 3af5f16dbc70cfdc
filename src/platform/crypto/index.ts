export { SecretBox, type SecretKeyring } from './secret-box.ts';
export {
  loadSecretKeys,
  rotateSecretKeyFile,
  SECRET_KEY_FILE,
  PREVIOUS_SECRET_KEYS_FILE,
  type LoadSecretKeysOptions,
  type SecretKeys,
} from './key-file.ts';
export { keyIdOf, decodeSecretKey } from './key-id.ts';
export { maskSecret } from './mask.ts';
export { reencryptColumn } from './reencrypt-column.ts';
export { SECRET_UNREADABLE, SECRET_KEY_FILE_INSECURE } from './error-codes.ts';
export { loadSigningKey, rotateSigningKeyFile, signBytes, verifySignature, signingKeyIdOf, SIGNING_KEY_FILE, type SigningKey } from './signing-key.ts';
