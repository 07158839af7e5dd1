import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Personal identifiers (居民身份证号, phone numbers) are stored encrypted
 * (AES-256-GCM) and looked up through a keyed blind index (HMAC-SHA256), so a
 * copy of the database alone reveals no citizen's identifiers. The master key comes
 * from `FAZHI_PII_KEY` (32 bytes, base64) or a key file in the key folder, outside the
 * data folder (`<data>.keys/pii.key`, mode 0600; see `core/crypto/keys.ts`) — back it
 * up apart from the database. `fazhi keys rotate-pii` re-encrypts under a new key.
 */
export interface PiiKeys {
  enc: Buffer;
  mac: Buffer;
}

let keys: PiiKeys | undefined;

/** The encryption and index keys derived from a 32-byte master key. */
export function derivePiiKeys(master: Buffer): PiiKeys {
  if (master.length !== 32) throw new Error('PII key must be 32 bytes');
  return {
    enc: Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), 'fazhi-pii-enc', 32)),
    mac: Buffer.from(crypto.hkdfSync('sha256', master, Buffer.alloc(0), 'fazhi-pii-index', 32)),
  };
}

/** Sets the master key (32 bytes). Called once by `openSystem` (and by a key rotation). */
export function configurePii(master: Buffer): void {
  keys = derivePiiKeys(master);
}

/** Loads the master key from FAZHI_PII_KEY, or from (or into) a key file. */
export function loadPiiKey(keyFile: string): Buffer {
  return loadKey('FAZHI_PII_KEY', keyFile);
}

/** Reads a key file (base64 text); a file that does not hold 32 bytes is refused, naming the file. */
export function readKeyFile(keyFile: string): Buffer {
  const key = Buffer.from(fs.readFileSync(keyFile, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`密钥文件 ${keyFile} 无效：应为 32 字节密钥的 base64 文本`);
  return key;
}

/** Writes a key file (base64, mode 0600); `wx`: fails with EEXIST when the file exists. */
export function writeKeyFile(keyFile: string, key: Buffer, flag: 'wx' | 'w' = 'wx'): void {
  fs.mkdirSync(path.dirname(keyFile), { recursive: true, mode: 0o700 });
  const fd = fs.openSync(keyFile, flag, 0o600);
  try {
    fs.writeFileSync(fd, key.toString('base64'));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * A 32-byte key from an environment variable (base64), else from a key file, created
 * (random, mode 0600) on first use — unless `create` is false, when a missing file is an
 * error (`onMissing` names what to do). When two processes race, the first file wins.
 */
export function loadKey(envVar: string, keyFile: string, opts: { create?: boolean; onMissing?: () => Error } = {}): Buffer {
  const env = process.env[envVar];
  if (env) {
    const key = Buffer.from(env, 'base64');
    if (key.length !== 32) throw new Error(`环境变量 ${envVar} 无效：应为 32 字节密钥的 base64 文本`);
    return key;
  }
  if (fs.existsSync(keyFile)) return readKeyFile(keyFile);
  if (opts.create === false) throw opts.onMissing?.() ?? new Error(`找不到密钥文件 ${keyFile}`);
  const key = crypto.randomBytes(32);
  try {
    writeKeyFile(keyFile, key, 'wx');
    return key;
  } catch (e) {
    // Another process created it first: use theirs.
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return readKeyFile(keyFile);
    throw e;
  }
}

function k(): PiiKeys {
  if (!keys) throw new Error('PII key not configured (openSystem configures it)');
  return keys;
}

/** Encrypts an identifier: `v1.<iv>.<tag>.<ciphertext>` (base64url). Null stays null. */
export function encryptPii(plain: string | null | undefined, with_: PiiKeys = k()): string | null {
  if (plain === null || plain === undefined || plain === '') return null;
  const iv = crypto.randomBytes(12);
  const c = crypto.createCipheriv('aes-256-gcm', with_.enc, iv);
  const ct = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return ['v1', iv.toString('base64url'), c.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
}

/** Decrypts what `encryptPii` produced; throws on a tampered value (or one encrypted under another key). */
export function decryptPii(stored: string | null | undefined, with_: PiiKeys = k()): string | null {
  if (!stored) return null;
  const [v, iv, tag, ct] = stored.split('.');
  if (v !== 'v1' || !iv || !tag || ct === undefined) throw new Error('not an encrypted identifier');
  const d = crypto.createDecipheriv('aes-256-gcm', with_.enc, Buffer.from(iv, 'base64url'));
  d.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([d.update(Buffer.from(ct, 'base64url')), d.final()]).toString('utf8');
}

/** Whether a stored value has the shape `encryptPii` gives (not whether it decrypts). */
export const isEncryptedPii = (stored: string | null | undefined): boolean => !!stored && stored.startsWith('v1.') && stored.split('.').length === 4;

/** Whether `stored` decrypts under `with_` (a wrong key fails GCM's tag check). */
export function decryptsWith(stored: string, with_: PiiKeys): boolean {
  try {
    decryptPii(stored, with_);
    return true;
  } catch {
    return false;
  }
}

/** A keyed, deterministic index of an identifier (spaces removed, upper-cased) for equality lookups. */
export function piiIndex(plain: string | null | undefined, with_: PiiKeys = k()): string | null {
  if (!plain) return null;
  return crypto.createHmac('sha256', with_.mac).update(plain.replace(/\s+/g, '').toUpperCase()).digest('hex');
}
