/**
 * 执法事项目录 and 执法人员: one write path each ({@link saveItems}, {@link saveOfficers}),
 * used by the forms (one record, live: version checks, one audit event per record) and
 * by the enforcement-items / officers ledgers (many, historical: matched on the code /
 * on unit + name, provenance instead of events).
 */
import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Actor, Ctx } from '../../../core/context.js';
import { canonicalJson, write, type AuditInput, type WriteScope } from '../../../core/audit/audit.js';
import { type AppError, errors } from '../../../core/errors.js';
import { assertInScope, bureauOrgId, ownerOrgForCreate } from '../../../core/scope.js';
import { insertMany, updateMany } from '../../../core/db/bulk.js';
import type { RowError, WriteOrigin } from '../../../core/ledger/ledger.js';
import { itemsByCodesOrIds, itemsByIds, officerOrgId, officersByCertsIdsOrNames, officersByIds, orgsByIds } from '../repository.js';
import { assertDate } from '../rules.js';
import { DISCRETION_TEXT_MAX, parseDiscretionText } from '../discretion.js';
import type { DiscretionLevel, EnfTables } from '../schema.js';

type ItemRow = Selectable<EnfTables['enf_item']>;
type OfficerRow = Selectable<EnfTables['enf_officer']>;

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/** Live: throw the error as the form gives it; historical: a row error naming the ledger column. */
function failer(origin: WriteOrigin, out: RowError[], headers: Record<string, string>) {
  return (row: number | undefined, e: AppError, value?: string | null) => {
    if (origin.mode === 'live') throw e;
    out.push({ row: row ?? 0, column: (e.field && headers[e.field]) || Object.values(headers)[0]!, message: e.message, ...(value ? { value } : {}) });
  };
}

/** A catalogue save's records staged by its loop: the new ones (their id drawn), the changed ones, and what it found unchanged. */
interface Staged<X, R> {
  creates: Array<{ x: X; v: Record<string, unknown> & { id: string } }>;
  updates: Array<{ x: X; old: R; v: Record<string, unknown> }>;
  saved: SavedRecord<R>[];
}

/**
 * Writes a catalogue save's staged records set-based (`inserted`: columns every new row adds) and
 * records each as read back: an audit event (live, with the form's `via`) or a provenance row
 * (historical; `undoBefore`: what an undo restores). Saved in order: the unchanged, the created, the updated.
 */
async function writeStaged<X extends { row?: number }, R extends { id: string; version: number }>(
  w: WriteScope,
  origin: WriteOrigin,
  staged: Staged<X, R>,
  spec: {
    table: string;
    entity: string;
    inserted: Record<string, unknown>;
    byIds: (db: WriteScope['tx'], tenantId: string, ids: string[]) => Promise<R[]>;
    view: (r: R) => Record<string, unknown>;
    orgOf: (r: R) => string;
    undoBefore: (old: R) => Record<string, unknown>;
  },
): Promise<{ saved: SavedRecord<R>[]; errors: RowError[] }> {
  const tenantId = w.ctx.actor.tenantId;
  const { creates, updates, saved } = staged;
  await insertMany(
    w.tx,
    spec.table,
    creates.map((c) => ({ tenant_id: tenantId, ...spec.inserted, ...c.v })),
  );
  const now = new Date();
  await updateMany(
    w.tx,
    spec.table,
    ['tenant_id', 'id'],
    updates.map((u) => ({ tenant_id: tenantId, id: u.old.id, ...u.v, version: u.old.version + 1, updated_at: now })),
  );
  const touched = [...creates.map((c) => c.v.id), ...updates.map((u) => u.old.id)];
  const rows = new Map(touched.length ? (await spec.byIds(w.tx, tenantId, touched)).map((r) => [r.id, r]) : []);
  const note = origin.mode === 'live' && origin.via ? { note: { via: origin.via } } : {};
  const audits: AuditInput[] = [];
  const record = (x: X, row: R, old?: R) => {
    const action = old ? 'updated' : 'created';
    saved.push({ id: row.id, action, row });
    const orgId = spec.orgOf(row);
    if (origin.mode === 'historical')
      origin.imp.trace({
        row: x.row ?? 0,
        entity: spec.entity,
        entityId: row.id,
        action,
        orgId,
        values: spec.view(row),
        ...(old ? { before: spec.undoBefore(old) } : {}),
      });
    else audits.push({ entity: spec.entity, entityId: row.id, action, orgId, ...(old ? { before: spec.view(old) } : {}), after: spec.view(row), ...note });
  };
  for (const c of creates) record(c.x, rows.get(c.v.id)!);
  for (const u of updates) record(u.x, rows.get(u.old.id)!, u.old);
  if (audits.length) await w.auditMany(audits);
  return { saved, errors: [] };
}

