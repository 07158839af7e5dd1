/**
 * 重大行政决策 rules — pure functions, each with its source in 重大行政决策程序暂行条例 (国务院令第713号,
 * 2019). RULES.md does not carry this regulation yet: the articles below were cited from memory of the
 * official text (docs/modules/decisions.md says so, and `STATUTE_NOTE` says it in the UI). The
 * regulation governs 县级以上地方人民政府; its 附则 makes 县级以上人民政府部门 follow it by analogy
 * (参照执行), which is how a district water bureau applies it.
 */
import type { WorkCalendar } from '../../core/calendar/calendar.js';
import { daysBetween } from '../../core/calendar/calendar.js';
import { computeDeadline, type DeadlineExplanation, type DeadlineRule } from '../../core/calendar/deadline.js';
import type { RuleBreach } from '../../core/ledger/ledger.js';
import type { DiscussionResult, ReviewResult } from './schema.js';

export const REG = '重大行政决策程序暂行条例';
/** Shown with the rules: where the articles come from. */
export const STATUTE_NOTE = '条文据《重大行政决策程序暂行条例》（国务院令第713号）整理，尚未与官方文本逐条核对；期限和天数请以官方文本为准。';

// ── The steps ──

/** The procedural steps of a decision, in order. */
export const STEPS = ['participation', 'expert', 'risk', 'review', 'discussion', 'publication', 'evaluation'] as const;
export type Step = (typeof STEPS)[number];

export interface StepDef {
  label: string;
  /** Whether a decision may go without it, stating why. */
  optional: boolean;
  /** Whether it comes before the decision is made (the guard of 集体讨论 checks these). */
  beforeDecision: boolean;
  /** When the step applies and what the record holds. */
  source: string;
}

export const STEP_DEFS: Record<Step, StepDef> = {
  participation: {
    label: '公众参与',
    optional: true,
    beforeDecision: true,
    source: `${REG}第十四条：决策承办单位应当采取便于社会公众参与的方式充分听取意见，依法不予公开的决策事项除外`,
  },
  expert: {
    label: '专家论证',
    optional: true,
    beforeDecision: true,
    source: `${REG}第十九条：对专业性、技术性较强的决策事项，决策承办单位应当组织专家、专业机构论证其必要性、可行性、科学性等`,
  },
  risk: {
    label: '风险评估',
    optional: true,
    beforeDecision: true,
    source: `${REG}第二十二条：决策的实施可能对社会稳定、公共安全等方面造成不利影响的，应当组织评估决策草案的风险可控性；已对有关风险进行评价、评估的，不作重复评估`,
  },
  review: {
    label: '合法性审查',
    optional: false,
    beforeDecision: true,
    source: `${REG}第二十五条：决策草案提交决策机关讨论前，应当由负责合法性审查的部门进行合法性审查；未经合法性审查或者经审查不合法的，不得提交决策机关讨论`,
  },
  discussion: {
    label: '集体讨论决定',
    optional: false,
    beforeDecision: true,
    source: `${REG}第三十条：决策草案应当经决策机关常务会议或者全体会议讨论，行政首长在集体讨论的基础上作出决定`,
  },
  publication: {
    label: '决策公布',
    optional: true,
    beforeDecision: false,
    source: `${REG}第三十二条：决策机关应当通过政府公报、政府网站等途径及时公布重大行政决策，依法不予公开的除外`,
  },
  evaluation: {
    label: '决策后评估',
    optional: true,
    beforeDecision: false,
    source: `${REG}第三十六条：决策实施后明显未达到预期效果、公众提出较多意见或者决策机关认为有必要的，可以组织决策后评估`,
  },
};

/** The steps a decision may declare not applicable. */
export const OPTIONAL_STEPS = STEPS.filter((s) => STEP_DEFS[s].optional);
export type OptionalStep = 'participation' | 'expert' | 'risk' | 'publication' | 'evaluation';

/**
 * Whether a step may be recorded as not applicable: review and discussion never (第二十五条、第三十条);
 * the others only with the reason stated.
 */
export function applicabilityBreaches(step: Step, required: boolean, reason: string | null | undefined): RuleBreach[] {
  const d = STEP_DEFS[step];
  if (required) return [];
  if (!d.optional)
    return [{ rule: 'decisions.step_applicability', statute: d.source, message: `${d.label}是每项重大行政决策的必经程序，不能不适用`, field: 'required' }];
  if (!reason?.trim())
    return [
      { rule: 'decisions.step_applicability', statute: d.source, message: `${d.label}不适用的，应当写明理由`, field: 'reason', column: `${d.label}不适用理由` },
    ];
  return [];
}

