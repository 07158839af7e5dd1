/** 复查 / 复核 and the handling opinion document. */
import { write, type WriteScope } from '../../core/audit/audit.js';
import type { Ctx } from '../../core/context.js';
import { errors } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import { isIsoDate } from '../../core/calendar/index.js';
import { bizDate, bureauOf, getItem, officialDocx, updateAttrs, type ItemRow, type Sys } from '../demands/index.js';
import { petitionKind as def } from './kind.js';
import { REVIEW_ANSWER_RULE, REVIEW_APPLY_RULE, reviewProblem, type Review, type ReviewStage } from './rules.js';

const reviewsOf = (attrs: unknown) => (((attrs ?? {}) as { reviews?: Review[] }).reviews ?? []) as Review[];

/**
 * Changes a petition's 复查/复核 list on its locked row (the gates in `next` see a concurrent
 * change, so of two simultaneous steps the second is refused), as one versioned update whose
 * event carries the step in its note. Returns the record as it was.
 */
async function updateReviews(
  w: WriteScope,
  id: string,
  next: (reviews: Review[], r: ItemRow) => Review[],
  audit: { action: string; note: () => Record<string, unknown> },
): Promise<ItemRow> {
  return updateAttrs(w, def, id, { next: (attrs, r) => ({ ...attrs, reviews: next(reviewsOf(attrs), r) }), audit });
}

/** Tracks a 复查/复核 request's answer term (`doneOn`: closed by the opinion) on the petition. */
function trackAnswer(sys: Sys, w: WriteScope, t: { r: ItemRow; stage: ReviewStage; appliedOn: string; doneOn?: string }) {
  const rule = REVIEW_ANSWER_RULE[t.stage];
  return sys.calendar.track(w, w.ctx.actor, {
    module: def.module,
    entity: def.entity,
    entityId: t.r.id,
    orgId: t.r.org_id,
    title: rule.label,
    rule,
    start: t.appliedOn,
    ...(t.doneOn ? { doneOn: t.doneOn } : {}),
  });
}

/** Records a 复查 or 复核 request; its 30-day answer term is tracked. Audit: `petitions.petition.review_requested`. */
export async function requestReview(sys: Sys, ctx: Ctx, id: string, input: { stage: ReviewStage; appliedOn: string }): Promise<void> {
  if (input.stage !== '复查' && input.stage !== '复核') throw errors.validation('stage', '请选择复查或复核');
  if (!isIsoDate(input.appliedOn)) throw errors.validation('appliedOn', `申请日期无效：${input.appliedOn}`);
  if (!isUuid(id)) throw errors.notFound(def.label);
  const dueOn = sys.calendar.explain({ rule: REVIEW_ANSWER_RULE[input.stage], start: input.appliedOn }).due;
  await write(ctx, async (w) => {
    const r = await updateReviews(
      w,
      id,
      (reviews, r) => {
        const opinionOn = bizDate(r.replied_at);
        const prior = input.stage === '复查' ? opinionOn : (reviews.find((x) => x.stage === '复查')?.answeredOn ?? null);
        const applyDue = prior ? sys.calendar.explain({ rule: REVIEW_APPLY_RULE[input.stage], start: prior }).due : null;
        const problem = reviewProblem({ stage: input.stage, reviews, opinionOn, appliedOn: input.appliedOn, applyDue });
        if (problem) throw errors.gate('REVIEW_NOT_ALLOWED', problem);
        return [...reviews, { stage: input.stage, appliedOn: input.appliedOn, dueOn, answeredOn: null, result: null }];
      },
      { action: 'review_requested', note: () => ({ stage: input.stage, appliedOn: input.appliedOn, dueOn }) },
    );
    await trackAnswer(sys, w, { r, stage: input.stage, appliedOn: input.appliedOn });
  });
}

/** Records the 复查 / 复核 opinion. Audit: `petitions.petition.review_answered`. */
export async function answerReview(sys: Sys, ctx: Ctx, id: string, input: { stage: ReviewStage; answeredOn: string; result: string }): Promise<void> {
  if (!isIsoDate(input.answeredOn)) throw errors.validation('answeredOn', `答复日期无效：${input.answeredOn}`);
  if (!input.result?.trim()) throw errors.validation('result', `请填写${input.stage}意见`);
  if (!isUuid(id)) throw errors.notFound(def.label);
  const result = input.result.trim();
  await write(ctx, async (w) => {
    let x: Review | undefined;
    const r = await updateReviews(
      w,
      id,
      (reviews) => {
        x = reviews.find((v) => v.stage === input.stage);
        if (!x) throw errors.gate('REVIEW_NOT_REQUESTED', `没有待答复的${input.stage}申请`);
        if (x.answeredOn) throw errors.gate('REVIEW_ANSWERED', `${input.stage}意见已作出`);
        if (input.answeredOn < x.appliedOn) throw errors.validation('answeredOn', '答复日期不能早于申请日期');
        return reviews.map((v) => (v === x ? { ...v, answeredOn: input.answeredOn, result } : v));
      },
      { action: 'review_answered', note: () => ({ stage: input.stage, answeredOn: input.answeredOn, result, onTime: input.answeredOn <= x!.dueOn }) },
    );
    await trackAnswer(sys, w, { r, stage: input.stage, appliedOn: x!.appliedOn, doneOn: input.answeredOn });
  });
}

/** 信访事项处理意见书 (DOCX) of a petition with a handling opinion. */
export async function opinionDocx(ctx: Ctx, id: string): Promise<{ data: Buffer; filename: string }> {
  const r = await getItem(ctx, 'petition', id);
  if (!r) throw errors.notFound(def.label);
  if (!r.replied_at || !r.reply) throw errors.gate('NO_OPINION', '尚未出具处理意见');
  const bureau = await bureauOf(ctx.db, ctx.actor.tenantId);
  const accepted = bizDate(r.first_done_at);
  const data = await officialDocx({
    title: '信访事项处理意见书',
    addressee: r.person_name ?? '信访人',
    blocks: [
      {
        kind: 'para',
        text: `你（们）于${bizDate(r.received_at)}以${r.channel ?? '信访'}形式反映的${r.title || '信访事项'}（信访编号：${r.ref_no}），本机关${accepted ? `已于${accepted}受理` : '已受理'}。经调查核实，现提出处理意见如下：`,
      },
      { kind: 'para', text: r.reply },
      { kind: 'para', text: `处理结果：${r.result ?? '—'}。` },
      { kind: 'para', text: '如对本处理意见不服，可以自收到本意见书之日起30日内向本机关的上一级行政机关请求复查（《信访工作条例》第三十五条）。' },
    ],
    issuer: bureau.name,
    date: bizDate(r.replied_at)!,
  });
  return { data, filename: `信访事项处理意见书-${r.ref_no}.docx` };
}