// ── 执法事项目录 ──

export interface ItemInput {
  code: string;
  name: string;
  legalBasis: string;
  penaltyBasis?: string | null;
  discretionText?: string | null;
  delegated?: boolean;
}

/** An item record for {@link saveItems}: a form names the record (`id`, `version`); a ledger row matches on the code. */
export interface ItemRecord extends ItemInput {
  id?: string | null;
  version?: number | null;
  row?: number;
}

const ITEM_HEADERS: Record<string, string> = {
  code: '事项编码',
  name: '事项名称',
  legalBasis: '法律依据',
  penaltyBasis: '处罚依据',
  discretionText: '裁量基准',
  delegated: '是否下放街道',
};

function itemValues(input: ItemInput) {
  if (!input.code?.trim()) throw errors.validation('code', '事项编码不能为空');
  if (!input.name?.trim()) throw errors.validation('name', '事项名称不能为空');
  if (!input.legalBasis?.trim()) throw errors.validation('legalBasis', '法律依据不能为空');
  // Any text is accepted and kept verbatim; the levels are whatever can be read from it.
  const text = input.discretionText?.trim() || null;
  if (text && text.length > DISCRETION_TEXT_MAX) throw errors.validation('discretionText', `裁量基准不能超过${DISCRETION_TEXT_MAX}字`);
  const discretion: DiscretionLevel[] = text ? parseDiscretionText(text).levels : [];
  return {
    code: input.code.trim(),
    name: input.name.trim(),
    legal_basis: input.legalBasis.trim(),
    penalty_basis: input.penaltyBasis?.trim() || null,
    discretion,
    discretion_text: text,
    delegated: !!input.delegated,
  };
}

/** What the history of an item shows (the levels are derived from the text). */
const itemView = (r: {
  code: string;
  name: string;
  legal_basis: string;
  penalty_basis: string | null;
  discretion_text: string | null;
  delegated: boolean;
}) => ({
  code: r.code,
  name: r.name,
  legal_basis: r.legal_basis,
  penalty_basis: r.penalty_basis,
  discretion_text: r.discretion_text,
  delegated: r.delegated,
});

/** The owner of the catalogue: the bureau, which the actor's scope must hold (a street user cannot write it). */
async function catalogueOrg(w: WriteScope, actor: Actor) {
  return ownerOrgForCreate({ db: w.tx, actor }, await bureauOrgId(w.tx, actor.tenantId), '本局单位');
}

export interface SavedRecord<R> {
  id: string;
  action: 'created' | 'updated' | 'unchanged';
  row: R;
}

/**
 * Writes catalogue items — the one write path of an item. The 裁量基准 is kept verbatim
 * with the levels `parseDiscretionText` derives from it. Codes are unique (a form
 * reusing one is refused; a ledger row with a known code updates that item).
 */
export async function saveItems(
  w: WriteScope,
  actor: Actor,
  records: readonly ItemRecord[],
  origin: WriteOrigin,
): Promise<{ saved: SavedRecord<ItemRow>[]; errors: RowError[] }> {
  const tenantId = actor.tenantId;
  const out: RowError[] = [];
  const fail = failer(origin, out, ITEM_HEADERS);
  const orgId = await catalogueOrg(w, actor);
  const codes = records.map((r) => r.code?.trim()).filter(Boolean);
  const ids = records.map((r) => r.id).filter((v): v is string => !!v);
  const existing = await itemsByCodesOrIds(w.tx, tenantId, codes, ids);
  const byCode = new Map(existing.map((i) => [i.code, i]));
  const byId = new Map(existing.map((i) => [i.id, i]));
  const creates: Array<{ x: ItemRecord; v: ReturnType<typeof itemValues> & { id: string } }> = [];
  const updates: Array<{ x: ItemRecord; old: ItemRow; v: ReturnType<typeof itemValues> }> = [];
  const saved: SavedRecord<ItemRow>[] = [];
  for (const x of records) {
    let v: ReturnType<typeof itemValues>;
    try {
      v = itemValues(x);
    } catch (e) {
      fail(x.row, e as AppError);
      continue;
    }
    const dup = byCode.get(v.code);
    let old: ItemRow | undefined;
    if (origin.mode === 'live') {
      if (dup && dup.id !== x.id) throw errors.duplicate('code', `事项编码“${v.code}”已存在`);
      if (x.id) {
        old = byId.get(x.id);
        if (!old) throw errors.notFound('执法事项');
        if (old.version !== x.version) throw errors.conflict();
      }
    } else old = dup;
    if (!old) {
      creates.push({ x, v: { ...v, id: crypto.randomUUID() } });
      continue;
    }
    // A form save always counts as an update (as it always has); a ledger row that changes nothing is unchanged.
    if (origin.mode === 'historical' && same(itemView(old), itemView(v)) && same(old.discretion, v.discretion)) {
      saved.push({ id: old.id, action: 'unchanged', row: old });
      continue;
    }
    updates.push({ x, old, v });
  }
  if (out.length) return { saved: [], errors: out };
  return writeStaged(
    w,
    origin,
    { creates, updates, saved },
    {
      table: 'enf_item',
      entity: 'enforcement.item',
      inserted: { org_id: orgId },
      byIds: itemsByIds,
      view: itemView,
      // The catalogue's events and provenance name the bureau, the catalogue's owner.
      orgOf: () => orgId,
      undoBefore: (old) => ({ ...itemView(old), discretion: old.discretion, version: old.version }),
    },
  );
}