// ── Public participation: the comment period (第十五条) ──

/** 公开征求意见期限一般不少于30日 (calendar days, counted from the day after publication). */
export const COMMENT_PERIOD_DAYS = 30;
export const COMMENT_PERIOD_SOURCE = `${REG}第十五条第二款：公开征求意见的期限一般不少于30日；因情况紧急等原因需要缩短期限的，公开征求意见时应当予以说明`;

/** The length of a comment period in days: the day it opens is not counted (01-01 → 01-31 is 30 days). */
export const commentPeriodDays = (from: string, to: string): number => daysBetween(from, to);

/**
 * A public comment period shorter than 30 days needs its reason stated when it opens; an end
 * before the start is refused outright.
 */
export function commentPeriodBreaches(p: { from: string; to: string; shortReason?: string | null }): RuleBreach[] {
  const rule = 'decisions.comment_period';
  if (p.to < p.from) return [{ rule, statute: COMMENT_PERIOD_SOURCE, message: `征求意见截止日期${p.to}不能早于开始日期${p.from}`, field: 'endsOn' }];
  const n = commentPeriodDays(p.from, p.to);
  if (n >= COMMENT_PERIOD_DAYS || p.shortReason?.trim()) return [];
  return [
    {
      rule,
      statute: COMMENT_PERIOD_SOURCE,
      message: `公开征求意见期限为${n}日，少于${COMMENT_PERIOD_DAYS}日；确需缩短的，应当说明理由（第十五条）`,
      field: 'shortReason',
      column: '征求意见期限缩短理由',
    },
  ];
}

/** The comment period as a tracked deadline: it ends on the day the notice named (no roll: the bureau chose it). */
export function commentPeriodRule(from: string, to: string): DeadlineRule {
  return {
    key: 'decisions.comment_period',
    label: '公开征求意见期限',
    unit: 'day',
    n: Math.max(0, commentPeriodDays(from, to)),
    source: COMMENT_PERIOD_SOURCE,
    rollToWorkday: false,
  };
}

// ── Legality review (第二十五条至第二十八条) ──

/** 送请合法性审查，应当保证必要的审查时间，一般不少于7个工作日. */
export const REVIEW_TERM_RULE: DeadlineRule = {
  key: 'decisions.review_term',
  label: '合法性审查时间',
  unit: 'workday',
  n: 7,
  source: `${REG}第二十六条：送请合法性审查，应当保证必要的审查时间，一般不少于7个工作日`,
};

/** The last day of the review time reserved for the legal office, counted in working days from submission. */
export function reviewTerm(submittedOn: string, cal: WorkCalendar): DeadlineExplanation {
  return computeDeadline({ rule: REVIEW_TERM_RULE, start: submittedOn }, cal);
}

/** Whether a review's conclusion lets the draft go to the collective discussion. */
export const reviewPasses = (r: ReviewResult | string | null | undefined): boolean => r === '同意' || r === '修改后同意';

/**
 * The legal office had its 7 working days: a discussion before the term's last day needs the
 * reason the review time was shortened (一般不少于 — an exception stated, not silence).
 */
export function reviewTimeBreaches(r: { submittedOn: string; discussedOn: string; shortReason?: string | null }, cal: WorkCalendar): RuleBreach[] {
  const term = reviewTerm(r.submittedOn, cal);
  if (r.discussedOn >= term.due || r.shortReason?.trim()) return [];
  return [
    {
      rule: 'decisions.review_time',
      statute: REVIEW_TERM_RULE.source,
      message: `送审日期${r.submittedOn}至集体讨论${r.discussedOn}不足7个工作日（审查时间应至${term.due}）；确需缩短的，应当写明理由`,
      field: 'shortReviewReason',
      column: '审查时间不足理由',
    },
  ];
}

// ── Collective discussion (第三十条) ──

export const DISCUSSION_SOURCE = `${REG}第三十条：行政首长拟作出的决定与会议组成人员多数人的意见不一致的，应当在会上说明理由；集体讨论决定情况应当如实记录，不同意见应当如实载明`;

/** The head's decision against the majority states the reason given at the meeting. */
export function discussionBreaches(d: { result: DiscussionResult; headDiffers: boolean; headReason?: string | null }): RuleBreach[] {
  if (!d.headDiffers || d.headReason?.trim()) return [];
  return [
    {
      rule: 'decisions.head_decision',
      statute: DISCUSSION_SOURCE,
      message: '行政首长的决定与会议组成人员多数人的意见不一致的，应当记录其在会上说明的理由',
      field: 'headReason',
      column: '首长决定理由',
    },
  ];
}

