/**
 * Password hashing: scrypt at OWASP's recommended cost (N = 2^17, r = 8, p = 1), a 16-byte random
 * salt per user, a 32-byte key, compared in constant time. The parameters travel with the hash
 * (`scrypt$N$r$p$salt$key`), so raising the cost later does not lock anyone out.
 * Node's async scrypt runs on the thread pool: the window does not freeze while a password is checked.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** OWASP Password Storage Cheat Sheet, scrypt: N=2^17 (128 MiB), r=8, p=1. */
export const recommendedCost = 17;

const r = 8;
const p = 1;
const keyLength = 32;

function derive(password: string, salt: Buffer, log2N: number): Promise<Buffer> {
  const N = 2 ** log2N;
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, keyLength, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string, log2N = recommendedCost): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, log2N);
  return ['scrypt', log2N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

/** True when `password` matches `encoded`. A malformed hash never matches. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const [scheme, n, rr, pp, salt, key] = encoded.split('$');
  if (scheme !== 'scrypt' || !n || !salt || !key || Number(rr) !== r || Number(pp) !== p) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), Number(n));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