/** The item form: create (`id` null) or update with its `version`, through {@link saveItems}. */
export async function saveItem(ctx: Ctx, id: string | null, version: number | null, input: ItemInput) {
  return write(ctx, async (w) => (await saveItems(w, ctx.actor, [{ ...input, id, version }], { mode: 'live' })).saved[0]!.row);
}

// ── 执法人员 ──

export interface OfficerInput {
  /** 所属单位; absent on a new officer: the actor's own (`ownerOrgForCreate`). */
  orgId?: string | null;
  name: string;
  certNo?: string | null;
  certIssuedOn?: string | null;
  certValidUntil?: string | null;
  examScore?: number | null;
  examPassLine?: number | null;
  active?: boolean;
}

/** An officer record for {@link saveOfficers}: a form names the record; a ledger row matches on unit + name. Absent fields keep what the record holds. */
export interface OfficerRecord extends Omit<OfficerInput, 'orgId'> {
  orgId: string;
  id?: string | null;
  version?: number | null;
  row?: number;
}

const OFFICER_HEADERS: Record<string, string> = {
  name: '姓名',
  orgId: '所属单位',
  certNo: '执法证号',
  certIssuedOn: '发证日期',
  certValidUntil: '有效期至',
  examScore: '证件考试成绩',
};

function officerProblems(input: OfficerInput): AppError | null {
  try {
    if (!input.name?.trim()) throw errors.validation('name', '姓名不能为空');
    if (input.certIssuedOn) assertDate('certIssuedOn', '发证日期', input.certIssuedOn);
    if (input.certValidUntil) assertDate('certValidUntil', '有效期至', input.certValidUntil);
    if (input.certIssuedOn && input.certValidUntil && input.certValidUntil < input.certIssuedOn)
      throw errors.validation('certValidUntil', '有效期至不能早于发证日期');
    if (input.certNo && !input.certValidUntil) throw errors.validation('certValidUntil', '填写了执法证号时须填写有效期至');
    if (input.examScore != null && (!Number.isFinite(input.examScore) || input.examScore < 0 || input.examScore > 100))
      throw errors.validation('examScore', '考试成绩应在0至100之间');
    return null;
  } catch (e) {
    return e as AppError;
  }
}

/** What an officer's history shows. */
const officerView = (r: Record<string, unknown>) => ({
  org_id: r.org_id,
  name: r.name,
  cert_no: r.cert_no,
  cert_issued_on: r.cert_issued_on,
  cert_valid_until: r.cert_valid_until,
  exam_score: r.exam_score == null ? null : Number(r.exam_score),
  active: r.active,
});
const OFFICER_COLUMNS = ['org_id', 'name', 'cert_no', 'cert_issued_on', 'cert_valid_until', 'exam_score', 'exam_pass_line', 'active'] as const;

/**
 * Writes officers — the one write path of an officer (the form and the officers ledger).
 * A certificate number belongs to one officer (a second holder is refused / a row error).
 */
