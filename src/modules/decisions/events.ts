/**
 * 决策环节 — each event of the `decisions.decision` workflow as a small command: the TypeBox schema of
 * its input (closed) and a pure `apply(facts, input)` returning the changes to the decision. What every
 * event shares — the decision loaded in scope, `requireTransition`, the versioned update with its audit
 * event, the tracked deadlines — runs once, in `applyDecisionEvent` (commands.ts).
 */
import { type Static, type TObject, Type } from '@fastify/type-provider-typebox';
import type { Updateable } from 'kysely';
import type { WorkCalendar } from '../../core/calendar/calendar.js';
import { requiredDate, requiredText } from '../../core/input.js';
import { errors } from '../../core/errors.js';
import { OneOf } from '../../core/schemas.js';
import type { RuleBreach } from '../../core/ledger/ledger.js';
import { eventCommands, OptionalText as Text } from '../../core/workflow/events.js';
import type { DecisionRow } from './repository.js';
import { applicabilityBreaches, commentPeriodBreaches, discussionBreaches, reviewTimeBreaches, STEP_DEFS, type OptionalStep } from './rules.js';
import { PARTICIPATION_METHODS, RISK_LEVELS, type DecisionsTables, type DiscussionResult } from './schema.js';

export interface EventFacts {
  d: DecisionRow;
  on: string;
  calendar: WorkCalendar;
}

export interface Changes {
  set: Updateable<DecisionsTables['dec_decision']>;
  note?: Record<string, unknown>;
}

const event = eventCommands<EventFacts, Changes>();

const str = (v: string | null | undefined) => (typeof v === 'string' ? v.trim() : '');
/** A real YYYY-MM-DD date, or a 400 naming the field (the kernel's). */
export const assertDate = requiredDate;
/** The first breach of a rule as the 400 a form shows on its field. */
export const refuse = (b: readonly RuleBreach[]) => {
  if (b.length) throw errors.validation(b[0]!.field ?? 'on', b[0]!.message);
};
const notBefore = (on: string, earlier: string | null, what: string, label: string) => {
  if (earlier && on < earlier) throw errors.validation('on', `${label}${on}不能早于${what}${earlier}`);
};

/** 公开征求意见: the period and its shortening reason (第十五条). */
function commentPeriod(f: EventFacts, p: { from: string; endsOn: string; shortReason?: string | null }) {
  if (!f.d.participation_required) throw errors.validation('on', '本决策的公众参与已登记为不适用');
  const endsOn = assertDate('endsOn', '征求意见截止日期', p.endsOn);
  refuse(commentPeriodBreaches({ from: p.from, to: endsOn, shortReason: p.shortReason }));
  return { participation_from: p.from, participation_to: endsOn, participation_short_reason: str(p.shortReason) || null };
}

const DISCUSSION = {
  meeting: Type.String({ maxLength: 200 }),
  attendees: Type.String({ maxLength: 2000 }),
  content: Type.String({ maxLength: 4000 }),
  dissent: Text(),
  headDiffers: Type.Optional(Type.Boolean()),
  headReason: Text(),
  shortReviewReason: Text(),
};
type DiscussionInput = Static<TObject<typeof DISCUSSION>>;

/** 集体讨论 with the head's decision (第三十条), after the review's time (第二十六条). */
function discussion(result: DiscussionResult) {
  return (f: EventFacts, p: DiscussionInput): Changes => {
    notBefore(f.on, f.d.review_on, '合法性审查意见日期', '集体讨论日期');
    refuse(reviewTimeBreaches({ submittedOn: f.d.review_submitted_on ?? f.on, discussedOn: f.on, shortReason: p.shortReviewReason }, f.calendar));
    refuse(discussionBreaches({ result, headDiffers: p.headDiffers === true, headReason: p.headReason }));
    return {
      set: {
        discussion_on: f.on,
        discussion_meeting: requiredText('meeting', '会议名称', p.meeting),
        discussion_attendees: requiredText('attendees', '参会人员', p.attendees),
        discussion_result: result,
        discussion_content: requiredText('content', result === '同意' ? '决定内容' : '讨论情况', p.content),
        discussion_dissent: str(p.dissent) || null,
        discussion_head_reason: p.headDiffers ? str(p.headReason) : null,
        discussion_short_review_reason: str(p.shortReviewReason) || null,
      },
    };
  };
}

