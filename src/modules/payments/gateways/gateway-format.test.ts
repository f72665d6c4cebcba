import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aesGcmDecrypt, aesGcmEncrypt, generateRsaKeyPair, loadPrivateKey, loadPublicKey, rsaSign, rsaVerify, signingString } from './gateway-crypto.js';
import {
  chinaCompact, chinaDateTime, chinaRfc3339, fenToYuan, parseChinaCompact, parseChinaDateTime, parseFen, parseRfc3339, yuanToFen,
} from './gateway-format.js';

describe('yuan ↔ fen', () => {
  it('round-trips every fen amount from 1 fen to 100 million yuan exactly', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000_000_000 }), (fen) => {
      const yuan = fenToYuan(fen);
      expect(yuan).toMatch(/^(0|[1-9]\d*)\.\d{2}$/);
      expect(yuanToFen(yuan)).toBe(fen);
    }), { numRuns: 2000 });
  });

  it('round-trips every two-decimal yuan string exactly', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000_000 }), fc.integer({ min: 0, max: 99 }), (y, f) => {
      const text = `${y}.${String(f).padStart(2, '0')}`;
      expect(fenToYuan(yuanToFen(text)!)).toBe(text);
    }), { numRuns: 2000 });
  });

  it.each([
    ['0.07', 7], ['0.29', 29], ['19.99', 1999], ['1.1', 110], ['12', 1200], ['0.00', 0], ['4.35', 435],
    ['90071992547409.91', Number.MAX_SAFE_INTEGER],
  ])('reads %s yuan as %i fen (where floating point would not)', (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen);
  });

  it.each(['', '1.005', '-1.00', '+1', '1e3', '01.00', ' 1.00', '1.', '.5', '1,000.00', 'NaN', '90071992547409.92'])('refuses %j', (yuan) => {
    expect(yuanToFen(yuan)).toBeNull();
  });

  it('writes small amounts with a leading zero and refuses what is not integer fen', () => {
    expect([fenToYuan(0), fenToYuan(5), fenToYuan(50), fenToYuan(100_000)]).toEqual(['0.00', '0.05', '0.50', '1000.00']);
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 53]) expect(() => fenToYuan(bad)).toThrow(RangeError);
  });

  it('reads fen written as digits or integers only', () => {
    expect([parseFen('2599'), parseFen(2599), parseFen('0')]).toEqual([2599, 2599, 0]);
    for (const bad of ['', '01', '1.5', '-3', 1.5, -3, '1e3', null]) expect(parseFen(bad)).toBeNull();
  });
});

describe('gateway times (China time, UTC+8)', () => {
  const t = new Date('2026-12-31T17:03:09Z');

  it('writes each gateway\'s spelling', () => {
    expect(chinaDateTime(t)).toBe('2027-01-01 01:03:09');
    expect(chinaCompact(t)).toBe('20270101010309');
    expect(chinaRfc3339(t)).toBe('2027-01-01T01:03:09+08:00');
  });

  it('reads back what it writes, to the second', () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(2000, 0, 1) / 1000, max: Date.UTC(2099, 0, 1) / 1000 }), (s) => {
      const d = new Date(s * 1000);
      expect(parseChinaDateTime(chinaDateTime(d))).toEqual(d);
      expect(parseChinaCompact(chinaCompact(d))).toEqual(d);
      expect(parseRfc3339(chinaRfc3339(d))).toEqual(d);
    }));
  });

  it('refuses malformed times', () => {
    expect([parseChinaDateTime('2026-11-25T14:03:00'), parseChinaCompact('2026112514030'), parseRfc3339('2026-11-25 14:03:00'), parseChinaDateTime(42)]).toEqual([null, null, null, null]);
  });
});

describe('gateway crypto', () => {
  it('signs the sorted parameters, leaving out empty values and the excluded names', () => {
    expect(signingString({ b: '2', a: '1', sign: 'x', sign_type: 'RSA2', empty: '', c: 'a=b&c' }, ['sign', 'sign_type'])).toBe('a=1&b=2&c=a=b&c');
    expect(signingString({ Z: '1', a: '2', _: '3' }, [])).toBe('Z=1&_=3&a=2');
  });

  it('verifies SHA256withRSA with the matching key only, and never throws on garbage', () => {
    const a = generateRsaKeyPair();
    const b = generateRsaKeyPair();
    const sig = rsaSign('订货 123', loadPrivateKey(a.privateKey));
    expect(rsaVerify('订货 123', sig, loadPublicKey(a.publicKey))).toBe(true);
    expect(rsaVerify('订货 124', sig, loadPublicKey(a.publicKey))).toBe(false);
    expect(rsaVerify('订货 123', sig, loadPublicKey(b.publicKey))).toBe(false);
    expect(rsaVerify('订货 123', 'not base64 at all!', loadPublicKey(a.publicKey))).toBe(false);
    // Bare base64 keys (as Alipay's key tool prints them) load too.
    const bare = (pem: string) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
    expect(rsaVerify('订货 123', rsaSign('订货 123', loadPrivateKey(bare(a.privateKey))), loadPublicKey(bare(a.publicKey)))).toBe(true);
  });

  it('decrypts AEAD_AES_256_GCM only with the same key, nonce and associated data', () => {
    const key = '0123456789abcdef0123456789ABCDEF';
    const sealed = aesGcmEncrypt(key, 'nonce1234567', 'transaction', '{"total":100}');
    expect(aesGcmDecrypt(key, 'nonce1234567', 'transaction', sealed)).toBe('{"total":100}');
    expect(() => aesGcmDecrypt('1123456789abcdef0123456789ABCDEF', 'nonce1234567', 'transaction', sealed)).toThrow();
    expect(() => aesGcmDecrypt(key, 'nonce1234568', 'transaction', sealed)).toThrow();
    expect(() => aesGcmDecrypt(key, 'nonce1234567', 'refund', sealed)).toThrow();
    expect(() => aesGcmDecrypt(key, 'nonce1234567', 'transaction', 'AAAA')).toThrow();
  });
});
