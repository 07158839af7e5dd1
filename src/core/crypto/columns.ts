/**
 * The kernel's side of the modules' personal-identifier columns (`ModuleDef.pii`): opening
 * the key against the data it encrypted, sealing plain text left from before a column was
 * encrypted, and re-encrypting every column under a new key (`fazhi keys rotate-pii`).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { PiiColumnDef } from '../module.js';
import type { AnyDb, KernelDB } from '../db/types.js';
import { AppError } from '../errors.js';
import { recordAudit, recordAuditMany } from '../audit/audit.js';
import { entitiesOfTables, sealRecords, verifyRecords } from '../audit/records.js';
import { systemActor } from '../context.js';
import { configurePii, decryptPii, decryptsWith, derivePiiKeys, encryptPii, isEncryptedPii, loadKey, piiIndex, readKeyFile, writeKeyFile } from './pii.js';

type Db = AnyDb;

const IDENT = /^[a-z_][a-z0-9_]*$/;
/** Serialises key rotation with the start-up step that completes an interrupted one. */
const ROTATION_LOCK = sql`SELECT pg_advisory_xact_lock(hashtext('fazhi.pii.rotate'))`;

/** The declared columns, checked and without repeats. */
export function piiColumns(defs: readonly PiiColumnDef[]): PiiColumnDef[] {
  const seen = new Map<string, PiiColumnDef>();
  for (const d of defs) {
    for (const id of [d.table, d.column, ...(d.index ? [d.index] : [])]) if (!IDENT.test(id)) throw new Error(`pii: invalid identifier ${id}`);
    if (d.sealPlaintext && !d.index) throw new Error(`pii: ${d.table}.${d.column} seals plain text but has no index column`);
    const k = `${d.table}.${d.column}`;
    if (seen.has(k)) throw new Error(`pii: ${k} declared twice`);
    seen.set(k, d);
  }
  return [...seen.values()];
}

/** One encrypted value from any declared column (to tell which key the data is under), or null when there is none. */
export async function sampleCiphertext(db: Db, cols: readonly PiiColumnDef[]): Promise<string | null> {
  for (const c of cols) {
    const r = await sql<{ v: string }>`SELECT ${sql.ref(c.column)} AS v FROM ${sql.table(c.table)} WHERE ${sql.ref(c.column)} LIKE 'v1.%' LIMIT 1`.execute(db);
    if (r.rows[0]) return r.rows[0].v;
  }
  return null;
}

const retiredName = (keyFile: string) => `${keyFile}.retired-${new Date().toISOString().replace(/[:.]/g, '-')}`;

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
  } catch {
    // Not every platform can fsync a directory.
  }
}

/**
 * Puts the new key in place after the database committed a rotation: the old key file
 * becomes `pii.key.retired-<time>`, `pii.key.next` becomes `pii.key`. Idempotent — a second
 * call (or another process finishing first) leaves things as they are.
 */
function finishRotation(keyFile: string, newKey: Buffer): string | null {
  const next = `${keyFile}.next`;
  let retired: string | null = null;
  if (fs.existsSync(keyFile) && !readKeyFile(keyFile).equals(newKey)) {
    retired = retiredName(keyFile);
    fs.renameSync(keyFile, retired);
  }
  if (fs.existsSync(next)) fs.renameSync(next, keyFile);
  fsyncDir(path.dirname(keyFile));
  return retired;
}

const mismatch = (source: string) =>
  new AppError(
    'PII_KEY_MISMATCH',
    `个人信息加密密钥（${source}）与数据库中已加密的数据不符：无法解密身份证号、电话。请确认密钥目录（FAZHI_KEY_DIR，默认为数据目录旁的 <数据目录>.keys）或 FAZHI_PII_KEY 是本数据库所用的密钥`,
    1,
  );

/**
 * The master key for the running system, checked against the data it encrypted:
 * from `FAZHI_PII_KEY`, else the key file. An interrupted rotation (`pii.key.next` left
 * behind) is completed or abandoned according to which key decrypts the data. A missing key
 * file is created only while the database holds no encrypted identifier; with encrypted data
 * and no key the system refuses to start rather than encrypt new records under a second key.
 */
