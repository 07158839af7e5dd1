import type { DeadlineRule } from '../../core/calendar/deadline.js';

/** 抽查结果公示 — within 20 working days of the inspection (RULES.md: secondary source). */
export const PUBLICATION_RULE: DeadlineRule = {
  key: 'inspections.publish',
  label: '抽查结果公示期限',
  unit: 'workday',
  n: 20,
  source: '国办发〔2019〕5号《关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》：抽查检查结果自产生之日起20个工作日内公示',
};

// ── 行政检查 / 涉企检查 (inspection records) ──

/** 检查类别 */
export const RECORD_KINDS = ['双随机', '专项', '投诉举报', '上级交办', '回访'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
/** 处理结果 (follow-up) */
export const FOLLOW_UPS = ['无问题', '责令整改', '移送线索', '立案'] as const;
export type FollowUp = (typeof FOLLOW_UPS)[number];

/** The sources the record rules cite (RULES.md where it has them; the rest from memory, marked so in the docs). */
export const SOURCES = {
  officers: '行政处罚法第四十二条（执法人员不得少于两人，并应当主动出示执法证件）',
  randomBasic: '优化营商环境条例第五十九条（以“双随机、一公开”监管为基本手段）',
  plan: '国办发〔2024〕54号《关于严格规范涉企行政检查的意见》（实行年度检查计划管理，计划外入企检查须说明理由并经批准）',
  cap: '国办发〔2024〕54号《关于严格规范涉企行政检查的意见》（合理确定并严格控制检查频次，同一主体对同一企业的年度检查次数设上限）',
} as const;

/**
 * The rules of an inspection record, each with its source (docs/modules/inspections.md lists them).
 * `DEFAULT_ENTITY_CAP`: 54号 asks each body to cap how often it inspects one enterprise a year; the
 * number is the unit's to set (a plan's `entityCap`). 2 is this system's default, not a figure of 54号.
 */
export const DEFAULT_ENTITY_CAP = 2;
export const MIN_INSPECTORS = 2;

export const RECORD_RULES = [
  { key: 'officers', rule: `至少${MIN_INSPECTORS}名检查人员，持检查之日有效的执法证件`, source: SOURCES.officers },
  { key: 'plan', rule: '计划外的入企检查（双随机除外）须填写计划外检查理由', source: SOURCES.plan },
  { key: 'cap', rule: `同一企业年度检查次数超过年度计划设定的上限（默认${DEFAULT_ENTITY_CAP}次）时提示，不拒绝登记`, source: SOURCES.cap },
  { key: 'random', rule: '双随机抽查任务登记检查结果即生成类别为“双随机”的检查记录', source: SOURCES.randomBasic },
  {
    key: 'followUp',
    rule: '责令整改须有整改期限（不早于检查日期）；移送线索、立案办结前须关联线索或案件',
    source: '行政处罚法第二十八条（责令改正）；本系统规则',
  },
] as const;

/** An inspector as the rules see them: the certificate and its validity. */
export interface InspectorFacts {
  name: string;
  certNo: string | null;
  certIssuedOn?: string | null;
  certValidUntil: string | null;
}

/** Whether a certificate is valid on a date: a number, issued on or before it, valid until on or after it. */
export const certValidOn = (o: InspectorFacts, on: string) =>
  !!o.certNo && !!o.certValidUntil && o.certValidUntil >= on && (!o.certIssuedOn || o.certIssuedOn <= on);

/** Problems with the inspectors on the inspection date (行政处罚法第四十二条): each without a valid certificate, and fewer than two. */
export function inspectorProblems(inspectors: readonly InspectorFacts[], on: string): string[] {
  const out: string[] = [];
  for (const o of inspectors) if (!certValidOn(o, on)) out.push(`${o.name}在${on}没有有效的执法证件`);
  const valid = inspectors.filter((o) => certValidOn(o, on)).length;
  if (valid < MIN_INSPECTORS) out.push(`检查人员不得少于${MIN_INSPECTORS}人且须持有效执法证件（${SOURCES.officers}），现有${valid}人`);
  return out;
}

/** Whether an off-plan reason is needed: an 入企 inspection, not 双随机, with no entry of the unit's annual plan. */
export const needsOffPlanReason = (r: { kind: RecordKind; enterprise: boolean; inPlan: boolean }) => r.enterprise && r.kind !== '双随机' && !r.inPlan;

/**
 * 超频次提示 — the warning when this inspection makes the enterprise's count in the year exceed the cap
 * (`countBefore` = the enterprise's other inspections that year by the same unit). A warning, never a refusal.
 */
export function capWarning(x: { countBefore: number; cap: number; entityName: string; year: number }): string | null {
  const n = x.countBefore + 1;
  return n > x.cap ? `${x.entityName}${x.year}年已被本单位检查${n}次，超过年度上限${x.cap}次（${SOURCES.cap}）` : null;
}

/** Problems with a follow-up as registered: 责令整改 needs a deadline not before the inspection. */
export function followUpProblems(f: { followUp: FollowUp; inspectedOn: string; rectifyDueOn: string | null }): Array<{ field: string; message: string }> {
  if (f.followUp !== '责令整改') return f.rectifyDueOn ? [{ field: 'rectifyDueOn', message: '只有责令整改的填写整改期限' }] : [];
  if (!f.rectifyDueOn) return [{ field: 'rectifyDueOn', message: '责令整改的，请填写整改期限' }];
  if (f.rectifyDueOn < f.inspectedOn) return [{ field: 'rectifyDueOn', message: '整改期限不能早于检查日期' }];
  return [];
}

/** 整改期限 — the deadline the bureau set, tracked as given (calendar days from the inspection, no rolling). */
export function rectifyRule(inspectedOn: string, dueOn: string): DeadlineRule {
  const n = Math.round((Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${inspectedOn}T00:00:00Z`)) / 86_400_000);
  return {
    key: 'inspections.rectify',
    label: '责令整改期限',
    unit: 'day',
    n,
    rollToWorkday: false,
    source: '行政处罚法第二十八条（责令改正）：整改期限由检查机关在责令整改通知中确定',
  };
}
