/**
 * 行政复议与行政诉讼 rules — pure functions, each with its source.
 *
 * Counting: 行政复议法 (2023) 第八十八条第二款 makes its 三日、五日、七日、十日 working days, so the
 * 10-day reply term of 第四十八条 runs in working days. 行政诉讼法 has no such rule: its periods are
 * calendar days counted as 民事诉讼法 counts them (行政诉讼法第一百零一条; 民事诉讼法第八十五条):
 * the start day is not counted, and a period ending on a holiday ends on the next working day.
 * The kernel calendar computes both (`computeDeadline`).
 */
import type { WorkCalendar } from '../../core/calendar/calendar.js';
import { computeDeadline, type DeadlineExplanation, type DeadlineRule } from '../../core/calendar/deadline.js';
import type { RuleBreach } from '../../core/ledger/ledger.js';
import type { CaseKind, HeadRole, Instance } from './schema.js';

// ── Clocks ──

/** 书面答复 — the bureau's reply and evidence in a reconsideration. */
export const RECONSIDERATION_REPLY_RULE: DeadlineRule = {
  key: 'litigation.reconsideration_reply',
  label: '行政复议答复期限',
  unit: 'workday',
  n: 10,
  source:
    '行政复议法第四十八条：被申请人应当自收到申请书副本或者申请笔录复印件之日起十日内，提出书面答复，并提交作出行政行为的证据、依据和其他有关材料；第八十八条第二款：“十日”指工作日，不含法定休假日',
};

/** 答辩 — the bureau's defence, evidence and legal basis in a lawsuit. */
export const DEFENCE_RULE: DeadlineRule = {
  key: 'litigation.defence',
  label: '行政诉讼答辩举证期限',
  unit: 'day',
  n: 15,
  source:
    '行政诉讼法第六十七条第一款：被告应当在收到起诉状副本之日起十五日内向人民法院提交作出行政行为的证据和所依据的规范性文件，并提出答辩状（期间按民事诉讼法第八十五条计算，届满日为法定休假日的顺延）',
};

/** 上诉 against a first-instance judgment. */
export const APPEAL_JUDGMENT_RULE: DeadlineRule = {
  key: 'litigation.appeal_judgment',
  label: '上诉期限（判决）',
  unit: 'day',
  n: 15,
  source: '行政诉讼法第八十五条：当事人不服人民法院第一审判决的，有权在判决书送达之日起十五日内向上一级人民法院提起上诉',
};

/** 上诉 against an appealable first-instance ruling. */
export const APPEAL_RULING_RULE: DeadlineRule = {
  key: 'litigation.appeal_ruling',
  label: '上诉期限（裁定）',
  unit: 'day',
  n: 10,
  source: '行政诉讼法第八十五条：当事人不服人民法院第一审裁定的，有权在裁定书送达之日起十日内向上一级人民法院提起上诉',
};

/** The reply (复议) or defence (诉讼) rule of a case. */
export const replyRule = (kind: CaseKind): DeadlineRule => (kind === '复议' ? RECONSIDERATION_REPLY_RULE : DEFENCE_RULE);

/** The reply or defence deadline, explained: counted from the day the copy of the application or complaint was received. */
export function replyDeadline(kind: CaseKind, receivedOn: string, cal: WorkCalendar): DeadlineExplanation {
  return computeDeadline({ rule: replyRule(kind), start: receivedOn }, cal);
}

/** What happens when the reply is late, by kind (the case page says it under the clock). */
export const LATE_REPLY_CONSEQUENCE: Record<CaseKind, string> = {
  复议: '逾期不答复、不提交证据依据的，视为该行政行为没有证据、依据，行政复议机关决定撤销（行政复议法第七十条）',
  诉讼: '被告不提供或者无正当理由逾期提供证据，视为没有相应证据（行政诉讼法第三十四条第二款）',
};

// ── Outcomes ──

/** The form of a decision: a reconsideration 决定, or a court's 判决 / 裁定 / 调解书. */
export type OutcomeForm = '决定' | '判决' | '裁定' | '调解书';

