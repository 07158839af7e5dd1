/**
 * Import history (导入记录): who imported which file when, what it did, its findings,
 * the original file — undo of the last import of a ledger while nothing has been
 * built on its rows, and the rollback (compensation) of an import committed chunk by
 * chunk that failed or was interrupted.
 */
import { type Selectable, sql } from 'kysely';
import type { LedgerImportTable } from '../db/types.js';
import { systemActor, type Ctx } from '../context.js';
import { write, type WriteScope } from '../audit/audit.js';
import { AppError, errors } from '../errors.js';
import type { BlobStore } from '../files/store.js';
import type { LedgerDef, LedgerUndo, UndoBlocker } from './ledger.js';
import { isUuid } from '../ids.js';

export type { UndoBlocker } from './ledger.js';

export interface ImportRecord {
  id: string;
  ledger: string;
  filename: string;
  sha256: string;
  size: number;
  actorName: string;
  at: Date;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  findings: number;
  ignoredRows: Array<{ row: number; reason: string }>;
  undoneAt: Date | null;
  undoneBy: string | null;
  /** 导入中 (running: chunks are being committed), 已完成, or 失败（已回滚）. */
  state: 'running' | 'committed' | 'failed';
  /** Why a failed import failed, and what its rollback had to keep (Chinese). */
  failure: string | null;
}

function present(r: Selectable<LedgerImportTable>): ImportRecord {
  return {
    id: r.id,
    ledger: r.ledger,
    filename: r.filename,
    sha256: r.file_sha256,
    size: Number(r.file_size),
    actorName: r.actor_name,
    at: r.at instanceof Date ? r.at : new Date(r.at),
    rows: r.row_count,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    findings: r.finding_count,
    ignoredRows: (typeof r.ignored_rows === 'string' ? JSON.parse(r.ignored_rows) : r.ignored_rows) ?? [],
    undoneAt: r.undone_at ? new Date(r.undone_at) : null,
    undoneBy: r.undone_by,
    state: r.state ?? 'committed',
    failure: r.failure ?? null,
  };
}

/**
 * Imports of the tenant, newest first, keyset-paginated by (at, id); only ledgers the
 * actor may read. A street user sees the imports that touched a record of its scope
 * or that it made itself.
 */
export async function listImports(
  ctx: Ctx,
  readable: readonly string[],
  opts: { ledger?: string; limit?: number; before?: { at: string; id: string } } = {},
): Promise<ImportRecord[]> {
  if (!readable.length) return [];
  const limit = Math.min(Math.max(opts.limit ?? 50, 1), 200);
  let q = ctx.db
    .selectFrom('ledger_import')
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where(sql<boolean>`ledger = ANY(${sql.val([...readable])}::text[])`);
  if (opts.ledger) q = q.where('ledger', '=', opts.ledger);
  if (opts.before) q = q.where(sql<boolean>`(at, id) < (${opts.before.at}::timestamptz, ${opts.before.id}::uuid)`);
  if (!ctx.actor.scope.all) {
    const orgIds = [...ctx.actor.scope.orgIds];
    q = q.where((eb) =>
      eb.or([
        eb('actor_id', '=', ctx.actor.userId),
        eb.exists(
          eb
            .selectFrom('ledger_import_row as r')
            .select(sql`1`.as('one'))
            .whereRef('r.tenant_id', '=', 'ledger_import.tenant_id')
            .whereRef('r.import_id', '=', 'ledger_import.id')
            .where(sql<boolean>`r.org_id = ANY(${sql.val(orgIds)}::uuid[])`),
        ),
      ]),
    );
  }
  const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(present);
}

/** One import with its findings (first `limit`). */
export async function getImport(ctx: Ctx, id: string, opts: { findingsLimit?: number } = {}) {
  if (!isUuid(id)) throw errors.notFound('导入记录');
  const r = await ctx.db.selectFrom('ledger_import').selectAll().where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', id).executeTakeFirst();
  if (!r) throw errors.notFound('导入记录');
  const findings = await ctx.db
    .selectFrom('record_finding')
    .select(['row_number as row', 'field as column', 'rule', 'statute', 'message', 'entity', 'entity_id as entityId'])
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('import_id', '=', id)
    .$if(!ctx.actor.scope.all, (q) => q.where(sql<boolean>`org_id = ANY(${sql.val(ctx.actor.scope.all ? [] : [...ctx.actor.scope.orgIds])}::uuid[])`))
    .orderBy('row_number')
    .limit(opts.findingsLimit ?? 1000)
    .execute();
  return { ...present(r), findingList: findings };
}

