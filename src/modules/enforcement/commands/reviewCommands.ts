/** 案卷评查 — draw a reproducible sample of a street's closed cases, score each by the checklist, record findings and rectification. */
import type { Ctx } from '../../../core/context.js';
import { write } from '../../../core/audit/audit.js';
import { errors } from '../../../core/errors.js';
import { checkVersion, updateVersioned } from '../../../core/versioned.js';
import { ownerOrgForCreate } from '../../../core/scope.js';
import { closedCasesOf, getReview, getReviewItem, insertReview, insertReviewItems, orgById } from '../repository.js';
import { assertDate } from '../rules.js';
import { DEFAULT_CHECKLIST, drawSample, SAMPLING_ALGORITHM } from '../sampling.js';
import type { ChecklistItem } from '../schema.js';

export async function drawReview(
  ctx: Ctx,
  input: {
    orgId: string;
    year: number;
    sampleSize: number;
    seed?: number | null;
    title?: string | null;
    checklist?: ChecklistItem[] | null;
    on?: string | null;
  },
) {
  const orgId = await ownerOrgForCreate(ctx, input.orgId, '被评查的街道');
  const org = await orgById(ctx.db, ctx.actor.tenantId, orgId);
  if (org?.kind !== 'street') throw errors.validation('orgId', '请选择被评查的街道');
  if (!Number.isInteger(input.year) || input.year < 2000 || input.year > 2100) throw errors.validation('year', '评查年度无效');
  if (!Number.isInteger(input.sampleSize) || input.sampleSize < 1 || input.sampleSize > 100) throw errors.validation('sampleSize', '抽取件数应为1至100');
  const checklist = input.checklist?.length ? input.checklist : DEFAULT_CHECKLIST.map((c) => ({ ...c }));
  for (const c of checklist) if (!c.key || !c.label || !(c.points > 0)) throw errors.validation('checklist', '评查标准的每一项须有名称和分值');
  const seed = input.seed ?? Number(BigInt.asUintN(32, BigInt(Date.now())));
  const on = input.on ? assertDate('on', '抽取日期', input.on) : ctx.clock.today();
  const population = await closedCasesOf(ctx.db, ctx.actor.tenantId, org.id, input.year);
  if (!population.length) throw errors.gate('NO_CLOSED_CASES', `${org.name}${input.year}年没有已结案件可供抽查`);
  const sample = drawSample(population, input.sampleSize, seed);
  return write(ctx, async ({ tx, audit }) => {
    const row = await insertReview(tx, {
      tenant_id: ctx.actor.tenantId,
      org_id: org.id,
      title: input.title?.trim() || `${org.name}${input.year}年度水政执法案卷评查`,
      year: input.year,
      seed,
      algorithm: SAMPLING_ALGORITHM,
      sample_size: sample.length,
      population: population.length,
      checklist: JSON.stringify(checklist),
      drawn_on: on,
    });
    await insertReviewItems(
      tx,
      sample.map((s) => ({ tenant_id: ctx.actor.tenantId, org_id: org.id, review_id: row.id, case_id: s.id })),
    );
    await audit({
      entity: 'enforcement.review',
      entityId: row.id,
      action: 'drawn',
      orgId: org.id,
      after: { title: row.title, year: row.year, seed, population: population.length, sample: sample.map((s) => s.caseNo) },
    });
    return row;
  });
}

/** Scores one sampled case of a review by the review's checklist, with its findings and rectification (`input.version`: the item's, 409 when stale). */
export async function scoreReviewItem(
  ctx: Ctx,
  reviewId: string,
  itemId: string,
  input: {
    version: number;
    scores: Record<string, number>;
    findings?: string | null;
    rectification?: string | null;
    rectifiedOn?: string | null;
    on?: string | null;
  },
) {
  const { version } = input;
  const review = await getReview(ctx.db, ctx.actor, reviewId);
  if (!review) throw errors.notFound('案卷评查');
  const item = await getReviewItem(ctx.db, ctx.actor.tenantId, reviewId, itemId);
  if (!item) throw errors.notFound('评查案卷');
  checkVersion(item, version);
  const checklist = review.checklist as ChecklistItem[];
  let total = 0;
  const scores: Record<string, number> = {};
  for (const c of checklist) {
    const v = Number(input.scores?.[c.key]);
    if (!Number.isFinite(v) || v < 0 || v > c.points) throw errors.validation(`scores.${c.key}`, `“${c.label}”得分应在0至${c.points}之间`);
    scores[c.key] = v;
    total += v;
  }
  if (input.rectifiedOn) assertDate('rectifiedOn', '整改完成日期', input.rectifiedOn);
  const on = input.on ? assertDate('on', '评分日期', input.on) : ctx.clock.today();
  return write(ctx, async (w) => {
    const { row } = await updateVersioned(w, {
      table: 'enf_review_item',
      tenantId: ctx.actor.tenantId,
      id: itemId,
      version,
      label: '评查案卷',
      inScope: (r) => r.review_id === reviewId,
      patch: {
        scores: JSON.stringify(scores),
        score: total,
        findings: input.findings?.trim() || null,
        rectification: input.rectification?.trim() || null,
        rectified_on: input.rectifiedOn || null,
        scored_on: on,
      },
      audit: {
        entity: 'enforcement.review',
        entityId: reviewId,
        action: 'item_scored',
        orgId: review.org_id,
        before: () => ({ score: item.score === null ? null : Number(item.score), findings: item.findings, rectification: item.rectification }),
        after: (row) => ({ score: total, findings: row.findings, rectification: row.rectification }),
        note: { caseId: item.case_id },
      },
      ifUnchanged: 'write',
    });
    return row;
  });
}