export async function openPiiKey(db: Db, defs: readonly PiiColumnDef[], keyFile: string, log: (m: string) => void): Promise<Buffer> {
  const cols = piiColumns(defs);
  if (process.env.FAZHI_PII_KEY) {
    const key = loadKey('FAZHI_PII_KEY', keyFile);
    const sample = await sampleCiphertext(db, cols);
    if (sample && !decryptsWith(sample, derivePiiKeys(key))) throw mismatch('环境变量 FAZHI_PII_KEY');
    return key;
  }
  const next = `${keyFile}.next`;
  if (fs.existsSync(next)) {
    await db.transaction().execute(async (tx) => {
      await ROTATION_LOCK.execute(tx);
      if (!fs.existsSync(next)) return; // another process finished it while we waited
      let nextKey: Buffer | null = null;
      try {
        nextKey = readKeyFile(next);
      } catch {
        nextKey = null; // cut short while being written: the rotation never reached the database
      }
      const current = fs.existsSync(keyFile) ? readKeyFile(keyFile) : null;
      const sample = await sampleCiphertext(tx, cols);
      if (nextKey && ((sample && decryptsWith(sample, derivePiiKeys(nextKey))) || (!sample && !current))) {
        const retired = finishRotation(keyFile, nextKey);
        log(`上次更换个人信息加密密钥时，数据库已提交但密钥文件未就位：已启用新密钥 ${keyFile}${retired ? `，旧密钥保存为 ${retired}` : ''}`);
      } else if (current && (!sample || decryptsWith(sample, derivePiiKeys(current)))) {
        fs.rmSync(next);
        log(`上次更换个人信息加密密钥未完成（数据库未提交）：仍使用原密钥 ${keyFile}，已删除 ${next}`);
      } else {
        throw mismatch(`${keyFile} 与 ${next}`);
      }
    });
  }
  if (!fs.existsSync(keyFile)) {
    if (await sampleCiphertext(db, cols)) {
      throw new AppError(
        'PII_KEY_MISSING',
        `找不到个人信息加密密钥 ${keyFile}，而数据库中已有加密的身份证号、电话。为免用另一把密钥加密新数据，系统拒绝启动。请把本数据库的密钥文件 pii.key 放回密钥目录 ${path.dirname(keyFile)}（或用 FAZHI_KEY_DIR、FAZHI_PII_KEY_FILE、FAZHI_PII_KEY 指明）`,
        1,
      );
    }
    return loadKey('FAZHI_PII_KEY', keyFile); // first start: a new random key
  }
  const key = readKeyFile(keyFile);
  const sample = await sampleCiphertext(db, cols);
  if (sample && !decryptsWith(sample, derivePiiKeys(key))) throw mismatch(keyFile);
  return key;
}

interface PkCol {
  name: string;
  type: string;
}

/** The primary-key columns of a table, in key order, with their SQL types. */
async function primaryKey(db: Db, table: string): Promise<PkCol[]> {
  const r = await sql<PkCol>`
    SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
    FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
    WHERE i.indrelid = to_regclass(${table}) AND i.indisprimary
    ORDER BY array_position(i.indkey::int2[], a.attnum)`.execute(db);
  if (!r.rows.length) throw new Error(`pii: table ${table} has no primary key`);
  return r.rows;
}

/** Rows after `last` in key order (keyset paging). */
function after(pk: readonly PkCol[], last: readonly unknown[] | null) {
  if (!last) return sql`TRUE`;
  return sql`(${sql.join(pk.map((k) => sql.ref(k.name)))}) > (${sql.join(pk.map((k, i) => sql`${last[i]}::${sql.raw(k.type)}`))})`;
}

/**
 * Writes new values for a chunk of rows in one statement (arrays unnested; no IN list): the
 * `targets` columns of the rows whose primary key is each of `keys` get that row's `values`.
 */
async function updateChunk(
  db: Db,
  { table, pk }: { table: string; pk: readonly PkCol[] },
  { targets, keys, values }: { targets: readonly string[]; keys: unknown[][]; values: (string | null)[][] },
  extraWhere?: (u: string) => ReturnType<typeof sql>,
) {
  if (!keys.length) return;
  const args = [...pk.map((k, i) => sql`${keys.map((r) => r[i])}::${sql.raw(k.type)}[]`), ...targets.map((_, j) => sql`${values.map((r) => r[j])}::text[]`)];
  const names = [...pk.map((_, i) => `k${i}`), ...targets.map((_, j) => `v${j}`)];
  await sql`
    UPDATE ${sql.table(table)} AS t SET ${sql.join(targets.map((c, j) => sql`${sql.ref(c)} = u.${sql.raw(`v${j}`)}`))}
    FROM unnest(${sql.join(args)}) AS u(${sql.raw(names.join(', '))})
    WHERE ${sql.join(
      pk.map((k, i) => sql`t.${sql.ref(k.name)} = u.${sql.raw(`k${i}`)}`),
      sql` AND `,
    )}${extraWhere ? sql` AND ${extraWhere('t')}` : sql``}`.execute(db);
}