/** The original file of an import. */
export async function importFile(ctx: Ctx, files: BlobStore, id: string): Promise<{ filename: string; data: Buffer }> {
  const r = await getImport(ctx, id, { findingsLimit: 0 });
  const data = await files.get(r.sha256);
  if (!data) throw errors.notFound('导入的原始文件');
  return { filename: r.filename, data };
}

/** A provenance row as the undo and the compensation read it. */
interface TraceRow {
  entity_id: string;
  action: string;
  before: unknown;
}

/**
 * Reverts records an import wrote (all of them for an undo, a batch for a compensation): the
 * ledger's cleanup first, then the updated records get their previous columns back, the created
 * ones (with their tracked deadlines) are deleted, and the import's findings on them go (all of
 * the import's with `allFindings`, else those on `rows`' records).
 */
async function revertRows(
  w: WriteScope,
  undo: LedgerUndo,
  rows: readonly TraceRow[],
  { importId, allFindings }: { importId: string; allFindings: boolean },
): Promise<{ deleted: number; restored: number }> {
  const ctx = w.ctx;
  const tenantId = ctx.actor.tenantId;
  const createdIds = rows.filter((r) => r.action === 'created').map((r) => r.entity_id);
  const updated = rows.filter((r) => r.action === 'updated');
  const beforeOf = (v: unknown) => ((typeof v === 'string' ? JSON.parse(v) : v) ?? {}) as Record<string, unknown>;
  await undo.beforeDelete?.(
    w,
    ctx,
    createdIds,
    updated.map((r) => ({ id: r.entity_id, before: beforeOf(r.before) })),
  );
  const t = sql.table(undo.table);
  // Records it updated get their previous columns back.
  for (const u of updated) {
    const before = (typeof u.before === 'string' ? JSON.parse(u.before) : u.before) as Record<string, unknown> | null;
    if (!before || !Object.keys(before).length) continue;
    await sql`UPDATE ${t} AS t SET ${sql.join(Object.keys(before).map((c) => sql`${sql.ref(c)} = x.${sql.ref(c)}`))}
      FROM jsonb_populate_record(NULL::${t}, ${JSON.stringify(before)}::jsonb) AS x
      WHERE t.tenant_id = ${tenantId} AND t.id = ${u.entity_id}::uuid`.execute(w.tx);
  }
  const ids = JSON.stringify(createdIds);
  await sql`DELETE FROM tracked_deadline WHERE tenant_id = ${tenantId} AND entity_id IN (SELECT jsonb_array_elements_text(${ids}::jsonb))`.execute(w.tx);
  let findings = w.tx.deleteFrom('record_finding').where('tenant_id', '=', tenantId).where('import_id', '=', importId);
  if (!allFindings) findings = findings.where(sql<boolean>`entity_id = ANY(${sql.val(rows.map((r) => r.entity_id))}::text[])`);
  await findings.execute();
  try {
    await sql`DELETE FROM ${t} WHERE tenant_id = ${tenantId} AND id::text IN (SELECT jsonb_array_elements_text(${ids}::jsonb))`.execute(w.tx);
  } catch (e) {
    if ((e as { code?: string }).code === '23503')
      throw errors.gate('IMPORT_UNDO_BLOCKED', '无法撤销：导入的记录已被其他记录引用（如已据此立案或关联），请先处理这些记录');
    throw e;
  }
  return { deleted: createdIds.length, restored: updated.length };
}

/**
 * The import's records that something was recorded on after `seq` (an audit event: someone
 * changed it) or that a later import touched: an undo is refused on them, a compensation keeps
 * them. At most `limit` of them (null: all).
 */