export interface OutcomeDef {
  label: string;
  form: OutcomeForm;
  /** Where the category comes from. */
  source: string;
  /**
   * How it counts: `corrected` — the act was held unlawful or improper (纠错; for a lawsuit also 败诉);
   * `if_changed` — 纠错 only when the bureau itself changed the act first (调解 / 撤诉 / 终止 after 和解);
   * `upheld` — the act stands or the case ended without a finding.
   */
  counts: 'corrected' | 'if_changed' | 'upheld';
}

/** 行政复议决定 (行政复议法, 2023). */
export const RECONSIDERATION_OUTCOMES = {
  维持: { label: '维持', form: '决定', counts: 'upheld', source: '行政复议法第六十八条' },
  驳回: { label: '驳回行政复议请求', form: '决定', counts: 'upheld', source: '行政复议法第六十九条' },
  撤销: { label: '撤销', form: '决定', counts: 'corrected', source: '行政复议法第六十四条' },
  变更: { label: '变更', form: '决定', counts: 'corrected', source: '行政复议法第六十三条' },
  确认违法: { label: '确认违法', form: '决定', counts: 'corrected', source: '行政复议法第六十五条' },
  确认无效: { label: '确认无效', form: '决定', counts: 'corrected', source: '行政复议法第六十七条' },
  责令履行: { label: '责令履行', form: '决定', counts: 'corrected', source: '行政复议法第六十六条' },
  调解: { label: '调解', form: '调解书', counts: 'if_changed', source: '行政复议法第七十三条' },
  终止: { label: '终止', form: '决定', counts: 'if_changed', source: '行政复议法第四十一条、第七十四条' },
} as const satisfies Record<string, OutcomeDef>;

/** 行政诉讼裁判 (行政诉讼法; 驳回起诉: 最高人民法院关于适用《中华人民共和国行政诉讼法》的解释第六十九条). */
export const LITIGATION_OUTCOMES = {
  驳回诉讼请求: { label: '判决驳回诉讼请求', form: '判决', counts: 'upheld', source: '行政诉讼法第六十九条' },
  撤销: { label: '判决撤销', form: '判决', counts: 'corrected', source: '行政诉讼法第七十条' },
  确认违法: { label: '判决确认违法', form: '判决', counts: 'corrected', source: '行政诉讼法第七十四条' },
  确认无效: { label: '判决确认无效', form: '判决', counts: 'corrected', source: '行政诉讼法第七十五条' },
  变更: { label: '判决变更', form: '判决', counts: 'corrected', source: '行政诉讼法第七十七条' },
  责令履行: { label: '判决履行', form: '判决', counts: 'corrected', source: '行政诉讼法第七十二条' },
  撤诉: { label: '裁定准予撤诉', form: '裁定', counts: 'if_changed', source: '行政诉讼法第六十二条' },
  调解: { label: '调解', form: '调解书', counts: 'if_changed', source: '行政诉讼法第六十条' },
  驳回起诉: { label: '裁定驳回起诉', form: '裁定', counts: 'upheld', source: '最高人民法院关于适用《中华人民共和国行政诉讼法》的解释第六十九条' },
} as const satisfies Record<string, OutcomeDef>;

export type ReconsiderationOutcome = keyof typeof RECONSIDERATION_OUTCOMES;
export type LitigationOutcome = keyof typeof LITIGATION_OUTCOMES;

/** The outcome categories of a kind of case. */
export const outcomesOf = (kind: CaseKind): Readonly<Record<string, OutcomeDef>> => (kind === '复议' ? RECONSIDERATION_OUTCOMES : LITIGATION_OUTCOMES);

/** The definition of an outcome, or undefined when the kind has no such category. */
export function outcomeDef(kind: CaseKind, outcome: string): OutcomeDef | undefined {
  const all = outcomesOf(kind);
  return Object.hasOwn(all, outcome) ? all[outcome] : undefined;
}

/** The categories that count as 纠错 (and, for a lawsuit, 败诉), for the metrics' SQL. */
export const CORRECTING_OUTCOMES = ['撤销', '变更', '确认违法', '确认无效', '责令履行'] as const;
/** The categories that count as 纠错 only after the bureau changed the act itself. */
export const IF_CHANGED_OUTCOMES = ['调解', '撤诉', '终止'] as const;

