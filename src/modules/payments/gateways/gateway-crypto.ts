/**
 * The cryptography the three payment gateways share: RSA-2048 SHA256withRSA signatures (WeChat Pay v3, Alipay RSA2,
 * UnionPay signMethod 01), the sorted `key=value&…` signing string (Alipay, UnionPay), and AEAD_AES_256_GCM (WeChat's
 * encrypted callback resource). Keys are loaded once, when an adapter is built, so a bad key fails at start-up.
 */
import {
  createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, createSign, createVerify,
  generateKeyPairSync, randomBytes, type KeyObject,
} from 'node:crypto';

export interface RsaKeyPair { privateKey: string; publicKey: string }

/** A fresh RSA-2048 pair as PEM (PKCS#8 private, SPKI public): what the simulators hand out. */
export function generateRsaKeyPair(): RsaKeyPair {
  return generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

/**
 * A private key from PEM, or from the bare base64 that Alipay's key tool prints (PKCS#8, else PKCS#1), so the
 * env var can hold either.
 */
export function loadPrivateKey(text: string): KeyObject {
  if (text.includes('-----BEGIN')) return createPrivateKey(text);
  const der = Buffer.from(text.replace(/\s+/g, ''), 'base64');
  try {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  } catch {
    return createPrivateKey({ key: der, format: 'der', type: 'pkcs1' });
  }
}

/** A public key from PEM (a public key or an X.509 certificate such as WeChat's platform certificate) or bare base64 SPKI. */
export function loadPublicKey(text: string): KeyObject {
  if (text.includes('-----BEGIN')) return createPublicKey(text);
  return createPublicKey({ key: Buffer.from(text.replace(/\s+/g, ''), 'base64'), format: 'der', type: 'spki' });
}

/** SHA256withRSA (PKCS#1 v1.5) over the UTF-8 text, base64. */
export const rsaSign = (text: string, key: KeyObject): string => createSign('RSA-SHA256').update(text, 'utf8').sign(key, 'base64');

/** Never throws: a malformed signature simply does not verify. */
export function rsaVerify(text: string, signatureBase64: string, key: KeyObject): boolean {
  try {
    return createVerify('RSA-SHA256').update(text, 'utf8').verify(key, signatureBase64, 'base64');
  } catch {
    return false;
  }
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * `a=1&b=2…`: parameters sorted by name in ASCII order, empty values and the `exclude`d names left out, values as
 * they are (not URL-encoded) — the string Alipay and UnionPay sign.
 */
export function signingString(params: Record<string, string | undefined>, exclude: readonly string[]): string {
  return Object.keys(params)
    .filter((k) => !exclude.includes(k) && params[k] !== undefined && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
}

const GCM_TAG_BYTES = 16;

/** AEAD_AES_256_GCM as WeChat Pay uses it: key = the 32-byte APIv3 key, nonce and associated data as text, base64 of ciphertext‖tag. */
export function aesGcmEncrypt(apiV3Key: string, nonce: string, associatedData: string, plaintext: string): string {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]).toString('base64');
}

/** Throws when the key, nonce, associated data or ciphertext is wrong (the tag does not authenticate). */
export function aesGcmDecrypt(apiV3Key: string, nonce: string, associatedData: string, ciphertextBase64: string): string {
  const data = Buffer.from(ciphertextBase64, 'base64');
  if (data.length <= GCM_TAG_BYTES) throw new Error('ciphertext too short');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(data.subarray(data.length - GCM_TAG_BYTES));
  return Buffer.concat([decipher.update(data.subarray(0, data.length - GCM_TAG_BYTES)), decipher.final()]).toString('utf8');
}

/** Random [0-9A-Za-z] text (nonces, keys): base64url without its two symbols. */
export function randomAlnum(length: number): string {
  let out = '';
  while (out.length < length) out += randomBytes(length).toString('base64url').replace(/[-_]/g, '');
  return out.slice(0, length);
}

/** Random decimal digits (gateway trade numbers, merchant ids). */
export const randomDigits = (length: number): string => Array.from(randomBytes(length), (b) => String(b % 10)).join('');