async function changedSince(
  db: Ctx['db'],
  tenantId: string,
  imp: { id: string; at: Date | string },
  { seq, limit }: { seq: number; limit: number | null },
): Promise<UndoBlocker[]> {
  const r = await sql<{ entity: string; entity_id: string; row_number: number; reason: string }>`
    SELECT entity, entity_id, row_number, reason FROM (
      SELECT r.entity, r.entity_id, r.row_number, '导入后被修改（' || e.action || '，' || e.actor_name || '）' AS reason
      FROM ledger_import_row r
      JOIN audit_event e ON e.tenant_id = r.tenant_id AND e.entity = r.entity AND e.entity_id = r.entity_id AND e.seq > ${seq}
      WHERE r.tenant_id = ${tenantId} AND r.import_id = ${imp.id}
      UNION ALL
      SELECT r.entity, r.entity_id, r.row_number, '已被之后的导入更新（' || i.filename || '）'
      FROM ledger_import_row r
      JOIN ledger_import_row r2 ON r2.tenant_id = r.tenant_id AND r2.entity = r.entity AND r2.entity_id = r.entity_id AND r2.import_id <> r.import_id
      JOIN ledger_import i ON i.tenant_id = r2.tenant_id AND i.id = r2.import_id AND i.at > ${imp.at} AND i.undone_at IS NULL
      WHERE r.tenant_id = ${tenantId} AND r.import_id = ${imp.id}
    ) b ORDER BY row_number ${limit === null ? sql`` : sql`LIMIT ${limit}`}`.execute(db);
  return r.rows.map((b) => ({ entity: b.entity, entityId: b.entity_id, row: b.row_number, reason: b.reason }));
}

/**
 * Undoes the last (not yet undone) import of a ledger: deletes the records it created,
 * restores the records it updated, removes its findings, provenance and tracked
 * deadlines, and records one audit event. Refused, naming the records, when anything
 * has been built on its rows since (a later event on one of its records, a later
 * import touching them, or a dependent row the ledger's cleanup reports).
 */
export async function undoImport(ctx: Ctx, def: LedgerDef<unknown>, id: string): Promise<{ deleted: number; restored: number }> {
  if (!ctx.actor.permissions.has(def.writePermission)) throw errors.forbidden();
  if (!def.undo) throw errors.gate('IMPORT_UNDO_UNSUPPORTED', `“${def.spec.title}”台账不支持撤销导入`);
  const undo = def.undo;
  return write(ctx, async (w) => {
    const tenantId = ctx.actor.tenantId;
    const imp = await w.tx.selectFrom('ledger_import').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!imp || imp.ledger !== def.spec.key) throw errors.notFound('导入记录');
    if (imp.state === 'running') throw errors.gate('IMPORT_RUNNING', '该次导入尚未完成，不能撤销');
    if (imp.undone_at) throw errors.gate('IMPORT_ALREADY_UNDONE', imp.state === 'failed' ? '该次导入失败，已回滚' : '该次导入已撤销');
    const last = await w.tx
      .selectFrom('ledger_import')
      .select(['id', 'at', 'state'])
      .where('tenant_id', '=', tenantId)
      .where('ledger', '=', imp.ledger)
      .where('undone_at', 'is', null)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (last?.state === 'running') throw errors.gate('IMPORT_RUNNING', '该台账正在导入另一个文件，请待其完成后再撤销');
    if (last?.id !== id) throw errors.gate('IMPORT_NOT_LAST', '只能撤销该台账最近一次导入');
    if (!ctx.actor.scope.all && imp.actor_id !== ctx.actor.userId) throw errors.forbidden('只能撤销本人导入的记录');
    const seq = Number(imp.audit_seq ?? 0);
    // Anything recorded on these records after the import: an audit event, or a later import.
    const later = await changedSince(w.tx, tenantId, imp, { seq, limit: 20 });
    if (later.length) {
      const list = later
        .slice(0, 5)
        .map((b) => `第${b.row}行的记录${b.reason}`)
        .join('；');
      throw errors.gate('IMPORT_UNDO_BLOCKED', `无法撤销：导入之后已有工作建立在这些记录上——${list}${later.length > 5 ? '等' : ''}`);
    }
    const rows = await w.tx
      .selectFrom('ledger_import_row')
      .select(['entity_id', 'action', 'before'])
      .where('tenant_id', '=', tenantId)
      .where('import_id', '=', id)
      .execute();
    const done = await revertRows(w, undo, rows, { importId: id, allFindings: true });
    await w.tx
      .updateTable('ledger_import')
      .set({ undone_at: new Date(), undone_by: ctx.actor.name })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .execute();
    await w.audit({ entity: 'ledger.import', entityId: id, action: 'undone', note: { ledger: imp.ledger, filename: imp.filename, ...done } });
    return done;
  });
}

