/**
 * The two engines the bench runs on: embedded PGlite in a temp folder, and a PostgreSQL server
 * (FAZHI_BENCH_PG_URL or DATABASE_URL, else a throwaway cluster from scripts/pg-cluster.mjs).
 * On a server the bench works in a scratch database it creates and drops, never in the
 * database the URL names. Also the raw COPY baseline of each engine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { sql } from 'kysely';
import { openSystem, type System } from '../src/core/system.js';
import type { ModuleDef } from '../src/core/module.js';

export type EngineName = 'pglite' | 'postgres';

export interface RawCopyResult {
  /** The load itself: PGlite's query, or the server's time as psql's `\timing` reports it. */
  ms: number;
  /** Wall clock around the load (for PostgreSQL: the psql process, incl. start-up and connection). */
  wallMs: number;
  /** CPU time of this Node process during the load (PGlite: the engine's work; PostgreSQL: ~0, psql and the server do it). */
  cpuMs: number;
  rows: number;
}

export interface Engine {
  name: EngineName;
  /** Where it runs (folder, or server version). */
  where: string;
  sys: System;
  /** COPY the CSV file into a plain table with no constraints or indexes (`table`: one the caller made). */
  rawCopy(csvPath: string, csv: Buffer, table?: string): Promise<RawCopyResult>;
  /** Size of the database, bytes. */
  size(): Promise<number>;
  close(): Promise<void>;
}

/** The plain table of the raw COPY: the CSV's columns in file order, all nullable, no index. */
const RAW_TABLE_DDL = `CREATE TABLE bench_raw_hotline (
  order_no text, received_at timestamptz, type text, content text, org_name text,
  time_limit integer, closed_at timestamptz, replied_at timestamptz, satisfaction text)`;
const COPY_OPTIONS = `(FORMAT csv, HEADER true, ENCODING 'UTF8')`;

async function countRaw(sys: System, table = 'bench_raw_hotline'): Promise<number> {
  const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(sys.db);
  return Number(r.rows[0]!.n);
}

async function dbSize(sys: System): Promise<number> {
  const r = await sql<{ n: string | number }>`SELECT pg_database_size(current_database()) AS n`.execute(sys.db);
  return Number(r.rows[0]!.n);
}

// ---------------------------------------------------------------------------
// PGlite

export async function openPgliteEngine(modules: readonly ModuleDef[], dir: string): Promise<Engine> {
  const sys = await openSystem({ modules, data: dir, filesDir: path.join(dir, 'files') });
  const pglite = sys.database.pglite!;
  return {
    name: 'pglite',
    where: path.join(dir, 'db'),
    sys,
    async rawCopy(_csvPath, csv, table) {
      if (!table) await pglite.exec(RAW_TABLE_DDL);
      // The CSV's times have no offset: they are Beijing time.
      await pglite.exec(`SET TimeZone = 'Asia/Shanghai'`);
      const blob = new Blob([csv as unknown as BlobPart]);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await pglite.query(`COPY ${table ?? 'bench_raw_hotline'} FROM '/dev/blob' WITH ${COPY_OPTIONS}`, [], { blob });
      const ms = performance.now() - t0;
      const c = process.cpuUsage(c0);
      await pglite.exec(`RESET TimeZone`);
      return { ms, wallMs: ms, cpuMs: (c.user + c.system) / 1000, rows: await countRaw(sys, table) };
    },
    size: () => dbSize(sys),
    close: () => sys.close(),
  };
}

// ---------------------------------------------------------------------------
// PostgreSQL

export interface PgServer {
  /** Server URL (any database on it; the bench creates its own). */
  url: string;
  source: string;
  stop(): void;
}

interface Cluster {
  url: string;
  stop(): void;
}

/**
 * The server to use: FAZHI_BENCH_PG_URL, DATABASE_URL, or a throwaway cluster from the
 * machine's binaries. A string when there is none (the reason, in Chinese).
 */