/**
 * Seals rows written before a column was encrypted (`sealPlaintext`: value set, index
 * null) under the current key, a chunk at a time. Idempotent: a sealed row has its index
 * and is not selected again; a crash part-way leaves the rest for the next start.
 */
export async function sealPlaintext(db: Db, defs: readonly PiiColumnDef[], chunk = 500): Promise<number> {
  let sealed = 0;
  for (const c of piiColumns(defs).filter((d) => d.sealPlaintext)) {
    // Nearly always nothing to do: one look (through the partial index) before reading the catalog.
    const any = await sql`SELECT 1 FROM ${sql.table(c.table)} WHERE ${sql.ref(c.column)} IS NOT NULL AND ${sql.ref(c.index!)} IS NULL LIMIT 1`.execute(db);
    if (!any.rows.length) continue;
    const pk = await primaryKey(db, c.table);
    let last: unknown[] | null = null;
    for (;;) {
      const rows: Record<string, unknown>[] = (
        await sql<Record<string, unknown>>`
          SELECT ${sql.join(pk.map((k) => sql.ref(k.name)))}, ${sql.ref(c.column)} AS v FROM ${sql.table(c.table)}
          WHERE ${sql.ref(c.column)} IS NOT NULL AND ${sql.ref(c.index!)} IS NULL AND ${after(pk, last)}
          ORDER BY ${sql.join(pk.map((k) => sql.ref(k.name)))} LIMIT ${chunk}`.execute(db)
      ).rows;
      if (!rows.length) break;
      const keys: unknown[][] = rows.map((r) => pk.map((k) => r[k.name]));
      const values = rows.map((r) => {
        const v = String(r.v);
        const plain = isEncryptedPii(v) ? decryptPii(v) : v.trim();
        return [encryptPii(plain), piiIndex(plain)];
      });
      await updateChunk(db, { table: c.table, pk }, { targets: [c.column, c.index!], keys, values }, (t) => sql`${sql.raw(t)}.${sql.ref(c.index!)} IS NULL`);
      sealed += rows.length;
      last = keys[keys.length - 1]!;
    }
  }
  return sealed;
}

export interface RotationResult {
  columns: Array<{ table: string; column: string; values: number }>;
  /** Where the old key was kept. */
  retired: string | null;
  keyFile: string;
}

/**
 * Re-encrypts every declared column and recomputes every blind index under a new random
 * key, in one transaction, a chunk of rows at a time (keyset order on the primary key).
 * Ordering against a crash: the new key is written to `pii.key.next` first, then the
 * database commits, then the files are renamed (`pii.key` → `pii.key.retired-<time>`,
 * `pii.key.next` → `pii.key`); a start after a crash finishes or abandons the rotation by
 * which key decrypts the data (`openPiiKey`). One audit event per tenant records it.
 */