export const CORRECTION_SOURCE =
  '撤销、变更、确认违法、确认无效、责令履行认定被申请（被诉）行为违法或者不当（行政复议法第六十三至六十七条；行政诉讼法第七十、七十二、七十四、七十五、七十七条）；被申请人（被告）改变原行为后调解、和解终止或者原告撤诉的，行为同样得到纠正（行政复议法第七十三、七十四条；行政诉讼法第六十条、第六十二条），计入纠错，不计入败诉';

/**
 * 纠错 and 败诉 of a concluded case.
 *
 * - 纠错 (corrected): 撤销, 变更, 确认违法, 确认无效, 责令履行 — the deciding body held the act unlawful
 *   or improper; and 调解 / 撤诉 / 终止 when the bureau changed the challenged act before it (行政诉讼法
 *   第六十二条: 被告改变其所作的行政行为，原告同意并申请撤诉; 行政复议法第七十四条: 和解后撤回, 终止).
 * - 败诉 (lost): a lawsuit whose judgment is one of the five above. A reconsideration is never 败诉
 *   (the word is the court's: the bureau is 被告 only in a lawsuit); a settlement or a withdrawal after
 *   the bureau changed its act is 纠错 but not 败诉 (no judgment against the bureau).
 * - An unknown category throws: the caller validates first.
 */
export function outcomeClass(kind: CaseKind, outcome: string, actChanged: boolean): { corrected: boolean; lost: boolean; form: OutcomeForm; source: string } {
  const d = outcomeDef(kind, outcome);
  if (!d) throw new Error(`unknown ${kind} outcome ${outcome}`);
  const corrected = d.counts === 'corrected' || (d.counts === 'if_changed' && actChanged);
  return { corrected, lost: kind === '诉讼' && d.counts === 'corrected', form: d.form, source: d.source };
}

/**
 * The appeal window a served first-instance decision opens, or null when there is none:
 * a reconsideration decision is not appealed (the applicant may sue — a new case); a
 * second-instance judgment is final (行政诉讼法第七条：两审终审); a 调解书 is not appealed; a
 * ruling is appealable only when it is 不予立案、驳回起诉 or on jurisdiction (行诉解释第一百零一条),
 * so 准予撤诉 opens none and 驳回起诉 opens 10 days; a judgment opens 15 days (行政诉讼法第八十五条).
 */
export function appealRule(c: { kind: CaseKind; instance: Instance | null; outcome: string }): DeadlineRule | null {
  if (c.kind !== '诉讼' || c.instance !== '一审') return null;
  const d = outcomeDef(c.kind, c.outcome);
  if (!d) return null;
  if (d.form === '判决') return APPEAL_JUDGMENT_RULE;
  if (c.outcome === '驳回起诉') return APPEAL_RULING_RULE;
  return null;
}

/** The last day to appeal, counted from service of the judgment or ruling; null when none is open. */
export function appealDeadline(
  c: { kind: CaseKind; instance: Instance | null; outcome: string; servedOn: string | null },
  cal: WorkCalendar,
): DeadlineExplanation | null {
  const rule = appealRule(c);
  if (!rule || !c.servedOn) return null;
  return computeDeadline({ rule, start: c.servedOn }, cal);
}

// ── Breaches (a form refuses them; an import reports them as findings) ──

export const HEAD_APPEARANCE_SOURCE: Record<CaseKind, string> = {
  复议: '行政复议法第五十一条第三款：被申请人的负责人应当参加听证。不能参加的，应当说明理由并委托相应的工作人员参加听证',
  诉讼: '行政诉讼法第三条第三款：被诉行政机关负责人应当出庭应诉。不能出庭的，应当委托行政机关相应的工作人员出庭',
};

/**
 * 负责人出庭应诉 / 参加听证: a hearing records which 负责人 appeared (by role and name), or the
 * reason none did. A role without a name, a name without a role, or neither without a reason
 * breaks the rule.
 */
export function hearingBreaches(kind: CaseKind, h: { headRole: HeadRole | null; headName: string | null; absenceReason: string | null }): RuleBreach[] {
  const statute = HEAD_APPEARANCE_SOURCE[kind];
  const rule = 'litigation.head_appearance';
  const act = kind === '复议' ? '参加听证' : '出庭应诉';
  if (h.headRole && !h.headName?.trim()) return [{ rule, statute, message: `请填写${act}的负责人姓名`, field: 'headName', column: '出庭负责人' }];
  if (!h.headRole && h.headName?.trim())
    return [{ rule, statute, message: `请选择${h.headName.trim()}的职务（正职、副职或参与分管的其他负责人）`, field: 'headRole', column: '负责人职务' }];
  if (!h.headRole && !h.absenceReason?.trim())
    return [
      {
        rule,
        statute,
        message: `负责人未${act}的，应当说明理由（${kind === '复议' ? '行政复议法第五十一条' : '行政诉讼法第三条第三款'}）`,
        field: 'absenceReason',
        column: '未出庭理由',
      },
    ];
  return [];
}

