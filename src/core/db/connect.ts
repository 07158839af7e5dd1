import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect, type Dialect } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { KernelDB } from './types.js';
import { AppError } from '../errors.js';

/**
 * Where the data lives: an embedded PGlite folder, or a PostgreSQL server — with, optionally, a
 * streaming replica for the reads that tolerate replication lag (`readUrl`, from DATABASE_READ_URL).
 */
export type DatabaseTarget = { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string; readUrl?: string };

/** What one connection pool has run: statements, those that write, and transactions begun. */
export interface PoolStats {
  statements: number;
  /** Statements that change data or schema (INSERT, UPDATE, DELETE, MERGE, DDL, COPY … FROM, a writing CTE). */
  writes: number;
  /** Transactions begun (BEGIN / START TRANSACTION). */
  transactions: number;
}

export interface Database {
  /** The primary: every write, every transaction, every read that must see the latest state. */
  db: Kysely<KernelDB>;
  /**
   * The replica, when DATABASE_READ_URL names one: reads that tolerate replication lag (figures,
   * reports, exports — `lagTolerantDb` in src/core/context.ts picks it). Its sessions are read-only.
   */
  readDb?: Kysely<KernelDB>;
  target: DatabaseTarget;
  /** The embedded engine, when there is one (tests clone it). */
  pglite?: PGlite;
  /** What each PostgreSQL pool has run since it opened (tests prove no write goes to the replica). */
  stats?: { primary: PoolStats; read: PoolStats | null };
  close(): Promise<void>;
}

const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;

// bigint → number (counts and fen stay far below 2^53), date → 'YYYY-MM-DD' (no timezone shifts).
pg.types.setTypeParser(INT8, (v) => Number(v));
pg.types.setTypeParser(DATE, (v) => v);
pg.types.setTypeParser(NUMERIC, (v) => Number(v));

const pgliteParsers = {
  [INT8]: (v: string) => Number(v),
  [DATE]: (v: string) => v,
  [NUMERIC]: (v: string) => Number(v),
};

/**
 * Resolves the target from explicit options, then `DATABASE_URL`, then `FAZHI_DATA`,
 * then the default folder `./.fazhi`. `DATABASE_READ_URL` (a replica of that server) goes with
 * `DATABASE_URL` only: alone it is refused, and an explicit data folder leaves it unused.
 */
export function resolveTarget(opts: { data?: string; url?: string; readUrl?: string } = {}): DatabaseTarget {
  const url = opts.url ?? process.env.DATABASE_URL;
  const readUrl = opts.readUrl ?? process.env.DATABASE_READ_URL;
  if (readUrl && !url) {
    throw new AppError('CONFIG', '设置了 DATABASE_READ_URL（只读副本）但没有设置 DATABASE_URL（主库）：只读副本只能与 PostgreSQL 主库一起使用', 1);
  }
  if (url && !opts.data) return readUrl ? { kind: 'postgres', url, readUrl } : { kind: 'postgres', url };
  const dir = opts.data ?? process.env.FAZHI_DATA ?? '.fazhi';
  return { kind: 'pglite', dataDir: path.resolve(dir, 'db') };
}

/** The folder for attachments and other files beside the database. */
export function resolveFilesDir(opts: { data?: string } = {}): string {
  return path.resolve(process.env.FAZHI_FILES ?? path.join(opts.data ?? process.env.FAZHI_DATA ?? '.fazhi', 'files'));
}

/**
 * When a process started (clock ticks since boot, from /proc/<pid>/stat), or null where
 * /proc is not available. A pid and its start time name one process: a pid reused by
 * another program after a crash has a different start time.
 */
export function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: fields start after its last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

/**
 * The embedded engine is single-process: a second process opening the same folder
 * would corrupt it. A lock file holds the owner's pid and start time; a stale lock
 * (its process gone, or its pid since reused by another process) is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = path.join(dataDir, '..', 'fazhi.lock');
  const me = `${process.pid} ${processStartTime(process.pid) ?? ''}`.trim();
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lock, me, { flag: 'wx' });
      return () => fs.rmSync(lock, { force: true });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const [pidText, started] = fs.readFileSync(lock, 'utf8').trim().split(/\s+/);
      const pid = Number(pidText);
      let alive = false;
      try {
        if (pid > 0 && pid !== process.pid) {
          process.kill(pid, 0); // throws when no such process
          alive = true;
        }
      } catch {
        alive = false;
      }
      // The pid lives, but is it the process that took the lock? (A pid is reused after a crash.)
      if (alive && started && processStartTime(pid) !== null && processStartTime(pid) !== started) alive = false;
      if (alive) {
        throw new AppError(
          'DATA_DIR_IN_USE',
          `数据目录 ${path.dirname(dataDir)} 正被另一个进程（pid ${pid}）使用：嵌入式数据库只能由一个进程打开。请先停止该进程（如正在运行的服务），或改用 PostgreSQL（DATABASE_URL）`,
          1,
        );
      }
      fs.rmSync(lock, { force: true });
    }
  }
  throw new AppError('DATA_DIR_IN_USE', `无法锁定数据目录 ${path.dirname(dataDir)}`, 1);
}

/** Opens a PGlite instance (in memory when dataDir is null, or from a dump). */
export async function openPglite(dataDir: string | null, loadDataDir?: Blob): Promise<PGlite> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(dataDir ? { dataDir } : {}),
    ...(loadDataDir ? { loadDataDir } : {}),
    parsers: pgliteParsers,
  });
  await pglite.exec(`SET TIME ZONE 'UTC'`);
  return pglite;
}

