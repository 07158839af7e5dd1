/**
 * 行政许可 rules — pure functions over dates and the working-day calendar, each
 * with its source. Every period of the 行政许可法 is counted in working days (art. 82).
 */
import type { WorkCalendar } from '../../core/calendar/calendar.js';
import { computeDeadline, type DeadlineExplanation, type DeadlineRule } from '../../core/calendar/deadline.js';
import { errors } from '../../core/errors.js';
import { percent } from '../../core/metrics/registry.js';
import type { RuleBreach } from '../../core/ledger/ledger.js';
import { PUBLICATION_RULE } from '../publicity/index.js';
import type { PausePeriod, PermitStatus } from './schema.js';

/** 补正告知 — one notice of everything to correct, within 5 working days of receiving the application. */
export const CORRECTION_RULE: DeadlineRule = {
  key: 'licensing.correction',
  label: '补正告知期限',
  unit: 'workday',
  n: 5,
  source:
    '行政许可法第三十二条第一款第（四）项：申请材料不齐全或者不符合法定形式的，应当当场或者在五日内一次告知申请人需要补正的全部内容，逾期不告知的，自收到申请材料之日起即为受理',
};

/** 法定办理时限 — 20 working days from 受理 unless a law or regulation sets another term (the catalogue's 法定时限). */
export const STATUTORY_SOURCE = '行政许可法第四十二条第一款：除可以当场作出行政许可决定的外，行政机关应当自受理行政许可申请之日起二十日内作出行政许可决定';

/** 延长 — at most 10 working days more, approved by the agency's head, with reasons told to the applicant. */
export const MAX_EXTENSION_DAYS = 10;
export const EXTENSION_SOURCE = '行政许可法第四十二条第一款：二十日内不能作出决定的，经本行政机关负责人批准，可以延长十日，并应当将延长期限的理由告知申请人';

/** 不计入期限 — hearing, tendering, auction, testing, inspection, quarantine, appraisal and expert review time. */
export const EXCLUDED_SOURCE =
  '行政许可法第四十五条：行政机关作出行政许可决定，依法需要听证、招标、拍卖、检验、检测、检疫、鉴定和专家评审的，所需时间不计算在本节规定的期限内';
export const PAUSE_REASONS = ['听证', '招标', '拍卖', '检验', '检测', '检疫', '鉴定', '专家评审'] as const;

/** 颁发、送达许可证件 — within 10 working days of the decision to grant. */
export const CERTIFICATE_RULE: DeadlineRule = {
  key: 'licensing.certificate',
  label: '颁发送达许可证件期限',
  unit: 'workday',
  n: 10,
  source: '行政许可法第四十四条：行政机关作出准予行政许可的决定，应当自作出决定之日起十日内向申请人颁发、送达行政许可证件',
};

/** The decision period of an item: its committed term (承诺时限), counted like the statutory one. */
export function committedRule(committedDays: number): DeadlineRule {
  return {
    key: 'licensing.decision',
    label: '许可决定期限（承诺时限）',
    unit: 'workday',
    n: committedDays,
    source: `本局公开承诺时限${committedDays}个工作日（不超过法定时限，行政许可法第四十二条）`,
  };
}

export function statutoryRule(statutoryDays: number): DeadlineRule {
  return { key: 'licensing.statutory', label: '许可决定法定期限', unit: 'workday', n: statutoryDays, source: STATUTORY_SOURCE };
}

/** A catalogue item's time limits are whole working days, the committed one not longer than the statutory one. */
export function checkItemLimits(statutoryDays: number, committedDays: number): void {
  if (!Number.isInteger(statutoryDays) || statutoryDays < 1) throw errors.validation('statutoryDays', '法定时限应为正整数（工作日）');
  if (!Number.isInteger(committedDays) || committedDays < 1) throw errors.validation('committedDays', '承诺时限应为正整数（工作日）');
  if (committedDays > statutoryDays)
    throw errors.validation('committedDays', `承诺时限（${committedDays}个工作日）不能超过法定时限（${statutoryDays}个工作日）`);
}

/**
 * 时限压缩率 = 1 − Σ承诺时限 / Σ法定时限 over the catalogue, in percent with two
 * decimals (RULES.md: unverified formula). Null for an empty catalogue.
 */
export function compressionRate(items: ReadonlyArray<{ statutoryDays: number; committedDays: number }>): number | null {
  const s = items.reduce((a, i) => a + i.statutoryDays, 0);
  const c = items.reduce((a, i) => a + i.committedDays, 0);
  return percent(s - c, s);
}