export async function saveOfficers(
  w: WriteScope,
  actor: Actor,
  records: readonly OfficerRecord[],
  origin: WriteOrigin,
): Promise<{ saved: SavedRecord<OfficerRow>[]; errors: RowError[] }> {
  const tenantId = actor.tenantId;
  const out: RowError[] = [];
  const fail = failer(origin, out, OFFICER_HEADERS);
  const orgIds = [...new Set(records.map((r) => r.orgId))];
  const certs = records.map((r) => r.certNo?.trim()).filter((v): v is string => !!v);
  const ids = records.map((r) => r.id).filter((v): v is string => !!v);
  const names = records.map((r) => r.name?.trim()).filter(Boolean);
  const [orgs, existing] = await Promise.all([orgsByIds(w.tx, tenantId, orgIds), officersByCertsIdsOrNames(w.tx, tenantId, { certs, ids, names })]);
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const byId = new Map(existing.map((o) => [o.id, o]));
  const byKey = new Map(existing.map((o) => [`${o.org_id}/${o.name}`, o]));
  const byCert = new Map(existing.filter((o) => o.cert_no).map((o) => [o.cert_no!, o]));
  const creates: Array<{ x: OfficerRecord; v: Record<string, unknown> & { id: string } }> = [];
  const updates: Array<{ x: OfficerRecord; old: OfficerRow; v: Record<string, unknown> }> = [];
  const saved: SavedRecord<OfficerRow>[] = [];
  for (const x of records) {
    const p = officerProblems(x);
    if (p) {
      fail(x.row, p);
      continue;
    }
    if (origin.mode === 'live') assertInScope(actor, x.orgId, '所属单位');
    else if (!actor.scope.all && !actor.scope.orgIds.includes(x.orgId)) {
      fail(x.row, errors.validation('orgId', '只能导入本单位的执法人员'));
      continue;
    }
    if (!orgById.has(x.orgId)) {
      fail(x.row, errors.validation('orgId', '所属单位不存在'));
      continue;
    }
    let old: OfficerRow | undefined;
    if (origin.mode === 'live' && x.id) {
      old = byId.get(x.id);
      if (!old) throw errors.notFound('执法人员');
      assertInScope(actor, old.org_id, '执法人员');
      if (old.version !== x.version) throw errors.conflict();
    } else if (origin.mode === 'historical') old = byKey.get(`${x.orgId}/${x.name.trim()}`);
    const certNo = x.certNo?.trim() || null;
    const holder = certNo ? byCert.get(certNo) : undefined;
    if (holder && holder.id !== old?.id) {
      fail(
        x.row,
        origin.mode === 'live' ? errors.duplicate('certNo', `执法证号“${certNo}”已登记给其他人员`) : errors.validation('certNo', `已登记给${holder.name}`),
        certNo,
      );
      continue;
    }
    const v: Record<string, unknown> = {
      org_id: x.orgId,
      name: x.name.trim(),
      cert_no: certNo,
      cert_issued_on: x.certIssuedOn || null,
      cert_valid_until: x.certValidUntil || null,
      exam_score: x.examScore ?? null,
      exam_pass_line: x.examPassLine ?? (old ? Number(old.exam_pass_line) : 60),
      active: x.active ?? old?.active ?? true,
    };
    if (!old) {
      creates.push({ x, v: { ...v, id: crypto.randomUUID() } });
      continue;
    }
    const prev = { ...officerView(old), exam_pass_line: Number(old.exam_pass_line) };
    if (
      origin.mode === 'historical' &&
      OFFICER_COLUMNS.every((k) => same(k === 'exam_pass_line' ? prev.exam_pass_line : (prev as Record<string, unknown>)[k], v[k]))
    ) {
      saved.push({ id: old.id, action: 'unchanged', row: old });
      continue;
    }
    updates.push({ x, old, v });
  }
  if (out.length) return { saved: [], errors: out };
  return writeStaged(
    w,
    origin,
    { creates, updates, saved },
    {
      table: 'enf_officer',
      entity: 'enforcement.officer',
      inserted: {},
      byIds: officersByIds,
      view: officerView,
      orgOf: (r) => r.org_id,
      undoBefore: (old) => ({ ...Object.fromEntries(OFFICER_COLUMNS.map((k) => [k, old[k]])), version: old.version }),
    },
  );
}

/** The officer form: create (`id` null) or update with its `version`, through {@link saveOfficers} (the form's defaults: pass line 60, active). */
export async function saveOfficer(ctx: Ctx, id: string | null, version: number | null, input: OfficerInput) {
  return write(ctx, async (w) => {
    // A new officer, or one moved to another unit: the unit must lie within the actor's scope.
    const orgId = id && !input.orgId ? await officerOrg(w, ctx.actor, id) : await ownerOrgForCreate({ db: w.tx, actor: ctx.actor }, input.orgId, '所属单位');
    const record: OfficerRecord = { ...input, orgId, id, version, examPassLine: input.examPassLine ?? 60, active: input.active ?? true };
    return (await saveOfficers(w, ctx.actor, [record], { mode: 'live' })).saved[0]!.row;
  });
}

/** The unit an existing officer belongs to (a change that names none keeps it). */
async function officerOrg(w: WriteScope, actor: Actor, id: string): Promise<string> {
  const orgId = await officerOrgId(w.tx, actor.tenantId, id);
  if (!orgId) throw errors.notFound('执法人员');
  return orgId;
}
