/**
 * 法制审核人员 — each legal reviewer's 法律职业资格 (行政处罚法第五十八条第二款: 初次从事行政处罚决定
 * 法制审核的人员，应当通过国家统一法律职业资格考试取得法律职业资格). One record per user account
 * holding the legal role; the case workflow reads it when that user passes or rejects a review.
 */
import type { Ctx } from '../../../core/context.js';
import { write } from '../../../core/audit/audit.js';
import { errors } from '../../../core/errors.js';
import { check } from '../../../core/input.js';
import { updateVersioned } from '../../../core/versioned.js';
import { insertLegalReviewer, legalReviewerOf, listLegalReviewers, reviewCountsBy, reviewerAccount } from '../repository.js';

export interface ReviewerInput {
  /** 法律职业资格证书编号 (empty: none held). */
  qualificationNo?: string | null;
  /** 取得日期. */
  qualifiedOn?: string | null;
  /** The record's version (a change of a registered reviewer). */
  version?: number | null;
}

/** A reviewer as the API shows it: the qualification (none recorded yet: id and version null) and the reviews they have recorded. */
export function presentReviewer(
  r: { id: string | null; user_id: string | null; name: string | null; qualification_no: string | null; qualified_on: string | null; version: number | null },
  counts: { n: number; first: string | null } | undefined,
) {
  return {
    id: r.id,
    userId: r.user_id ?? '',
    name: r.name ?? '',
    qualificationNo: r.qualification_no,
    qualifiedOn: r.qualified_on,
    reviews: counts?.n ?? 0,
    firstReviewOn: counts?.first ?? null,
    version: r.version,
  };
}

/** The tenant's legal reviewers with their qualifications and recorded reviews. */
export async function legalReviewers(ctx: Ctx) {
  const [rows, counts] = await Promise.all([listLegalReviewers(ctx.db, ctx.actor.tenantId), reviewCountsBy(ctx.db, ctx.actor.tenantId)]);
  return rows.map((r) => presentReviewer(r, r.user_id ? counts.get(r.user_id) : undefined));
}

/** Records (or changes) a reviewer's 法律职业资格; the user must hold the legal role. */
export async function saveLegalReviewer(ctx: Ctx, userId: string, input: ReviewerInput) {
  const no = typeof input.qualificationNo === 'string' ? input.qualificationNo.trim() : '';
  if (no.length > 50) throw errors.validation('qualificationNo', '法律职业资格证书编号过长（不超过50字）');
  const on = check.date('qualifiedOn', '取得法律职业资格日期', input.qualifiedOn, { required: !!no }) as string | null;
  if (on && !no) throw errors.validation('qualificationNo', '请填写法律职业资格证书编号');
  if (on && on > ctx.clock.today()) throw errors.validation('qualifiedOn', '取得法律职业资格日期不能晚于今天');
  return write(ctx, async (w) => {
    const user = await reviewerAccount(w.tx, ctx.actor.tenantId, userId);
    if (!user) throw errors.notFound('用户');
    if (!user.roles.includes('legal')) throw errors.validation('userId', `${user.display_name}不是法制审核人员（依法行政办）账号`);
    const values = { qualification_no: no || null, qualified_on: no ? on : null };
    const old = await legalReviewerOf(w.tx, ctx.actor.tenantId, userId, true);
    if (!old) {
      const row = await insertLegalReviewer(w.tx, { tenant_id: ctx.actor.tenantId, org_id: user.org_id, user_id: userId, name: user.display_name, ...values });
      await w.audit({ entity: 'enforcement.legal_reviewer', entityId: row.id, action: 'created', orgId: row.org_id, after: { name: row.name, ...values } });
      return presentReviewer(row, undefined);
    }
    if (input.version === undefined || input.version === null) throw errors.validation('version', '请提供记录版本（version）');
    const { row } = await updateVersioned(w, {
      table: 'enf_legal_reviewer',
      tenantId: ctx.actor.tenantId,
      id: old.id,
      version: input.version,
      label: '法制审核人员',
      patch: () => values,
      audit: { entity: 'enforcement.legal_reviewer', action: 'updated' },
    });
    return presentReviewer(row as typeof old, undefined);
  });
}
