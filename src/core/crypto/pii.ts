import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Personal identifiers (居民身份证号, phone numbers) are stored encrypted
 * (AES-256-GCM) and looked up through a keyed blind index (HMAC-SHA256), so a
 * copy of the database alone reveals no citizen's identifiers. The key comes from
 * `FAZHI_PII_KEY` (32 bytes, base64) or a key file created beside the data on
 * first start (`<data>/pii.key`, mode 0600) — back it up with the database.
 */
interface Keys {
  enc: Buffer;
  mac: Buffer;
}

let keys: Keys | undefined;

function derive(master: Buffer): Keys {
  return {
    enc: Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), 'fazhi-pii-enc', 32)),
    mac: Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), 'fazhi-pii-index', 32)),
  };
}

/** Sets the master key (32 bytes). Called once by `openSystem`. */
export function configurePii(master: Buffer): void {
  if (master.length !== 32) throw new Error('PII key must be 32 bytes');
  keys = derive(master);
}

/** Loads the master key from FAZHI_PII_KEY, or from (or into) a key file. */
export function loadPiiKey(keyFile: string): Buffer {
  return loadKey('FAZHI_PII_KEY', keyFile);
}

/**
 * A 32-byte key from an environment variable (base64), else from a key file, created
 * (random, mode 0600) on first use; when two processes race, the first file wins.
 */
export function loadKey(envVar: string, keyFile: string): Buffer {
  const env = process.env[envVar];
  if (env) return Buffer.from(env, 'base64');
  if (fs.existsSync(keyFile)) return Buffer.from(fs.readFileSync(keyFile, 'utf8').trim(), 'base64');
  fs.mkdirSync(path.dirname(keyFile), { recursive: true });
  const key = crypto.randomBytes(32);
  try {
    fs.writeFileSync(keyFile, key.toString('base64'), { mode: 0o600, flag: 'wx' });
    return key;
  } catch (e) {
    // Another process created it first: use theirs.
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return Buffer.from(fs.readFileSync(keyFile, 'utf8').trim(), 'base64');
    throw e;
  }
}

function k(): Keys {
  if (!keys) throw new Error('PII key not configured (openSystem configures it)');
  return keys;
}

/** Encrypts an identifier: `v1.<iv>.<tag>.<ciphertext>` (base64url). Null stays null. */
export function encryptPii(plain: string | null | undefined): string | null {
  if (plain === null || plain === undefined || plain === '') return null;
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', k().enc, iv);
  const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return ['v1', iv.toString('base64url'), c.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

/** Decrypts what `encryptPii` produced; throws on a tampered value. */
export function decryptPii(stored: string | null | undefined): string | null {
  if (!stored) return null;
  const [v, iv, tag, ct] = stored.split('.');
  if (v !== 'v1' || !iv || !tag || ct === undefined) throw new Error('not an encrypted identifier');
  const d = crypto.createDecipheriv('aes-256-gcm', k().enc, Buffer.from(iv, 'base64url'));
  d.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8');
}

/** A keyed, deterministic index of an identifier (spaces removed, upper-cased) for equality lookups. */
export function piiIndex(plain: string | null | undefined): string | null {
  if (!plain) return null;
  return crypto.createHmac('sha256', k().mac).update(plain.replace(/\s+/g, '').toUpperCase()).digest('hex');
}