/** Provenance rows a compensation reverts per transaction (it yields between batches, like the import). */
const COMPENSATION_BATCH = 500;

/** What a compensation did: records deleted and restored, and records it left alone (and why). */
export interface CompensationResult {
  deleted: number;
  restored: number;
  kept: UndoBlocker[];
}

/**
 * Rolls back an import whose chunks were committed one by one (chunked mode) and that failed
 * or was interrupted: batch by batch, each in its own short transaction, its records are
 * reverted through the ledger's undo spec from the provenance rows (created ones deleted,
 * updated ones restored from `before`), and the provenance rows and findings go with them. A
 * record someone changed while the import ran (an audit event after the import began, or a later
 * import), or that the ledger's cleanup refuses (something now depends on it), is kept as it is
 * — never overwritten — with its provenance, and returned. The import is then deleted (a failed
 * import leaves nothing, as a rolled-back transaction would) — or, when records were kept or
 * `keepRow` is set (a recovery: the user was never told), kept as `failed`, undone, with the
 * reason, and an audit event `ledger.import.rolled_back` records what was done.
 */
export async function compensateImport(
  ctx: Ctx,
  def: LedgerDef<unknown>,
  importId: string,
  opts: { reason: string; keepRow: boolean },
): Promise<CompensationResult> {
  const tenantId = ctx.actor.tenantId;
  const imp = await ctx.db.selectFrom('ledger_import').selectAll().where('tenant_id', '=', tenantId).where('id', '=', importId).executeTakeFirst();
  if (!imp) return { deleted: 0, restored: 0, kept: [] };
  const undo = def.undo;
  const kept = undo ? await changedSince(ctx.db, tenantId, imp, { seq: Number(imp.started_seq ?? 0), limit: null }) : [];
  const skip = new Set(kept.map((k) => k.entityId));
  let deleted = 0;
  let restored = 0;
  const nextBatch = (limit: number) =>
    ctx.db
      .selectFrom('ledger_import_row')
      .select(['entity', 'entity_id', 'action', 'before', 'row_number'])
      .where('tenant_id', '=', tenantId)
      .where('import_id', '=', importId)
      .$if(skip.size > 0, (q) => q.where(sql<boolean>`NOT (entity_id = ANY(${sql.val([...skip])}::text[]))`))
      .orderBy('row_number')
      .limit(limit)
      .execute();
  const revert = (rows: ReadonlyArray<TraceRow & { entity: string }>) =>
    write({ ...ctx }, async (w) => {
      const done = await revertRows(w, undo!, rows, { importId, allFindings: false });
      await sql`DELETE FROM ledger_import_row WHERE tenant_id = ${tenantId} AND import_id = ${importId} AND entity_id = ANY(${sql.val(rows.map((r) => r.entity_id))}::text[])`.execute(
        w.tx,
      );
      return done;
    });
  while (undo) {
    const rows = await nextBatch(COMPENSATION_BATCH);
    if (!rows.length) break;
    try {
      const done = await revert(rows);
      deleted += done.deleted;
      restored += done.restored;
    } catch (e) {
      if (!(e instanceof AppError) || e.status >= 500) throw e;
      // The ledger's cleanup refused the batch (something depends on one of its records): record by record, keeping the refused ones.
      for (const r of rows) {
        try {
          const done = await revert([r]);
          deleted += done.deleted;
          restored += done.restored;
        } catch (e1) {
          if (!(e1 instanceof AppError) || e1.status >= 500) throw e1;
          kept.push({ entity: r.entity, entityId: r.entity_id, row: r.row_number, reason: e1.message.replace(/^无法撤销：/, '') });
          skip.add(r.entity_id);
        }
      }
    }
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  // Findings left without a record (a record the import created and a later chunk's error rolled back never has any): none of the import's own stay but the kept records'.
  await ctx.db
    .deleteFrom('record_finding')
    .where('tenant_id', '=', tenantId)
    .where('import_id', '=', importId)
    .$if(skip.size > 0, (q) => q.where(sql<boolean>`NOT (entity_id = ANY(${sql.val([...skip])}::text[]))`))
    .execute();
  if (!undo && (await nextBatch(1)).length)
    kept.push({ entity: def.spec.key, entityId: '', row: 0, reason: `“${def.spec.title}”台账不支持撤销导入，已写入的记录无法回滚` });
  if (!kept.length && !opts.keepRow) {
    await ctx.db.deleteFrom('ledger_import').where('tenant_id', '=', tenantId).where('id', '=', importId).execute();
    return { deleted, restored, kept };
  }
  const failure = kept.length
    ? `${opts.reason}；已回滚 ${deleted + restored} 条记录，${kept.length} 条记录在导入期间已被他人修改或已被引用，予以保留：${kept
        .slice(0, 5)
        .map((k) => `第${k.row}行（${k.reason}）`)
        .join('；')}${kept.length > 5 ? '等' : ''}`
    : `${opts.reason}；已回滚 ${deleted + restored} 条记录`;
  await write({ ...ctx }, async (w) => {
    await w.tx
      .updateTable('ledger_import')
      .set({ state: 'failed', undone_at: new Date(), undone_by: ctx.actor.name, failure: failure.slice(0, 2000) })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', importId)
      .execute();
    await w.audit({
      entity: 'ledger.import',
      entityId: importId,
      action: 'rolled_back',
      note: { ledger: imp.ledger, filename: imp.filename, deleted, restored, kept: kept.length, reason: opts.reason },
    });
  });
  return { deleted, restored, kept };
}

/**
 * At start-up: every import left `running` by a process that died (kill -9, power loss) is
 * rolled back — its committed chunks compensated ({@link compensateImport}; an import in one
 * transaction has nothing to compensate, the database rolled it back) — and kept as failed
 * (`系统重启时发现导入未完成`), each logged. An import still held by a live transaction (another
 * process on the same PostgreSQL server) is locked and skipped.
 */
export async function recoverImports(
  sys: { db: Ctx['db']; ctx: (actor: Ctx['actor']) => Ctx; registry: { ledgers: ReadonlyMap<string, LedgerDef<unknown>> } },
  log: (message: string) => void = (m) => console.warn(m),
): Promise<number> {
  const running = await sys.db
    .selectFrom('ledger_import')
    .select(['tenant_id', 'id', 'ledger', 'filename', 'actor_name'])
    .where('state', '=', 'running')
    .execute();
  let recovered = 0;
  for (const r of running) {
    // Claim it: a live single-transaction import holds its row (FOR UPDATE) until it ends.
    const claimed = await sys.db
      .transaction()
      .execute(
        async (tx) =>
          (await sql`SELECT id FROM ledger_import WHERE tenant_id = ${r.tenant_id} AND id = ${r.id} AND state = 'running' FOR UPDATE SKIP LOCKED`.execute(tx))
            .rows.length > 0,
      );
    if (!claimed) continue;
    const def = sys.registry.ledgers.get(r.ledger);
    const ctx: Ctx = sys.ctx(systemActor(r.tenant_id, '系统（导入回滚）'));
    const reason = '系统重启时发现导入未完成（进程中断），已回滚';
    const res = def
      ? await compensateImport(ctx, def, r.id, { reason, keepRow: true })
      : await (async () => {
          await sys.db
            .updateTable('ledger_import')
            .set({ state: 'failed', failure: `${reason}：台账“${r.ledger}”已不存在，无法回滚其记录` })
            .where('tenant_id', '=', r.tenant_id)
            .where('id', '=', r.id)
            .execute();
          return { deleted: 0, restored: 0, kept: [] };
        })();
    recovered++;
    log(
      `导入未完成（${r.actor_name}导入“${r.filename}”到台账 ${r.ledger}，导入编号 ${r.id}）：已回滚，删除 ${res.deleted} 条、恢复 ${res.restored} 条记录${res.kept.length ? `，保留 ${res.kept.length} 条在导入期间被修改的记录` : ''}`,
    );
  }
  return recovered;
}