export async function findPgServer(): Promise<PgServer | string> {
  const given = process.env.FAZHI_BENCH_PG_URL ?? process.env.DATABASE_URL;
  if (given) return { url: given, source: process.env.FAZHI_BENCH_PG_URL ? 'FAZHI_BENCH_PG_URL' : 'DATABASE_URL', stop() {} };
  // A .mjs without type declarations: imported by URL so the type checker leaves it alone.
  const { startCluster } = (await import(new URL('../scripts/pg-cluster.mjs', import.meta.url).href)) as { startCluster(): Promise<Cluster | null> };
  let cluster: Cluster | null;
  try {
    cluster = await startCluster();
  } catch (e) {
    return `无法启动临时 PostgreSQL：${(e as Error).message}`;
  }
  if (!cluster) return '找不到 PostgreSQL 程序（initdb）：跳过 PostgreSQL。可安装 Debian 的 postgresql 包，或设置 FAZHI_BENCH_PG_URL。';
  return { url: cluster.url, source: '临时集群 (scripts/pg-cluster.mjs)', stop: () => cluster.stop() };
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** psql from PATH, else from Debian's /usr/lib/postgresql/<version>/bin. */
function psqlBinary(): string | null {
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  for (const c of ['psql', ...versions.map((v) => path.join(base, v, 'bin', 'psql'))]) {
    if (spawnSync(c, ['--version']).status === 0) return c;
  }
  return null;
}

/** Opens the system on a fresh scratch database of the server; close() drops it. */
export async function openPostgresEngine(modules: readonly ModuleDef[], server: PgServer, dir: string): Promise<Engine> {
  const name = `fazhi_bench_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  let version = '';
  try {
    version = String((await admin.query('SHOW server_version')).rows[0]?.server_version ?? '');
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(server.url, name);
  const sys = await openSystem({ modules, target: { kind: 'postgres', url }, filesDir: path.join(dir, 'files') });
  return {
    name: 'postgres',
    where: `PostgreSQL ${version}, ${server.source}`,
    sys,
    async rawCopy(csvPath, _csv, table) {
      if (!table) await sql.raw(RAW_TABLE_DDL).execute(sys.db);
      const psql = psqlBinary();
      if (!psql) throw new Error('找不到 psql，无法测量 PostgreSQL 的 COPY');
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      // \copy streams the client-side file through COPY … FROM STDIN; \timing prints the load's time.
      const out = execFileSync(
        psql,
        [
          url,
          '-X',
          '-q',
          '-v',
          'ON_ERROR_STOP=1',
          '-c',
          '\\timing on',
          '-c',
          `\\copy ${table ?? 'bench_raw_hotline'} FROM '${csvPath.replace(/'/g, "''")}' WITH ${COPY_OPTIONS}`,
        ],
        {
          encoding: 'utf8',
          env: { ...process.env, PGOPTIONS: '-c TimeZone=Asia/Shanghai' },
        },
      );
      const wallMs = performance.now() - t0;
      const c = process.cpuUsage(c0);
      const m = /Time:\s*([\d.]+)\s*ms/.exec(out);
      return { ms: m ? Number(m[1]) : wallMs, wallMs, cpuMs: (c.user + c.system) / 1000, rows: await countRaw(sys, table) };
    },
    size: () => dbSize(sys),
    async close() {
      await sys.close();
      const a = new pg.Client({ connectionString: server.url });
      await a.connect();
      try {
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.end();
      }
    },
  };
}

/**
 * The engines of one bench run, opened one after another in a temp folder: the PostgreSQL server is
 * found once (and a throwaway cluster stopped at the end); an engine that cannot run here (no server)
 * is reported and skipped. `close()` removes the folder.
 */
export class EngineRun {
  readonly dir: string;
  private server: PgServer | string | null = null;

  constructor(
    private readonly modules: readonly ModuleDef[],
    prefix: string,
    private readonly log: (m: string) => void,
  ) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  }

  /** A fresh engine of that kind with its own folder, or null (said in the log) when it cannot run here. */
  async open(name: EngineName): Promise<{ engine: Engine; dir: string } | null> {
    const dir = fs.mkdtempSync(path.join(this.dir, `${name}-`));
    if (name === 'pglite') return { engine: await openPgliteEngine(this.modules, dir), dir };
    this.server ??= await findPgServer();
    if (typeof this.server === 'string') {
      this.log(this.server);
      return null;
    }
    return { engine: await openPostgresEngine(this.modules, this.server, dir), dir };
  }

  close(): void {
    if (this.server && typeof this.server !== 'string') this.server.stop();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
