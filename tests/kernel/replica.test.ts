/**
 * Reads on a streaming replica (issue #17 item 5; docs/postgres.md "A read replica"): with
 * DATABASE_URL = a primary and DATABASE_READ_URL = its hot standby, the figures (metrics and their
 * drill-downs, the report, the dashboard) and ledger exports read the standby; writes, sessions and
 * a record read right after its save go to the primary; nothing is ever written through the read pool.
 *
 * The primary and the standby are started here from the machine's binaries (scripts/pg-cluster.mjs:
 * wal_level=replica, `pg_basebackup -R`), loaded with the postgres project's demo template
 * (pg_dump | pg_restore). Postgres project only; skipped, saying why, without the binaries.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementKind, type PoolStats } from '../../src/core/db/connect.js';
import { lagTolerantDb } from '../../src/core/context.js';
import { openSystem, type System } from '../../src/core/system.js';
import { modules } from '../../src/modules/index.js';
import { type Client, login, testServer } from '../helpers/http.js';
import { adminUrl, pgTemplateName } from '../helpers/paths.js';
import { dbKind } from '../helpers/system.js';

interface Cluster {
  url: string;
  port: number;
  bin: string;
  stop(): void;
}
const pgCluster = (await import(new URL('../../scripts/pg-cluster.mjs', import.meta.url).href)) as {
  findPgBin(): string | null;
  startCluster(o?: { replication?: boolean }): Promise<Cluster | null>;
  startStandby(primary: Cluster): Promise<Cluster>;
};

describe('statementKind: what the pools count as a write', () => {
  it.each([
    ['SELECT 1', 'read'],
    ['select "dm_item"."id" from "dm_item" where "updated_at" > $1', 'read'],
    ['WITH x AS (SELECT 1) SELECT * FROM x', 'read'],
    ['(SELECT 1) UNION ALL (SELECT 2)', 'read'],
    ['SHOW server_version', 'read'],
    ['insert into "dm_item" ("id") values ($1)', 'write'],
    ['update "dm_item" set "status" = $1', 'write'],
    ['delete from "tracked_deadline" where "id" = $1', 'write'],
    ['WITH d AS (SELECT 1) INSERT INTO t SELECT * FROM d', 'write'],
    ['WITH d AS (SELECT 1) UPDATE t SET a = 1', 'write'],
    ['-- fazhi:script\nCREATE TABLE t (a int)', 'write'],
    ['/* c */ ALTER TABLE t ADD b int', 'write'],
    ['COPY t FROM STDIN', 'write'],
    ['COPY t TO STDOUT', 'read'],
    ['begin', 'begin'],
    ['START TRANSACTION ISOLATION LEVEL SERIALIZABLE', 'begin'],
  ])('%s → %s', (text, kind) => {
    expect(statementKind(text)).toBe(kind);
  });
});

const bin = pgCluster.findPgBin();
const reason =
  dbKind !== 'postgres'
    ? 'runs in the postgres project only'
    : !bin
      ? 'skipped: no PostgreSQL binaries (initdb, pg_basebackup) on this machine — install Debian’s postgresql package'
      : null;

