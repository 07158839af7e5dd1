/**
 * Where the keys live. A copy of the data folder (a backup, a laptop carrying it) must not
 * decrypt the identifiers it holds, so the keys sit in a key folder outside it:
 * `FAZHI_KEY_DIR`, by default the data folder's sibling `<data>.keys` (mode 0700), holding
 * `pii.key` and `audit.key` (mode 0600). `FAZHI_PII_KEY` / `FAZHI_AUDIT_KEY` (base64) and
 * `FAZHI_PII_KEY_FILE` / `FAZHI_AUDIT_KEY_FILE` still override. Keys that an older
 * install kept inside the data folder are moved out on start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors.js';
import { readKeyFile } from './pii.js';

export interface KeyPaths {
  /** The key folder. */
  dir: string;
  /** The personal-identifier master key file. */
  pii: string;
  /** The audit checkpoint key file. */
  audit: string;
  /** The append-only file the signed audit checkpoints are copied to (`FAZHI_AUDIT_SINK`). */
  sink: string;
}

/** The key folder and files: `FAZHI_KEY_DIR`, else `<data>.keys` beside the data folder (`FAZHI_DATA`, default `.fazhi`). */
export function resolveKeyPaths(opts: { data?: string; keyDir?: string } = {}): KeyPaths {
  const dataDir = path.resolve(opts.data ?? process.env.FAZHI_DATA ?? '.fazhi');
  const dir = path.resolve(opts.keyDir ?? process.env.FAZHI_KEY_DIR ?? `${dataDir}.keys`);
  return {
    dir,
    pii: path.resolve(process.env.FAZHI_PII_KEY_FILE ?? path.join(dir, 'pii.key')),
    audit: path.resolve(process.env.FAZHI_AUDIT_KEY_FILE ?? path.join(dir, 'audit.key')),
    sink: path.resolve(process.env.FAZHI_AUDIT_SINK ?? path.join(dir, 'audit-checkpoints.jsonl')),
  };
}

/** Creates the key folder (mode 0700) and tightens an existing one we own. */
export function prepareKeyDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    if ((fs.statSync(dir).mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
  } catch {
    // Not ours to change (a mounted secret folder): leave it.
  }
}

/** Moves a file, across file systems too (copy with its mode, fsync, then unlink). */
function moveFile(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
    fs.chmodSync(to, 0o600);
    const fd = fs.openSync(to, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.rmSync(from);
  }
}

/**
 * Moves a key an older install kept in the data folder (`legacy`) to its place in the key
 * folder (`target`). The same key in both places: the copy in the data folder is removed.
 * Different keys: refuses to start (which one encrypted the data is for the operator to say).
 */
export function adoptLegacyKey(legacy: string, target: string, what: string, log: (m: string) => void): void {
  if (path.resolve(legacy) === path.resolve(target) || !fs.existsSync(legacy)) return;
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    moveFile(legacy, target);
    fs.chmodSync(target, 0o600);
    log(`已将${what}从数据目录移到密钥目录：${legacy} → ${target}（数据目录的副本不再能解密；请把密钥目录与数据库分开备份）`);
    return;
  }
  if (readKeyFile(legacy).equals(readKeyFile(target))) {
    fs.rmSync(legacy);
    log(`数据目录中的${what} ${legacy} 与密钥目录中的相同，已删除数据目录中的副本`);
    return;
  }
  throw new AppError(
    'KEY_CONFLICT',
    `${what}有两个不同的版本：数据目录中的 ${legacy} 与密钥目录中的 ${target}。系统无法判断哪一个加密了现有数据，拒绝启动。请确认正确的密钥，把它放在 ${target}，并把另一个移出这两个位置后重新启动`,
    1,
  );
}
