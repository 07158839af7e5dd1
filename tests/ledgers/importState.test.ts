/**
 * Imports that commit chunk by chunk (the embedded engine's default for a chunked ledger; forced
 * here with `commit: 'chunked'` so PostgreSQL runs the same compensation): a file whose late rows
 * fail leaves nothing behind; an import interrupted between chunks (a killed process) is rolled
 * back when the system next opens; a second import of the ledger meanwhile is refused (409); a
 * record changed by someone else while the import runs is kept, not overwritten; and a login
 * completes while an import runs, not after it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { dbKind } from '../helpers/system.js';
import { ordersFile, ordersImportSuite, rowCount } from '../helpers/hotlineOrders.js';
import { testServer } from '../helpers/http.js';
import { openSystem } from '../../src/core/system.js';
import { modules } from '../../src/modules/index.js';
import { write } from '../../src/core/audit/audit.js';
import { importLedger, ImportCrash } from '../../src/core/ledger/ledger.js';
import { getImport, listImports, undoImport } from '../../src/core/ledger/imports.js';
import { DEMO_PASSWORD } from '../../src/modules/system/demo.js';

const env = ordersImportSuite();

/** A CSV of `n` orders (data rows are file rows 2…n+1); every third closed late (a finding). */
const file = (n: number, tag: string, edit?: (i: number, cells: string[]) => void) =>
  ordersFile(env.units, { n, tag, key: (i) => `STATE-${tag}-${String(i).padStart(5, '0')}`, edit });

type Counted = 'dm_item' | 'ledger_import' | 'ledger_import_row' | 'record_finding' | 'tracked_deadline';
const count = (table: Counted) => rowCount(env.sys, table);
const counts = async () => ({
  items: await count('dm_item'),
  imports: await count('ledger_import'),
  trace: await count('ledger_import_row'),
  findings: await count('record_finding'),
  deadlines: await count('tracked_deadline'),
});
const itemsTagged = async (tag: string) =>
  Number((await sql<{ n: string }>`SELECT count(*)::text AS n FROM dm_item WHERE ref_no LIKE ${`STATE-${tag}-%`}`.execute(env.sys.db)).rows[0]!.n);