export async function rotatePiiKey(
  db: Db,
  defs: readonly PiiColumnDef[],
  keyFile: string,
  opts: { chunk?: number; actorName?: string; afterCommit?: () => void } = {},
): Promise<RotationResult> {
  if (process.env.FAZHI_PII_KEY) {
    throw new AppError(
      'PII_KEY_FROM_ENV',
      '个人信息加密密钥由环境变量 FAZHI_PII_KEY 提供，无法由本命令更换：请先把该密钥写入密钥文件（FAZHI_PII_KEY_FILE 或密钥目录中的 pii.key）、取消该环境变量，再执行更换',
      1,
    );
  }
  if (!fs.existsSync(keyFile)) throw new AppError('PII_KEY_MISSING', `找不到个人信息加密密钥 ${keyFile}`, 1);
  const cols = piiColumns(defs);
  const chunk = opts.chunk ?? 500;
  const oldKeys = derivePiiKeys(readKeyFile(keyFile));
  const newKey = crypto.randomBytes(32);
  const newKeys = derivePiiKeys(newKey);
  const next = `${keyFile}.next`;
  const counts: RotationResult['columns'] = cols.map((c) => ({ table: c.table, column: c.column, values: 0 }));
  let wroteNext = false;
  try {
    await db.transaction().execute(async (tx) => {
      await ROTATION_LOCK.execute(tx);
      if (fs.existsSync(next)) {
        throw new AppError(
          'PII_ROTATION_PENDING',
          `上次更换密钥留下了 ${next}：请先启动一次系统（任何命令，如 fazhi migrate）让它完成或放弃上次更换，再重试`,
          1,
        );
      }
      writeKeyFile(next, newKey, 'wx');
      wroteNext = true;
      fsyncDir(path.dirname(keyFile));
      const byTable = new Map<string, PiiColumnDef[]>();
      for (const c of cols) byTable.set(c.table, [...(byTable.get(c.table) ?? []), c]);
      // Re-encrypting changes the records' rows without an event per record: their states are
      // recorded again afterwards (`rekeyed`) — only if they matched their audit trail before,
      // so a rotation never blesses a change made outside the application.
      const touched = entitiesOfTables([...byTable.keys()]);
      const tenants = await tx.selectFrom('tenant').select(['id', 'name']).execute();
      for (const t of tenants) {
        const check = await verifyRecords(tx as unknown as Kysely<KernelDB>, t.id, { entities: touched, limit: 3 });
        if (!check.ok) {
          throw new AppError(
            'RECORDS_INCONSISTENT',
            `${t.name}有 ${check.problemCount} 条含个人信息的记录与审计记录不符（如 ${check.problems.map((p) => `${p.entity} ${p.entityId}`).join('、')}），未更换密钥：请先运行 fazhi audit verify --records 查明原因`,
            1,
          );
        }
      }
      for (const [table, tcols] of byTable) {
        // Writers wait until the rotation commits (readers do not).
        await sql`LOCK TABLE ${sql.table(table)} IN EXCLUSIVE MODE`.execute(tx);
        const pk = await primaryKey(tx, table);
        const targets = tcols.flatMap((c) => [c.column, ...(c.index ? [c.index] : [])]);
        let last: unknown[] | null = null;
        for (;;) {
          const rows: Record<string, unknown>[] = (
            await sql<Record<string, unknown>>`
              SELECT ${sql.join(pk.map((k) => sql.ref(k.name)))}, ${sql.join(tcols.map((c, j) => sql`${sql.ref(c.column)} AS ${sql.raw(`c${j}`)}`))}
              FROM ${sql.table(table)}
              WHERE (${sql.join(
                tcols.map((c) => sql`${sql.ref(c.column)} IS NOT NULL`),
                sql` OR `,
              )}) AND ${after(pk, last)}
              ORDER BY ${sql.join(pk.map((k) => sql.ref(k.name)))} LIMIT ${chunk}`.execute(tx)
          ).rows;
          if (!rows.length) break;
          const keys: unknown[][] = rows.map((r) => pk.map((k) => r[k.name]));
          const values = rows.map((r, i) =>
            tcols.flatMap((c, j) => {
              const stored = r[`c${j}`] as string | null;
              if (stored === null || stored === '') return c.index ? [null, null] : [null];
              let plain: string | null;
              try {
                plain = decryptPii(stored, oldKeys);
              } catch {
                throw new AppError(
                  'PII_UNREADABLE',
                  `${table}.${c.column} 第 ${JSON.stringify(keys[i])} 行的值无法用当前密钥解密（不是本密钥加密的数据），未作任何更改`,
                  1,
                );
              }
              counts.find((x) => x.table === table && x.column === c.column)!.values++;
              return c.index ? [encryptPii(plain, newKeys), piiIndex(plain, newKeys)] : [encryptPii(plain, newKeys)];
            }),
          );
          await updateChunk(tx, { table, pk }, { targets, keys, values });
          last = keys[keys.length - 1]!;
        }
      }
      for (const t of tenants) {
        const actor = systemActor(t.id, opts.actorName ?? '命令行');
        await sealRecords(tx as unknown as Kysely<KernelDB>, t.id, (inputs) => recordAuditMany(tx as unknown as Kysely<KernelDB>, actor, inputs), {
          entities: touched,
          action: 'rekeyed',
          reason: '更换个人信息加密密钥后重新记录状态',
        });
        await recordAudit(tx as unknown as Kysely<KernelDB>, actor, {
          entity: 'system.pii_key',
          entityId: 'pii',
          action: 'rotated',
          note: { columns: counts.map((c) => `${c.table}.${c.column}`), values: counts.reduce((s, c) => s + c.values, 0) },
        });
      }
    });
  } catch (e) {
    // Rolled back: the data is still under the old key; the new one is of no use.
    if (wroteNext && fs.existsSync(next) && readKeyFile(next).equals(newKey)) fs.rmSync(next);
    throw e;
  }
  opts.afterCommit?.();
  const retired = finishRotation(keyFile, newKey);
  configurePii(newKey);
  return { columns: counts, retired, keyFile };
}