/** The last day on which a correction notice is timely (5 working days after receipt). */
export function correctionDue(receivedOn: string, cal: WorkCalendar): string {
  return computeDeadline({ rule: CORRECTION_RULE, start: receivedOn }, cal).due;
}

/** A correction notice after the 5th working day is refused: the application already counts as accepted. */
export function checkCorrectionNotice(receivedOn: string, noticeOn: string, cal: WorkCalendar): void {
  if (noticeOn < receivedOn) throw errors.validation('noticeOn', '补正告知日期不能早于收件日期');
  const due = correctionDue(receivedOn, cal);
  if (noticeOn > due)
    throw errors.gate(
      'CORRECTION_LATE',
      `补正告知应在收件后5个工作日内（${due}前）一次告知；已逾期，依行政许可法第三十二条，自收到申请材料之日（${receivedOn}）起即为受理`,
    );
}

/**
 * 受理日 for the decision clock. Without a timely correction notice, an application
 * accepted after the 5th working day counts as accepted on the day it was received
 * (行政许可法 art. 32); otherwise the clock starts on the recorded 受理 date.
 */
export function clockStart(
  input: { receivedOn: string; correctionNoticeOn?: string | null; acceptedOn: string },
  cal: WorkCalendar,
): { start: string; deemed: boolean } {
  if (input.acceptedOn < input.receivedOn) throw errors.validation('acceptedOn', '受理日期不能早于收件日期');
  if (!input.correctionNoticeOn && input.acceptedOn > correctionDue(input.receivedOn, cal)) return { start: input.receivedOn, deemed: true };
  return { start: input.acceptedOn, deemed: false };
}

export interface DecisionClockInput {
  start: string;
  committedDays: number;
  statutoryDays: number;
  pauses?: readonly PausePeriod[];
  extensionDays?: number | null;
  /** 延长批准日期: an extension approved after a deadline does not extend that deadline. */
  extensionApprovedOn?: string | null;
}

/** Why an extension did not extend a deadline (Chinese; the deadline explanation appends it). */
export function lateExtensionText(x: { approvedOn: string; days: number; term: string; due: string }): string {
  return `延长${x.days}个工作日的批准日期${x.approvedOn}晚于${x.term}届满日${x.due}：期限届满后批准的延长不发生延长效力，${x.term}按未延长计（依据：${EXTENSION_SOURCE}）`;
}

/**
 * The decision deadlines: the committed one (what the bureau promised, plus an approved
 * extension) and the statutory hard bound (法定时限 + 10). Hearing, testing and expert time is
 * excluded from both (art. 45). An extension counts toward a deadline only when approved on or
 * before that deadline's unextended due date (art. 42: approved within the term): approved after
 * the committed term ran out, it extends the statutory bound alone and the case is late on its
 * commitment. `voided` says, per deadline, why an extension did not count (null: it did, or none).
 */
export function decisionDeadlines(
  input: DecisionClockInput,
  cal: WorkCalendar,
): { committed: DeadlineExplanation; statutory: DeadlineExplanation; voided: { committed: string | null; statutory: string | null } } {
  const pauses = (input.pauses ?? []).map((p) => ({ from: p.from, to: p.to, reason: p.reason }));
  const days = input.extensionDays ?? 0;
  const term = (rule: DeadlineRule, name: string): { x: DeadlineExplanation; voided: string | null } => {
    const bare = computeDeadline({ rule, start: input.start, pauses }, cal);
    if (!days) return { x: bare, voided: null };
    const approvedOn = input.extensionApprovedOn ?? undefined;
    if (approvedOn && approvedOn > bare.due) {
      const why = lateExtensionText({ approvedOn, days, term: name, due: bare.due });
      return { x: { ...bare, warnings: [...bare.warnings, why], text: `${bare.text}${why}。` }, voided: why };
    }
    const ext = [{ n: days, ...(approvedOn ? { approvedOn } : {}), reason: '经本机关负责人批准延长' }];
    return { x: computeDeadline({ rule, start: input.start, pauses, extensions: ext }, cal), voided: null };
  };
  const committed = term(committedRule(input.committedDays), '承诺期限');
  const statutory = term(statutoryRule(input.statutoryDays), '法定期限');
  return { committed: committed.x, statutory: statutory.x, voided: { committed: committed.voided, statutory: statutory.voided } };
}

/**
 * An extension: once, 1–10 working days (art. 42), approved within the term — on or before the
 * statutory deadline it extends (`currentDue`, unextended). One approved after the committed term
 * but within the statutory one is lawful; it extends the statutory bound only ({@link decisionDeadlines}).
 */