describe.skipIf(reason !== null)(`a primary and a streaming standby${reason ? ` (${reason})` : ''}`, () => {
  let primary: Cluster | null = null;
  let standby: Cluster | null = null;
  let sys: System;
  let app: FastifyInstance;
  let clerk: Client;
  let leader: Client;
  const dirs: string[] = [];
  const stats = () => {
    const s = sys.database.stats!;
    return { primary: { ...s.primary }, read: { ...(s.read as PoolStats) } };
  };
  /** What each pool ran during `f`. */
  const during = async <T>(f: () => Promise<T>) => {
    const a = stats();
    const value = await f();
    const b = stats();
    const diff = (x: PoolStats, y: PoolStats) => ({
      statements: y.statements - x.statements,
      writes: y.writes - x.writes,
      transactions: y.transactions - x.transactions,
    });
    return { value, primary: diff(a.primary, b.primary), read: diff(a.read, b.read) };
  };
  /** Waits until the standby has replayed everything the primary has written so far. */
  const caughtUp = async () => {
    const lsn = (await sql<{ l: string }>`SELECT pg_current_wal_lsn()::text AS l`.execute(sys.db)).rows[0]!.l;
    for (let i = 0; i < 300; i++) {
      const r = await sql<{ ok: boolean }>`SELECT pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn AS ok`.execute(sys.database.readDb!);
      if (r.rows[0]!.ok) return;
      await new Promise((res) => setTimeout(res, 50));
    }
    throw new Error(`the standby did not replay ${lsn} within 15 s`);
  };

  beforeAll(async () => {
    primary = await pgCluster.startCluster({ replication: true });
    if (!primary) throw new Error('no PostgreSQL binaries');
    // The demo bureau, from the postgres project's template.
    // One folder of our own for everything (openSystem adopts keys it finds beside the files folder).
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-replica-'));
    dirs.push(dir);
    const dump = path.join(dir, 'demo.dump');
    execFileSync(path.join(primary.bin, 'pg_dump'), ['-Fc', '-f', dump, adminUrl(pgTemplateName('demo'))]);
    execFileSync(path.join(primary.bin, 'pg_restore'), ['--no-owner', '-d', primary.url, dump]);
    standby = await pgCluster.startStandby(primary);
    const filesDir = path.join(dir, 'files');
    sys = await openSystem({ modules, target: { kind: 'postgres', url: primary.url, readUrl: standby.url }, filesDir, keyDir: path.join(dir, 'keys') });
    app = await testServer(sys);
    clerk = await login(app, 'clerk');
    leader = await login(app, 'leader');
    await caughtUp();
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await sys?.close();
    standby?.stop();
    primary?.stop();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it('the read pool is the standby, in recovery, and its sessions are read-only', async () => {
    const r = await sql<{ rec: boolean; ro: string }>`SELECT pg_is_in_recovery() AS rec, current_setting('transaction_read_only') AS ro`.execute(
      sys.database.readDb!,
    );
    expect(r.rows[0]).toEqual({ rec: true, ro: 'on' });
    const p = await sql<{ rec: boolean }>`SELECT pg_is_in_recovery() AS rec`.execute(sys.db);
    expect(p.rows[0]!.rec).toBe(false);
    // A context inside a transaction reads the transaction, never the replica.
    const ctx = sys.ctx({ tenantId: '', userId: null, name: '', orgId: null, roles: [], scope: { all: true }, permissions: new Set() });
    expect(lagTolerantDb(ctx)).toBe(sys.database.readDb);
    await sys.db.transaction().execute(async (tx) => {
      expect(lagTolerantDb({ ...ctx, db: tx })).toBe(tx);
    });
  });

  it('a save goes to the primary, the record read right after it too; the figures read the standby once it caught up', async () => {
    const drill = () => leader.req('GET', '/api/metrics/hotline.overdue/drill?year=2022');
    const before = await during(drill);
    expect(before.value.status).toBe(200);
    expect(before.read.statements).toBeGreaterThan(0);
    expect(before.read.writes).toBe(0);

    const saved = await during(() =>
      clerk.req('POST', '/api/hotline/items', {
        refNo: 'GZ-REPLICA-0001',
        receivedAt: '2022-05-06 09:00',
        demandType: '咨询',
        title: '副本读取',
        content: '写入主库后由副本统计',
        timeLimit: 1,
      }),
    );
    expect(saved.value.status, JSON.stringify(saved.value.body)).toBe(201);
    expect(saved.primary.writes).toBeGreaterThan(0);
    expect(saved.read.statements).toBe(0);

    // Read-your-write: the record page right after the save reads the primary (no replica wait).
    const page = await during(() => clerk.req('GET', `/api/hotline/items/${saved.value.body.data.id}`));
    expect(page.value.status).toBe(200);
    expect(page.value.body.data.refNo).toBe('GZ-REPLICA-0001');
    expect(page.read.statements).toBe(0);
    expect(page.primary.statements).toBeGreaterThan(0);

    await caughtUp();
    const after = await during(drill);
    expect(after.value.status).toBe(200);
    expect(after.value.body.data.value).toBe(before.value.body.data.value + 1);
    expect(after.value.body.data.rows.map((r: { ref_no: string }) => r.ref_no)).toContain('GZ-REPLICA-0001');
    expect(after.read.statements).toBeGreaterThan(0);
    expect(after.read.writes).toBe(0);
  });

  it('the report, the dashboard, the metric list and a ledger export read the standby', async () => {
    for (const url of [
      '/api/reports/rule-of-law/2022',
      '/api/dashboard?year=2022',
      '/api/metrics?year=2022',
      '/api/ledgers/hotline-orders/export?format=csv',
    ]) {
      const r = await during(() => leader.req('GET', url));
      expect(r.value.status, `${url}: ${JSON.stringify(r.value.body).slice(0, 200)}`).toBe(200);
      expect(r.read.statements, url).toBeGreaterThan(0);
      expect(r.read.writes, url).toBe(0);
    }
  });

  it('nothing was ever written, nor a transaction begun, through the read pool', () => {
    const s = stats();
    expect(s.read.statements).toBeGreaterThan(0);
    expect(s.read.writes).toBe(0);
    expect(s.read.transactions).toBe(0);
    expect(s.primary.writes).toBeGreaterThan(0);
  });
});