/**
 * Every session runs in UTC. The SQL never depends on the session's zone (business dates are
 * computed `AT TIME ZONE 'Asia/Shanghai'`), but a record's state hash renders its timestamps
 * as text, which must not change with the server's configuration.
 */
const SESSION_OPTIONS = '-c TimeZone=UTC';

/** Marks a multi-statement script (a migration): PGlite runs it with `exec`, a server with the simple protocol. */
export const SCRIPT_MARKER = '-- fazhi:script\n';

export function kyselyOverPglite(pglite: PGlite): Kysely<KernelDB> {
  // PGlite's `query` runs one statement; scripts go through `exec`.
  const client = new Proxy(pglite, {
    get(target, prop, receiver) {
      if (prop === 'query') {
        return async (text: string, params?: unknown[], opts?: unknown) => {
          if (text.startsWith(SCRIPT_MARKER) && !params?.length) {
            const results = await target.exec(text);
            return results[results.length - 1] ?? { rows: [], fields: [] };
          }
          return target.query(text, params, opts as Parameters<PGlite['query']>[2]);
        };
      }
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return new Kysely<KernelDB>({ dialect: new PGliteDialect(client) as Dialect });
}

/** A statement that changes data or schema: its first keyword, or a data-modifying CTE (`WITH … INSERT`). */
const WRITE_START =
  /^(INSERT|UPDATE|DELETE|MERGE|CREATE|ALTER|DROP|TRUNCATE|GRANT|REVOKE|COMMENT|VACUUM|ANALYZE|REINDEX|CLUSTER|REFRESH|LOCK|COPY\s+\S+\s+FROM)\b/i;
const WRITE_CTE = /\)\s*(INSERT\s+INTO|UPDATE\s+"?\w+"?\s+(AS\s+\w+\s+)?SET|DELETE\s+FROM)\b/i;

/** Sorts a statement for the pool's counters (comments, the script marker and parentheses skipped). */
export function statementKind(text: string): 'write' | 'begin' | 'read' {
  const t = text.replace(/^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/|\()+/, '');
  if (/^(BEGIN|START\s+TRANSACTION)\b/i.test(t)) return 'begin';
  if (WRITE_START.test(t) || (/^WITH\b/i.test(t) && WRITE_CTE.test(t))) return 'write';
  return 'read';
}

/**
 * A pool whose connections count what they run. A PostgreSQL pool's every statement goes through
 * its client's `query`; the client is wrapped when the pool connects it.
 */
function countingPool(config: pg.PoolConfig, stats: PoolStats): pg.Pool {
  const pool = new pg.Pool(config);
  // An idle connection dropped by the server (restart, failover) must not crash the process:
  // the pool discards it and opens a new one on the next query.
  pool.on('error', (err) => console.error(`PostgreSQL 连接中断：${err.message}`));
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const first = args[0];
      const text = typeof first === 'string' ? first : ((first as { text?: string } | null)?.text ?? '');
      stats.statements++;
      const kind = statementKind(text);
      if (kind === 'write') stats.writes++;
      else if (kind === 'begin') stats.transactions++;
      return query(...args);
    };
  });
  return pool;
}

const newStats = (): PoolStats => ({ statements: 0, writes: 0, transactions: 0 });

/** The server each PostgreSQL primary handle connects to (not a transaction's handle, nor PGlite's). */
const serverUrls = new WeakMap<Kysely<KernelDB>, string>();

/**
 * The connection string of a PostgreSQL primary opened by {@link openDatabase}: for work that opens
 * connections of its own beside the pool (a long audit verify walks its chain in ranges on several).
 */
export function serverUrlOf(db: Kysely<KernelDB>): string | undefined {
  return serverUrls.get(db);
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const stats = { primary: newStats(), read: target.readUrl ? newStats() : null };
    const pool = countingPool({ connectionString: target.url, max: 10, options: SESSION_OPTIONS, application_name: 'fazhi' }, stats.primary);
    const db = new Kysely<KernelDB>({ dialect: new PostgresDialect({ pool }) });
    serverUrls.set(db, target.url);
    if (!target.readUrl || !stats.read) return { db, target, stats, close: () => db.destroy() };
    // The replica's sessions are read-only: a write sent there by mistake is refused by the server
    // even when the URL names a primary (a hot standby refuses it anyway).
    const readPool = countingPool(
      { connectionString: target.readUrl, max: 10, options: `${SESSION_OPTIONS} -c default_transaction_read_only=on`, application_name: 'fazhi-read' },
      stats.read,
    );
    const readDb = new Kysely<KernelDB>({ dialect: new PostgresDialect({ pool: readPool }) });
    return {
      db,
      readDb,
      target,
      stats,
      async close() {
        await Promise.all([db.destroy(), readDb.destroy()]);
      },
    };
  }
  const unlock = target.dataDir ? lockDataDir(target.dataDir) : () => {};
  try {
    const pglite = await openPglite(target.dataDir);
    const db = kyselyOverPglite(pglite);
    return {
      db,
      target,
      pglite,
      async close() {
        await db.destroy();
        unlock();
      },
    };
  } catch (e) {
    unlock();
    throw e;
  }
}
