/**
 * 追责时效 — the limitation of 行政处罚法第三十六条 (2021), as a pure rule with its source.
 *
 * 第一款：违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，
 * 上述期限延长至五年。法律另有规定的除外。
 * 第二款：前款规定的期限，从违法行为发生之日起计算；违法行为有连续或者继续状态的，从行为终了之日起计算。
 *
 * How the code reads it (docs/modules/enforcement.md, "Limitation"):
 * - the period runs from the violation date, or from the day a continuing or repeated violation
 *   ended (`violationEndedOn`); a violation still going on when discovered is entered with the
 *   discovery date as its end, so it is never out of time;
 * - the start day is not counted (民事诉讼法第八十五条): the period ends on the same calendar day
 *   2 (or 5) years later, 29 February on 28 February of a common year; a discovery on that day
 *   is in time, the next day is not. The end is not rolled to a working day: the period limits
 *   the bureau's discovery, not an act a party must do on a working day;
 * - "discovered" (被发现) is the day the bureau learned of the violation: for a clue the day it
 *   received the clue (`enf_clue.received_on`), for a case filed from a clue that clue's received
 *   date, for a case filed without a clue its 立案日期;
 * - past the period the case cannot be filed; the only exception is 法律另有规定, so an override
 *   must name that legal ground (recorded on the record and in its audit event).
 */
import type { RuleBreach } from '../../core/ledger/ledger.js';

export const LIMITATION = {
  general: {
    key: 'enforcement.limitation',
    label: '追责时效',
    years: 2,
    source: '《中华人民共和国行政处罚法》第三十六条：违法行为在二年内未被发现的，不再给予行政处罚',
  },
  serious: {
    key: 'enforcement.limitation_serious',
    label: '追责时效（涉及生命健康安全、金融安全且有危害后果）',
    years: 5,
    source: '《中华人民共和国行政处罚法》第三十六条：涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至五年',
  },
} as const;

export const LIMITATION_STATUTE = '《中华人民共和国行政处罚法》第三十六条';

/** What the rule reads from a clue or a case. */
export interface LimitationFacts {
  /** 违法行为发生日期 (none recorded: nothing to check). */
  violationOn?: string | null;
  /** 违法行为终了日期 — for a continuing or repeated violation. */
  violationEndedOn?: string | null;
  /** 涉及公民生命健康安全、金融安全且有危害后果 — the 5-year period. */
  serious?: boolean | null;
}

