/** 执法事项目录 and 执法人员: created and updated with version checks and audit. */
import type { Ctx } from '../../../core/context.js';
import { write } from '../../../core/audit/audit.js';
import { errors } from '../../../core/errors.js';
import { assertInScope } from '../../../core/scope.js';
import { enf } from '../repository.js';
import { assertDate } from '../rules.js';
import { DISCRETION_TEXT_MAX, parseDiscretionText } from '../discretion.js';
import type { DiscretionLevel } from '../schema.js';

export interface ItemInput {
  code: string;
  name: string;
  legalBasis: string;
  penaltyBasis?: string | null;
  discretionText?: string | null;
  delegated?: boolean;
}

function itemValues(input: ItemInput) {
  if (!input.code?.trim()) throw errors.validation('code', '事项编码不能为空');
  if (!input.name?.trim()) throw errors.validation('name', '事项名称不能为空');
  if (!input.legalBasis?.trim()) throw errors.validation('legalBasis', '法律依据不能为空');
  // Any text is accepted and kept verbatim; the levels are whatever can be read from it.
  const text = input.discretionText?.trim() || null;
  if (text && text.length > DISCRETION_TEXT_MAX) throw errors.validation('discretionText', `裁量基准不能超过${DISCRETION_TEXT_MAX}字`);
  const discretion: DiscretionLevel[] = text ? parseDiscretionText(text).levels : [];
  return { code: input.code.trim(), name: input.name.trim(), legal_basis: input.legalBasis.trim(), penalty_basis: input.penaltyBasis?.trim() || null, discretion: JSON.stringify(discretion), discretion_text: input.discretionText?.trim() || null, delegated: !!input.delegated };
}

/** The bureau org of the tenant (owner of the catalogue). */
async function bureauOrg(ctx: Ctx) {
  const b = await ctx.db.selectFrom('org').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('kind', '=', 'bureau').executeTakeFirst();
  if (!b) throw errors.validation('orgId', '本局单位不存在');
  return b.id;
}

export async function saveItem(ctx: Ctx, id: string | null, version: number | null, input: ItemInput) {
  const values = itemValues(input);
  const orgId = await bureauOrg(ctx);
  return write(ctx, async ({ tx, audit }) => {
    const db = enf(tx);
    const dup = await db.selectFrom('enf_item').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('code', '=', values.code).executeTakeFirst();
    if (dup && dup.id !== id) throw errors.duplicate('code', `事项编码“${values.code}”已存在`);
    if (!id) {
      const row = await db.insertInto('enf_item').values({ tenant_id: ctx.actor.tenantId, org_id: orgId, ...values }).returningAll().executeTakeFirstOrThrow();
      await audit({ entity: 'enforcement.item', entityId: row.id, action: 'created', orgId, after: { ...values, discretion: undefined } });
      return row;
    }
    const before = await db.selectFrom('enf_item').selectAll().where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', id).executeTakeFirst();
    if (!before) throw errors.notFound('执法事项');
    if (before.version !== version) throw errors.conflict();
    const row = await db.updateTable('enf_item').set({ ...values, version: before.version + 1, updated_at: new Date() }).where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', id).where('version', '=', before.version).returningAll().executeTakeFirst();
    if (!row) throw errors.conflict();
    const view = (r: typeof before) => ({ code: r.code, name: r.name, legal_basis: r.legal_basis, penalty_basis: r.penalty_basis, discretion_text: r.discretion_text, delegated: r.delegated });
    await audit({ entity: 'enforcement.item', entityId: id, action: 'updated', orgId, before: view(before), after: view(row) });
    return row;
  });
}

export interface OfficerInput {
  orgId: string;
  name: string;
  certNo?: string | null;
  certIssuedOn?: string | null;
  certValidUntil?: string | null;
  examScore?: number | null;
  examPassLine?: number | null;
  active?: boolean;
}

function officerValues(input: OfficerInput) {
  if (!input.name?.trim()) throw errors.validation('name', '姓名不能为空');
  if (input.certIssuedOn) assertDate('certIssuedOn', '发证日期', input.certIssuedOn);
  if (input.certValidUntil) assertDate('certValidUntil', '有效期至', input.certValidUntil);
  if (input.certIssuedOn && input.certValidUntil && input.certValidUntil < input.certIssuedOn) throw errors.validation('certValidUntil', '有效期至不能早于发证日期');
  if (input.certNo && !input.certValidUntil) throw errors.validation('certValidUntil', '填写了执法证号时须填写有效期至');
  if (input.examScore != null && (!Number.isFinite(input.examScore) || input.examScore < 0 || input.examScore > 100)) throw errors.validation('examScore', '考试成绩应在0至100之间');
  return {
    org_id: input.orgId, name: input.name.trim(), cert_no: input.certNo?.trim() || null, cert_issued_on: input.certIssuedOn || null, cert_valid_until: input.certValidUntil || null,
    exam_score: input.examScore ?? null, exam_pass_line: input.examPassLine ?? 60, active: input.active ?? true,
  };
}

export async function saveOfficer(ctx: Ctx, id: string | null, version: number | null, input: OfficerInput) {
  const values = officerValues(input);
  assertInScope(ctx.actor, values.org_id, '所属单位');
  const org = await ctx.db.selectFrom('org').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', values.org_id).executeTakeFirst();
  if (!org) throw errors.validation('orgId', '所属单位不存在');
  return write(ctx, async ({ tx, audit }) => {
    const db = enf(tx);
    if (values.cert_no) {
      const dup = await db.selectFrom('enf_officer').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('cert_no', '=', values.cert_no).executeTakeFirst();
      if (dup && dup.id !== id) throw errors.duplicate('certNo', `执法证号“${values.cert_no}”已登记给其他人员`);
    }
    const view = (r: Record<string, unknown>) => ({ org_id: r.org_id, name: r.name, cert_no: r.cert_no, cert_issued_on: r.cert_issued_on, cert_valid_until: r.cert_valid_until, exam_score: r.exam_score === null ? null : Number(r.exam_score), active: r.active });
    if (!id) {
      const row = await db.insertInto('enf_officer').values({ tenant_id: ctx.actor.tenantId, ...values }).returningAll().executeTakeFirstOrThrow();
      await audit({ entity: 'enforcement.officer', entityId: row.id, action: 'created', orgId: row.org_id, after: view(row) });
      return row;
    }
    const before = await db.selectFrom('enf_officer').selectAll().where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', id).executeTakeFirst();
    if (!before) throw errors.notFound('执法人员');
    assertInScope(ctx.actor, before.org_id, '执法人员');
    if (before.version !== version) throw errors.conflict();
    const row = await db.updateTable('enf_officer').set({ ...values, version: before.version + 1, updated_at: new Date() }).where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    await audit({ entity: 'enforcement.officer', entityId: id, action: 'updated', orgId: row.org_id, before: view(before), after: view(row) });
    return row;
  });
}