/** The reply filed after its term (a finding on the record; the metric of timely replies counts it from the dates). */
export function replyBreaches(c: { kind: CaseKind; replyFiledOn: string | null; replyDueOn: string }): RuleBreach[] {
  if (!c.replyFiledOn || c.replyFiledOn <= c.replyDueOn) return [];
  const rule = replyRule(c.kind);
  return [
    {
      rule: 'litigation.reply_in_time',
      statute: rule.source,
      message: `${c.kind === '复议' ? '答复' : '答辩'}日期${c.replyFiledOn}晚于${rule.label}${c.replyDueOn}；${LATE_REPLY_CONSEQUENCE[c.kind]}`,
      field: 'replyFiledOn',
      column: '答复（答辩）日期',
    },
  ];
}

/** The order of a case's dates: nothing before the copy was received, service not before the decision. */
export function dateOrderBreaches(c: {
  receivedOn: string;
  replyFiledOn?: string | null;
  outcomeOn?: string | null;
  servedOn?: string | null;
  appealedOn?: string | null;
}): Array<{ field: string; message: string }> {
  const out: Array<{ field: string; message: string }> = [];
  if (c.replyFiledOn && c.replyFiledOn < c.receivedOn)
    out.push({ field: 'replyFiledOn', message: `答复（答辩）日期${c.replyFiledOn}不能早于收到副本日期${c.receivedOn}` });
  if (c.outcomeOn && c.outcomeOn < c.receivedOn) out.push({ field: 'outcomeOn', message: `结案日期${c.outcomeOn}不能早于收到副本日期${c.receivedOn}` });
  if (c.servedOn && c.outcomeOn && c.servedOn < c.outcomeOn) out.push({ field: 'servedOn', message: `送达日期${c.servedOn}不能早于作出日期${c.outcomeOn}` });
  if (c.appealedOn && c.servedOn && c.appealedOn < c.servedOn)
    out.push({ field: 'appealedOn', message: `上诉日期${c.appealedOn}不能早于送达日期${c.servedOn}` });
  return out;
}

/** The rules the API lists (`GET /litigation/rules`), each with its source. */
export const LITIGATION_RULES = [
  {
    key: 'reconsideration_reply',
    label: RECONSIDERATION_REPLY_RULE.label,
    text: '收到申请书副本之日起10个工作日内提出书面答复并提交证据、依据',
    source: RECONSIDERATION_REPLY_RULE.source,
  },
  {
    key: 'defence',
    label: DEFENCE_RULE.label,
    text: '收到起诉状副本之日起15日内提交证据、规范性文件并提出答辩状（届满日为法定休假日的顺延）',
    source: DEFENCE_RULE.source,
  },
  { key: 'appeal_judgment', label: APPEAL_JUDGMENT_RULE.label, text: '一审判决书送达之日起15日内', source: APPEAL_JUDGMENT_RULE.source },
  { key: 'appeal_ruling', label: APPEAL_RULING_RULE.label, text: '可上诉的一审裁定（驳回起诉）送达之日起10日内', source: APPEAL_RULING_RULE.source },
  {
    key: 'head_appearance',
    label: '负责人出庭应诉',
    text: '负责人（正职、副职或参与分管的其他负责人）出庭或参加听证；不能的，说明理由并委托工作人员',
    source: `${HEAD_APPEARANCE_SOURCE.诉讼}；${HEAD_APPEARANCE_SOURCE.复议}`,
  },
  {
    key: 'correction',
    label: '纠错与败诉',
    text: '撤销、变更、确认违法、确认无效、责令履行计入纠错，诉讼案件同时计入败诉；本局改变原行为后调解、终止或撤诉的计入纠错、不计入败诉',
    source: CORRECTION_SOURCE,
  },
] as const;