describe('chunked commits', () => {
  it('a file whose late rows fail leaves nothing behind, though its first chunks had been committed', async () => {
    const before = await counts();
    let committedMidway = 0;
    let rowsMidway = 0;
    const f = file(60, 'late', (i, cells) => {
      if (i === 57) cells[4] = '不存在的科室';
    });
    const r = await importLedger(env.sys, env.ctx, env.def, {
      file: f,
      commit: 'chunked',
      chunkRows: 10,
      onChunk: async ({ chunk, rows }) => {
        if (chunk !== 3) return;
        committedMidway = await itemsTagged('late');
        rowsMidway = rows;
      },
    });
    // Three chunks were visible to others (committed) before the error was known…
    expect(rowsMidway).toBeGreaterThanOrEqual(30);
    expect(committedMidway).toBe(rowsMidway);
    // …the report is the one a single transaction gives…
    expect(r).toEqual({
      ok: false,
      ledger: 'hotline-orders',
      rows: 60,
      errors: [{ row: 59, column: '承办单位', message: expect.any(String), value: '不存在的科室' }],
      errorCount: 1,
    });
    expect(await importLedger(env.sys, env.ctx, env.def, { file: f, commit: 'single', chunkRows: 10 })).toEqual(r);
    // …and nothing is left: records, provenance, findings, deadlines, the import row.
    expect(await counts()).toEqual(before);
    expect(await itemsTagged('late')).toBe(0);
  });

  it('a parse error found after chunks were committed leaves nothing either', async () => {
    const before = await counts();
    const r = await importLedger(env.sys, env.ctx, env.def, {
      file: file(40, 'parse', (i, cells) => {
        if (i === 35) cells[5] = '九十';
      }),
      commit: 'chunked',
      chunkRows: 10,
    });
    expect(r).toMatchObject({ ok: false, errorCount: 1, errors: [{ row: 37, column: '办理时限' }] });
    expect(await counts()).toEqual(before);
  });

  it('commits a good file chunk by chunk with the same result as one transaction, and it undoes like any import', async () => {
    const f = file(35, 'good');
    const preview = await importLedger(env.sys, env.ctx, env.def, { file: f, commit: 'single', dryRun: true });
    const before = await counts();
    // A dry run chunk by chunk rolls each chunk back: nothing stays, the preview is the same.
    expect(await importLedger(env.sys, env.ctx, env.def, { file: f, commit: 'chunked', chunkRows: 10, dryRun: true })).toEqual(preview);
    expect(await counts()).toEqual(before);
    const done = await importLedger(env.sys, env.ctx, env.def, { file: f, commit: 'chunked', chunkRows: 10 });
    expect(done).toEqual({ ...preview, dryRun: false, importId: expect.any(String) });
    if (!done.ok) return;
    const imp = await getImport(env.ctx, done.importId!);
    expect(imp).toMatchObject({ state: 'committed', rows: 35, created: 35, findings: done.findingCount, failure: null });
    const events = await env.sys.db
      .selectFrom('audit_event')
      .select(['action'])
      .where('entity', '=', 'ledger.import')
      .where('entity_id', '=', done.importId!)
      .execute();
    expect(events.map((e) => e.action)).toEqual(['imported']);
    expect(await undoImport(env.ctx, env.def, done.importId!)).toEqual({ deleted: 35, restored: 0 });
    expect(await itemsTagged('good')).toBe(0);
  });

  it('refuses a second import of the ledger while one runs (409), and lists the running one as running', async () => {
    let release!: () => void;
    const held = new Promise<void>((res) => (release = res));
    let started!: () => void;
    const running = new Promise<void>((res) => (started = res));
    const first = importLedger(env.sys, env.ctx, env.def, {
      file: file(30, 'first'),
      chunkRows: 10,
      onChunk: async ({ chunk }) => {
        if (chunk !== 1) return;
        started();
        await held;
      },
    });
    let progress = 0;
    await running;
    try {
      progress = (
        await env.sys.db
          .selectFrom('ledger_import_row')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .innerJoin('ledger_import', 'ledger_import.id', 'ledger_import_row.import_id')
          .where('ledger_import.filename', '=', '工单-first.csv')
          .executeTakeFirstOrThrow()
      ).n;
      await expect(importLedger(env.sys, env.ctx, env.def, { file: file(5, 'second') })).rejects.toMatchObject({
        code: 'IMPORT_RUNNING',
        status: 409,
        message: expect.stringContaining('工单-first.csv'),
      });
      // A dry run is no import: it goes on.
      expect(await importLedger(env.sys, env.ctx, env.def, { file: file(5, 'second'), dryRun: true })).toMatchObject({ ok: true, created: 5 });
      if (dbKind === 'pglite') {
        // The embedded engine commits chunk by chunk: the list shows the import running, with its progress.
        const [top] = await listImports(env.ctx, ['hotline-orders'], { ledger: 'hotline-orders', limit: 1 });
        expect(top).toMatchObject({ filename: '工单-first.csv', state: 'running', rows: Number(progress) });
        expect(Number(progress)).toBeGreaterThan(0);
        await expect(undoImport(env.ctx, env.def, top!.id)).rejects.toMatchObject({ code: 'IMPORT_RUNNING' });
      }
    } finally {
      release();
    }
    const r = await first;
    expect(r).toMatchObject({ ok: true, created: 30 });
    // Once it is done, the next import goes in.
    expect(await importLedger(env.sys, env.ctx, env.def, { file: file(5, 'second') })).toMatchObject({ ok: true, created: 5 });
  });

  it('keeps (and names) a record someone changed while the import ran, instead of overwriting it', async () => {
    let changed = '';
    const r = await importLedger(env.sys, env.ctx, env.def, {
      file: file(30, 'kept', (i, cells) => {
        if (i === 28) cells[4] = '不存在的科室';
      }),
      commit: 'chunked',
      chunkRows: 10,
      onChunk: async ({ chunk }) => {
        if (chunk !== 1) return;
        // Someone edits order 00003 (row 5), committed in the first chunk.
        const row = (await sql<{ id: string; org_id: string }>`SELECT id, org_id FROM dm_item WHERE ref_no = 'STATE-kept-00003'`.execute(env.sys.db)).rows[0]!;
        const trace = await env.sys.db.selectFrom('ledger_import_row').select(['entity']).where('entity_id', '=', row.id).executeTakeFirstOrThrow();
        changed = row.id;
        await write({ ...env.ctx, actor: { ...env.ctx.actor, name: '张科员' } }, async (w) => {
          await sql`UPDATE dm_item SET content = '科员补充的内容' WHERE id = ${row.id}`.execute(w.tx);
          await w.audit({
            entity: trace.entity,
            entityId: row.id,
            action: 'updated',
            orgId: row.org_id,
            before: { content: '第3号诉求' },
            after: { content: '科员补充的内容' },
          });
        });
      },
    });
    expect(r).toMatchObject({ ok: false, errorCount: 1, kept: [{ entityId: changed, row: 5, reason: expect.stringContaining('张科员') }] });
    // The others are gone; the changed one stays as the clerk left it, with its provenance.
    expect(await itemsTagged('kept')).toBe(1);
    expect((await sql<{ content: string }>`SELECT content FROM dm_item WHERE id = ${changed}`.execute(env.sys.db)).rows).toEqual([
      { content: '科员补充的内容' },
    ]);
    expect(await env.sys.db.selectFrom('ledger_import_row').select(['row_number']).where('entity_id', '=', changed).execute()).toEqual([{ row_number: 5 }]);
    // The import stays in the list as failed, saying what it kept.
    const [top] = await listImports(env.ctx, ['hotline-orders'], { ledger: 'hotline-orders', limit: 1 });
    expect(top).toMatchObject({ filename: '工单-kept.csv', state: 'failed', undoneAt: expect.any(Date), failure: expect.stringContaining('第5行') });
  });
});