export function checkExtension(input: { days: number; approvedOn: string; already: boolean; currentDue: string }): void {
  if (input.already) throw errors.gate('EXTENSION_USED', '该办件已延长过一次，行政许可法第四十二条只允许延长一次（十日）');
  if (!Number.isInteger(input.days) || input.days < 1 || input.days > MAX_EXTENSION_DAYS)
    throw errors.validation('days', `延长天数应为1至${MAX_EXTENSION_DAYS}个工作日（行政许可法第四十二条）`);
  if (input.approvedOn > input.currentDue)
    throw errors.gate(
      'EXTENSION_LATE',
      `延长须在法定期限届满（${input.currentDue}）前经负责人批准；${input.approvedOn}批准的延长不发生延长效力（行政许可法第四十二条）`,
    );
}

/** The excluded periods as stored (a JSON column: text from PGlite, parsed from PostgreSQL; none yet). */
export function pausesOf(stored: unknown): PausePeriod[] {
  return (typeof stored === 'string' ? JSON.parse(stored) : (stored ?? [])) as PausePeriod[];
}

/** A pause: a named excluded procedure with a start not after its end. */
export function checkPause(p: PausePeriod, acceptedOn: string): void {
  if (!(PAUSE_REASONS as readonly string[]).includes(p.reason))
    throw errors.validation('reason', `不计入期限的事由应为：${PAUSE_REASONS.join('、')}（行政许可法第四十五条）`);
  if (p.to < p.from) throw errors.validation('to', '结束日期不能早于开始日期');
  if (p.from <= acceptedOn) throw errors.validation('from', '扣除期间应在受理之后');
}

/** The certificate is due 10 working days after the decision to grant. */
export function certificateDue(decidedOn: string, cal: WorkCalendar): string {
  return computeDeadline({ rule: CERTIFICATE_RULE, start: decidedOn }, cal).due;
}

/** The status after a decision-side step: 已公示 once published, 已发证 once certified, else 已决定. */
export function statusAfterDecision(p: { certificateOn: string | null; publishedOn: string | null }): PermitStatus {
  if (p.publishedOn) return 'published';
  if (p.certificateOn) return 'certified';
  return 'decided';
}

/** The statute a late decision breaks (the committed term is the bureau's public promise under it). */
export const DECISION_STATUTE = '《中华人民共和国行政许可法》第四十二条';
/** The statute a late publication breaks. */
export const PUBLICATION_STATUTE = '国办发〔2018〕118号（行政许可决定自作出之日起7个工作日内公示）';

/**
 * A decision after its deadline: past the committed term (`licensing.decision_in_time`,
 * what the on-time metric counts) and, worse, past the statutory bound
 * (`licensing.decision_statutory_term`). The form records such a decision (the case
 * must still be closed); an import reports it as a finding.
 */
export function decisionBreaches(p: { decidedOn: string | null; dueOn: string | null; statutoryDueOn: string | null }): RuleBreach[] {
  const out: RuleBreach[] = [];
  if (!p.decidedOn) return out;
  if (p.dueOn && p.decidedOn > p.dueOn)
    out.push({
      rule: 'licensing.decision_in_time',
      statute: DECISION_STATUTE,
      message: `办结日期${p.decidedOn}晚于承诺期限${p.dueOn}，逾期作出许可决定`,
      field: 'decidedOn',
      column: '办结日期',
    });
  if (p.statutoryDueOn && p.decidedOn > p.statutoryDueOn)
    out.push({
      rule: 'licensing.decision_statutory_term',
      statute: DECISION_STATUTE,
      message: `办结日期${p.decidedOn}晚于法定期限${p.statutoryDueOn}，超过法定决定期限`,
      field: 'decidedOn',
      column: '办结日期',
    });
  return out;
}

/** The last day to publish a grant (7 working days after the decision, 国办发〔2018〕118号). */
export function publicationDue(decidedOn: string, cal: WorkCalendar): string {
  return computeDeadline({ rule: PUBLICATION_RULE, start: decidedOn }, cal).due;
}

/** A grant published after its 7-working-day term (`licensing.publication_in_time`). */
export function publicationBreaches(p: { result: string | null; decidedOn: string | null; publishedOn: string | null }, cal: WorkCalendar): RuleBreach[] {
  if (p.result !== '准予许可' || !p.decidedOn || !p.publishedOn) return [];
  const due = publicationDue(p.decidedOn, cal);
  if (p.publishedOn <= due) return [];
  return [
    {
      rule: 'licensing.publication_in_time',
      statute: PUBLICATION_STATUTE,
      message: `公示日期${p.publishedOn}晚于公示期限${due}（决定之日起7个工作日）`,
      field: 'publishedOn',
      column: '公示日期',
    },
  ];
}