/** Every event of the decision workflow: its input and what it changes. */
export const DECISION_EVENTS = {
  scope: event({ step: OneOf(['participation', 'expert', 'risk', 'publication', 'evaluation'] as const), required: Type.Boolean(), reason: Text() }, (f, p) => {
    const step = p.step as OptionalStep;
    refuse(applicabilityBreaches(step, p.required, p.reason));
    const done = {
      participation: f.d.participation_on,
      expert: f.d.expert_on,
      risk: f.d.risk_on,
      publication: f.d.publication_on,
      evaluation: f.d.evaluation_on,
    }[step];
    if (!p.required && done) throw errors.validation('required', `${STEP_DEFS[step].label}已于${done}完成，不能改为不适用`);
    return { set: { [`${step}_required`]: p.required, [`${step}_na_reason`]: p.required ? null : str(p.reason) }, note: { step: STEP_DEFS[step].label } };
  }),
  consult: event({ endsOn: Type.String({ maxLength: 10 }), shortReason: Text() }, (f, p) => ({
    set: { ...commentPeriod(f, { from: f.on, endsOn: p.endsOn, shortReason: p.shortReason }) },
  })),
  participation: event(
    {
      methods: Type.Array(OneOf(PARTICIPATION_METHODS), { minItems: 1, maxItems: PARTICIPATION_METHODS.length, uniqueItems: true }),
      record: Type.String({ maxLength: 4000 }),
      from: Text(10),
      endsOn: Text(10),
      shortReason: Text(),
    },
    (f, p) => {
      if (!f.d.participation_required) throw errors.validation('on', '本决策的公众参与已登记为不适用');
      const period = str(p.from)
        ? commentPeriod(f, { from: assertDate('from', '征求意见开始日期', p.from), endsOn: p.endsOn ?? '', shortReason: p.shortReason })
        : {};
      const to = (period as { participation_to?: string }).participation_to ?? f.d.participation_to;
      const open = p.methods.includes('向社会公开征求意见');
      if (open && !to) throw errors.validation('from', '向社会公开征求意见的，应当登记征求意见的起止日期（第十五条）');
      if (to && f.on < to) throw errors.validation('on', `公开征求意见至${to}截止，期限届满前不能登记公众参与情况`);
      return {
        set: {
          ...period,
          participation_methods: p.methods.join('、'),
          participation_on: f.on,
          participation_record: requiredText('record', '意见采纳情况', p.record),
        },
      };
    },
  ),
  expert: event({ experts: Type.String({ maxLength: 2000 }), record: Type.String({ maxLength: 4000 }) }, (f, p) => {
    if (!f.d.expert_required) throw errors.validation('on', '本决策的专家论证已登记为不适用');
    return {
      set: {
        expert_on: f.on,
        expert_experts: requiredText('experts', '论证专家（机构）', p.experts),
        expert_record: requiredText('record', '论证意见', p.record),
      },
    };
  }),
  risk: event({ level: OneOf(RISK_LEVELS), record: Type.String({ maxLength: 4000 }) }, (f, p) => {
    if (!f.d.risk_required) throw errors.validation('on', '本决策的风险评估已登记为不适用');
    return { set: { risk_on: f.on, risk_level: p.level, risk_record: requiredText('record', '评估结论', p.record) } };
  }),
  submit_review: event({}, (f) => {
    const latest = [f.d.participation_on, f.d.expert_on, f.d.risk_on].filter(Boolean).sort().pop() ?? null;
    notBefore(f.on, latest, '已完成程序的日期', '送审日期');
    return { set: { review_submitted_on: f.on, review_on: null, review_result: null, review_opinion: null } };
  }),
  review_pass: event({ result: OneOf(['同意', '修改后同意'] as const), opinion: Type.String({ maxLength: 4000 }) }, (f, p) => {
    notBefore(f.on, f.d.review_submitted_on, '送审日期', '审查意见日期');
    return { set: { review_on: f.on, review_result: p.result, review_opinion: requiredText('opinion', '审查意见', p.opinion) } };
  }),
  review_fail: event({ opinion: Type.String({ maxLength: 4000 }) }, (f, p) => {
    notBefore(f.on, f.d.review_submitted_on, '送审日期', '审查意见日期');
    return { set: { review_on: f.on, review_result: '不同意', review_opinion: requiredText('opinion', '审查意见', p.opinion) } };
  }),
  decide: event(DISCUSSION, discussion('同意')),
  defer: event(DISCUSSION, discussion('暂缓')),
  reject: event(DISCUSSION, discussion('不同意')),
  publish: event({ channel: Type.String({ maxLength: 200 }), ref: Text(200) }, (f, p) => {
    notBefore(f.on, f.d.discussion_on, '决定日期', '公布日期');
    return { set: { publication_on: f.on, publication_channel: requiredText('channel', '公布途径', p.channel), publication_ref: str(p.ref) || null } };
  }),
  evaluate: event({ by: Type.String({ maxLength: 200 }), record: Type.String({ maxLength: 4000 }) }, (f, p) => {
    notBefore(f.on, f.d.discussion_on, '决定日期', '评估日期');
    return {
      set: {
        evaluation_required: true,
        evaluation_na_reason: null,
        evaluation_on: f.on,
        evaluation_by: requiredText('by', '评估单位', p.by),
        evaluation_record: requiredText('record', '评估结论', p.record),
      },
    };
  }),
  archive: event({}, (f) => {
    notBefore(f.on, f.d.publication_on ?? f.d.discussion_on, '公布（决定）日期', '归档日期');
    return { set: { archived_on: f.on } };
  }),
} as const;

export type DecisionEventName = keyof typeof DECISION_EVENTS;