// ── The guard of the decision: every required step done ──

export interface StepState {
  participation: { required: boolean; done: boolean };
  expert: { required: boolean; done: boolean };
  risk: { required: boolean; done: boolean };
  review: { result: ReviewResult | null };
}

/**
 * The steps a decision still lacks before the head may decide: each required step among
 * 公众参与、专家论证、风险评估 not recorded, and a legality review without 同意 or 修改后同意.
 * Each reason names the step and its article.
 */
export function missingSteps(s: StepState): string[] {
  const out: string[] = [];
  const art: Record<'participation' | 'expert' | 'risk', string> = { participation: '第十四条', expert: '第十九条', risk: '第二十二条' };
  for (const k of ['participation', 'expert', 'risk'] as const)
    if (s[k].required && !s[k].done) out.push(`${STEP_DEFS[k].label}尚未完成（${REG}${art[k]}；不适用的应当登记理由）`);
  if (!reviewPasses(s.review.result))
    out.push(
      s.review.result === '不同意'
        ? `合法性审查意见为不同意，不得提交集体讨论（${REG}第二十五条）`
        : `未经合法性审查（同意或修改后同意），不得提交集体讨论（${REG}第二十五条）`,
    );
  return out;
}

// ── The catalogue: changes before and after publication ──

/**
 * The catalogue's source: items are settled, published after the Party committee's consent, and
 * adjusted as circumstances require. The official text was not at hand; the paragraph is corroborated by the
 * local rules modelled on the 条例, which keep its article 3 as (1) the list of decision matters, (2) the
 * exclusions, (3) the catalogue "经同级党委同意后向社会公布，并根据实际情况调整" (`STATUTE_NOTE` still applies).
 */
export const CATALOGUE_SOURCE = `${REG}第三条第三款：决策事项目录、标准经同级党委同意后向社会公布，并根据实际情况调整`;

/** 修改目录事项: only before the year's catalogue is published (a published catalogue is adjusted by the same procedure, not edited). */
export function catalogueEditProblems(item: { publishedOn: string | null }): string[] {
  return item.publishedOn ? [`该年度目录已于${item.publishedOn}公布，不能直接修改事项；调整目录须按原程序报批后重新公布（${CATALOGUE_SOURCE}）`] : [];
}

/** 删除目录事项: not once the catalogue is published, and never while a decision is registered under the item. */
export function catalogueDeleteProblems(item: { publishedOn: string | null; decisions: number }): string[] {
  const out: string[] = [];
  if (item.publishedOn) out.push(`该年度目录已于${item.publishedOn}公布，不能删除事项；调整目录须按原程序报批后重新公布（${CATALOGUE_SOURCE}）`);
  if (item.decisions > 0) out.push(`该事项下已登记${item.decisions}项决策，不能删除`);
  return out;
}

/** The rules the API lists (`GET /decisions/rules`), each with its source. */
export const DECISION_RULES = [
  {
    key: 'catalogue',
    label: '决策事项目录',
    text: '确定年度重大行政决策事项目录，经同级党委同意后向社会公布；公布前可修改、删除事项，公布后不得直接修改，已有决策的事项不得删除',
    source: `${REG}第三条第三款`,
  },
  ...STEPS.map((s) => ({
    key: s,
    label: STEP_DEFS[s].label,
    text: STEP_DEFS[s].optional ? '按决策事项判断是否适用；不适用的写明理由' : '每项决策必经',
    source: STEP_DEFS[s].source,
  })),
  { key: 'comment_period', label: '公开征求意见期限', text: '不少于30日；确需缩短的在征求意见时说明理由', source: COMMENT_PERIOD_SOURCE },
  { key: 'review_time', label: REVIEW_TERM_RULE.label, text: '送审后保证不少于7个工作日的审查时间；不足的写明理由', source: REVIEW_TERM_RULE.source },
  { key: 'head_decision', label: '行政首长决定', text: '首长决定与多数意见不一致的，记录会上说明的理由；不同意见如实载明', source: DISCUSSION_SOURCE },
  {
    key: 'made',
    label: '作出决定',
    text: '应当履行的公众参与、专家论证、风险评估未完成，或合法性审查未同意的，不能登记作出决定',
    source: `${REG}第二十五条、第三十条`,
  },
  { key: 'archive', label: '归档', text: '决策过程记录和材料及时完整归档', source: `${REG}第三十三条` },
] as const;