describe('an import interrupted by a killed process', () => {
  /** Opens the system again on the same database, as a restarted process would (without closing it). */
  const reopen = async () => {
    await openSystem({ modules, database: env.sys.database, filesDir: fs.mkdtempSync(path.join(os.tmpdir(), 'fazhi-files-')), keyDir: env.sys.keys.dir });
  };

  it('is rolled back from its committed chunks when the system opens again, and kept as failed', async () => {
    const before = await counts();
    let written = 0;
    await expect(
      importLedger(env.sys, env.ctx, env.def, {
        file: file(50, 'crash'),
        commit: 'chunked',
        chunkRows: 10,
        crashAfterChunk: 2,
        onChunk: ({ rows }) => {
          written = rows;
        },
      }),
    ).rejects.toBeInstanceOf(ImportCrash);
    // What a killed process leaves: two chunks committed, the import running.
    expect(written).toBeGreaterThanOrEqual(20);
    expect(await itemsTagged('crash')).toBe(written);
    const left = await env.sys.db.selectFrom('ledger_import').select(['id', 'state']).where('filename', '=', '工单-crash.csv').executeTakeFirstOrThrow();
    expect(left.state).toBe('running');
    // Until then the ledger is busy.
    await expect(importLedger(env.sys, env.ctx, env.def, { file: file(5, 'blocked') })).rejects.toMatchObject({ code: 'IMPORT_RUNNING' });

    const warned: string[] = [];
    const orig = console.warn;
    console.warn = (m: string) => void warned.push(m);
    try {
      await reopen();
    } finally {
      console.warn = orig;
    }
    expect(warned.join('\n')).toContain('工单-crash.csv');
    expect(await itemsTagged('crash')).toBe(0);
    const after = await counts();
    expect(after).toEqual({ ...before, imports: before.imports + 1 });
    const imp = await getImport(env.ctx, left.id);
    expect(imp).toMatchObject({ state: 'failed', undoneAt: expect.any(Date), failure: expect.stringContaining('系统重启时发现导入未完成') });
    const ev = await env.sys.db
      .selectFrom('audit_event')
      .select(['action', 'changes'])
      .where('entity', '=', 'ledger.import')
      .where('entity_id', '=', left.id)
      .execute();
    expect(ev).toMatchObject([{ action: 'rolled_back' }]);
    // The ledger takes imports again.
    expect(await importLedger(env.sys, env.ctx, env.def, { file: file(5, 'after-crash') })).toMatchObject({ ok: true, created: 5 });
  });

  it('in one transaction: the database rolled it back; on opening the import is marked failed', async () => {
    const before = await counts();
    await expect(
      importLedger(env.sys, env.ctx, env.def, { file: file(30, 'crash1'), commit: 'single', chunkRows: 10, crashAfterChunk: 2 }),
    ).rejects.toBeInstanceOf(ImportCrash);
    expect(await itemsTagged('crash1')).toBe(0);
    const left = await env.sys.db.selectFrom('ledger_import').select(['id', 'state']).where('filename', '=', '工单-crash1.csv').executeTakeFirstOrThrow();
    expect(left.state).toBe('running');
    const orig = console.warn;
    console.warn = () => {};
    try {
      await reopen();
    } finally {
      console.warn = orig;
    }
    expect(await getImport(env.ctx, left.id)).toMatchObject({ state: 'failed', failure: expect.stringContaining('已回滚 0 条记录') });
    expect(await counts()).toEqual({ ...before, imports: before.imports + 1 });
  });
});

describe('logins while an import runs', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await testServer(env.sys);
  });
  afterAll(() => app.close());

  /** Starts an import, logs in once its first chunk is written, and returns which finished first. */
  async function race(commit: 'single' | 'chunked' | undefined, tag: string): Promise<string[]> {
    const order: string[] = [];
    let started!: () => void;
    const running = new Promise<void>((res) => (started = res));
    const imp = importLedger(env.sys, env.ctx, env.def, {
      file: file(1500, tag),
      commit,
      chunkRows: 50,
      onChunk: ({ chunk }) => void (chunk === 1 && started()),
    }).then((r) => {
      order.push('import');
      return r;
    });
    await running;
    const login = app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'clerk', password: DEMO_PASSWORD } }).then((res) => {
      order.push('login');
      return res;
    });
    const [r, res] = await Promise.all([imp, login]);
    expect(r).toMatchObject({ ok: true, created: 1500 });
    expect(res.statusCode).toBe(200);
    return order;
  }

  it('a login completes before the import does (the engine default: chunk by chunk on PGlite, MVCC on PostgreSQL)', async () => {
    expect(await race(undefined, 'login')).toEqual(['login', 'import']);
  });

  it.runIf(dbKind === 'pglite')('(control) on PGlite an import in one transaction holds the login until it commits', async () => {
    expect(await race('single', 'login-single')).toEqual(['import', 'login']);
  });
});
