/**
 * 信访 — the rules of a petition (信访工作条例, 2022), as data with their sources.
 */
import type { DeadlineRule } from '../../core/calendar/index.js';
import type { ExtensionCap } from '../demands/index.js';

/** 信访形式 (LEDGERS.md petitions). */
export const PETITION_FORMS = ['系统转办', '来访', '来信', '网上信访'] as const;

export const SATISFACTION = ['满意', '基本满意', '不满意', '未评价'] as const;

/** 处理意见 — the outcomes of a handling opinion. */
export const OPINION_RESULTS = ['支持', '部分支持', '不支持'] as const;

/** 受理告知 — whether the petition is accepted is notified within 15 days of receipt. */
export const ACCEPT_RULE: DeadlineRule = {
  key: 'petition.accept',
  label: '信访受理告知期限',
  unit: 'day',
  n: 15,
  source: '信访工作条例第二十二条、第二十三条：收到信访事项之日起15日内告知是否受理',
};

/** 办理 — a handling opinion within 60 days of acceptance. */
export const HANDLE_RULE: DeadlineRule = {
  key: 'petition.handle',
  label: '信访事项办理期限',
  unit: 'day',
  n: 60,
  source: '信访工作条例第三十四条：自受理之日起60日内办结',
};

/** 延长 — at most 30 days more, with approval and notice to the petitioner. */
export const EXTENSION_CAP: ExtensionCap = {
  n: 30,
  unit: 'day',
  source: '信访工作条例第三十四条：经本机关负责人批准可适当延长，延长期限不得超过30日，并告知信访人',
};

/** 复查 / 复核 — the two review stages. */
export type ReviewStage = '复查' | '复核';

/** Applying for 复查 (within 30 days of receiving the handling opinion) or 复核 (within 30 days of the 复查 opinion). */
export const REVIEW_APPLY_RULE: Record<ReviewStage, DeadlineRule> = {
  复查: { key: 'petition.review.apply', label: '申请复查期限', unit: 'day', n: 30, source: '信访工作条例第三十五条：自收到书面答复之日起30日内请求复查' },
  复核: { key: 'petition.recheck.apply', label: '申请复核期限', unit: 'day', n: 30, source: '信访工作条例第三十六条：自收到复查意见之日起30日内请求复核' },
};

/** Answering a 复查 / 复核 request: within 30 days of receiving it. */
export const REVIEW_ANSWER_RULE: Record<ReviewStage, DeadlineRule> = {
  复查: { key: 'petition.review.answer', label: '复查答复期限', unit: 'day', n: 30, source: '信访工作条例第三十五条：自收到复查请求之日起30日内提出复查意见' },
  复核: { key: 'petition.recheck.answer', label: '复核答复期限', unit: 'day', n: 30, source: '信访工作条例第三十六条：自收到复核请求之日起30日内提出复核意见' },
};

/** A recorded review request. */
export interface Review {
  stage: ReviewStage;
  appliedOn: string;
  dueOn: string;
  answeredOn: string | null;
  result: string | null;
}

/**
 * Whether a review may be requested now: 复查 follows the handling opinion,
 * 复核 follows an answered 复查, and after 复核 the same request is not taken
 * again (信访工作条例第三十六条). `applyDue` is the last day to apply.
 * Returns the reason it may not, or null.
 */
export function reviewProblem(args: {
  stage: ReviewStage;
  reviews: readonly Review[];
  opinionOn: string | null;
  appliedOn: string;
  applyDue: string | null;
}): string | null {
  const { stage, reviews } = args;
  if (reviews.some((r) => r.stage === '复核')) return '已经复核，信访人就同一事项再次提出的请求不再受理（信访工作条例第三十六条）';
  if (stage === '复查') {
    if (!args.opinionOn) return '尚未出具处理意见，不能申请复查';
    if (reviews.some((r) => r.stage === '复查')) return '已申请复查，不能重复申请';
  } else {
    const review = reviews.find((r) => r.stage === '复查');
    if (!review) return '须先申请复查，才能申请复核';
    if (!review.answeredOn) return '复查意见尚未作出，不能申请复核';
  }
  if (args.applyDue && args.appliedOn > args.applyDue) return `已超过申请${stage}期限（${args.applyDue}）`;
  return null;
}