/** The limitation of a violation: from which day, how many years, the last day it may be discovered. */
export interface Limitation {
  from: string;
  years: 2 | 5;
  /** The last day on which a discovery is still in time. */
  lastDay: string;
  source: string;
  /** One sentence for the record page. */
  text: string;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `d` plus `years` calendar years; 29 February becomes 28 February in a common year. */
export function addYears(d: string, years: number): string {
  const m = ISO.exec(d);
  if (!m) throw new Error(`not an ISO date: ${d}`);
  const y = Number(m[1]) + years;
  const month = Number(m[2]);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const day = month === 2 && Number(m[3]) === 29 && !leap ? 28 : Number(m[3]);
  return `${String(y).padStart(4, '0')}-${m[2]}-${String(day).padStart(2, '0')}`;
}

/** The limitation of a violation, or null when its date is not recorded. */
export function limitationOf(f: LimitationFacts): Limitation | null {
  if (!f.violationOn) return null;
  const ended = f.violationEndedOn && f.violationEndedOn > f.violationOn ? f.violationEndedOn : null;
  const from = ended ?? f.violationOn;
  const rule = f.serious ? LIMITATION.serious : LIMITATION.general;
  const lastDay = addYears(from, rule.years);
  const start = ended ? `违法行为终了之日${from}` : `违法行为发生之日${from}`;
  return {
    from,
    years: rule.years,
    lastDay,
    source: rule.source,
    text: `追责时效自${start}起算（当日不计）${rule.years}年，至${lastDay}届满；此后发现的，不再给予行政处罚（法律另有规定的除外）`,
  };
}

/** What a filing (立案) checks: the violation, the day the bureau discovered it, and an override's legal ground. */
export interface LimitationCheck extends LimitationFacts {
  /** 发现之日: the clue's received date, or (no clue) the filing date. */
  discoveredOn: string;
  /** What discovered means for this record, in words: '线索受理日期' / '立案日期'. */
  discoveredAs: string;
  /** 法律另有规定 — the legal ground that allows a penalty past the period (recorded, audited). */
  override?: string | null;
}

/**
 * 追责时效 of a filing: a breach (`enforcement.limitation`, 第三十六条) when the violation was
 * discovered after the last day of its period and no legal ground for an exception is recorded.
 * The dates' own order (violation after discovery, end before start) is {@link limitationDateProblems}.
 */
export function limitationBreaches(c: LimitationCheck): RuleBreach[] {
  const l = limitationOf(c);
  if (!l || c.discoveredOn <= l.lastDay || c.override?.trim()) return [];
  return [
    {
      rule: LIMITATION.general.key,
      statute: LIMITATION_STATUTE,
      message: `违法行为自${l.from}起${l.years}年内未被发现（时效至${l.lastDay}届满，${c.discoveredAs}为${c.discoveredOn}），不再给予行政处罚，不予立案；法律另有规定的，请填写该法律依据`,
      field: 'violationOn',
      column: '违法行为发生日期',
    },
  ];
}

/** What cannot be a true record: a violation after its discovery, or an end before its start. [field, message] pairs. */
export function limitationDateProblems(
  c: Pick<LimitationCheck, 'violationOn' | 'violationEndedOn' | 'discoveredOn' | 'discoveredAs'>,
): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (c.violationOn && c.violationOn > c.discoveredOn) out.push(['violationOn', `违法行为发生日期不能晚于${c.discoveredAs}（${c.discoveredOn}）`]);
  if (c.violationEndedOn && !c.violationOn) out.push(['violationOn', '填写了违法行为终了日期，须填写违法行为发生日期']);
  if (c.violationEndedOn && c.violationOn && c.violationEndedOn < c.violationOn) out.push(['violationEndedOn', '违法行为终了日期不能早于发生日期']);
  return out;
}

/** The limitation facts of a stored case: discovered on its `discovered_on` (the clue's received date, or its filing date). */
export function caseLimitationCheck(c: {
  violation_on: string | null;
  violation_ended_on: string | null;
  limitation_serious: boolean;
  limitation_override: string | null;
  discovered_on: string | null;
  filed_on: string;
  clue_id: string | null;
}): LimitationCheck {
  return {
    violationOn: c.violation_on,
    violationEndedOn: c.violation_ended_on,
    serious: c.limitation_serious,
    discoveredOn: c.discovered_on ?? c.filed_on,
    discoveredAs: c.clue_id && c.discovered_on && c.discovered_on !== c.filed_on ? '线索受理日期' : '立案日期',
    override: c.limitation_override,
  };
}

/** The limitation facts of a stored clue: discovered on the day it was received. */
export function clueLimitationCheck(c: {
  violation_on: string | null;
  violation_ended_on: string | null;
  limitation_serious: boolean;
  received_on: string;
}): LimitationCheck {
  return {
    violationOn: c.violation_on,
    violationEndedOn: c.violation_ended_on,
    serious: c.limitation_serious,
    discoveredOn: c.received_on,
    discoveredAs: '线索受理日期',
  };
}

/** The limitation as a record page shows it: the period, the discovery date and whether it came after the last day. */
export function limitationStatus(c: LimitationCheck) {
  const l = limitationOf(c);
  if (!l) return null;
  return { ...l, discoveredOn: c.discoveredOn, discoveredAs: c.discoveredAs, expired: c.discoveredOn > l.lastDay, override: c.override?.trim() || null };
}
