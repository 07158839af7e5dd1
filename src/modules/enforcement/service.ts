/**
 * 送达 — serving the penalty decision (行政处罚法第六十一条): handed to the party on the
 * spot after it is announced (宣告后当场交付); otherwise served within 7 days (working
 * days, 第八十五条) by the methods of 民事诉讼法; electronic service only with the party's
 * consent and a signed 确认书 (第六十一条第二款); 公告送达 counts as served when its own
 * period has run (民事诉讼法第九十五条). Pure: rules as data with their source, the
 * calendar passed in. The deadlines are counted with the case's others (deadlines.ts).
 */
import type { WorkCalendar } from '../../core/calendar/calendar.js';
import { computeDeadline, type DeadlineRule } from '../../core/calendar/deadline.js';

/** 送达方式 — 当场交付 (行政处罚法第六十一条第一款) and the 民事诉讼法 methods it refers to (第八十八—九十五条). */
export const SERVICE_METHODS = ['当场交付', '直接送达', '留置送达', '邮寄送达', '公告送达', '电子送达'] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];

/** 送达期限 — 7 working days from the decision when it is not handed over on the spot (行政处罚法第六十一条、第八十五条). (checked) */
export const SERVICE_RULE = {
  key: 'enforcement.service',
  label: '送达处罚决定书期限',
  unit: 'workday',
  n: 7,
  source: '行政处罚法第六十一条：当事人不在场的，行政机关应当在七日内依照民事诉讼法的有关规定送达（第八十五条：七日指工作日）',
} as const satisfies DeadlineRule;

/**
 * 公告送达期 — served 30 days after the notice is published (民事诉讼法第九十五条 as amended in
 * 2021, in force 1 January 2022; 60 days under the text before it, 2017 第九十二条). (checked)
 */
export const PUBLIC_NOTICE_RULE = {
  key: 'enforcement.public_notice',
  label: '公告送达期',
  unit: 'day',
  n: 30,
  source: '行政处罚法第六十一条→民事诉讼法第九十五条：自发出公告之日起，经过三十日，即视为送达（2022年1月1日起施行的修正文本）',
} as const satisfies DeadlineRule;

/** The same period for a notice published before 1 January 2022: 60 days (民事诉讼法2017年修正第九十二条). */
export const PUBLIC_NOTICE_RULE_BEFORE_2022 = {
  ...PUBLIC_NOTICE_RULE,
  n: 60,
  source: '行政处罚法第六十一条→民事诉讼法（2017年修正）第九十二条：自发出公告之日起，经过六十日，即视为送达',
} as const satisfies DeadlineRule;

/** The 公告送达 period that applies to a notice published on `noticeOn` (the text in force that day). */
export function publicNoticeRule(noticeOn: string): DeadlineRule {
  return noticeOn < '2022-01-01' ? PUBLIC_NOTICE_RULE_BEFORE_2022 : PUBLIC_NOTICE_RULE;
}

/** The day a decision served by public notice counts as served (the period's end, rolled past holidays). */
export function deemedServedOn(noticeOn: string, cal: WorkCalendar): string {
  return computeDeadline({ rule: publicNoticeRule(noticeOn), start: noticeOn }, cal).due;
}

/** What the service rules read: the method, the decision's date, the service date (公告: its publication), the consent's date. */
export interface ServiceFacts {
  method: string;
  decidedOn: string;
  on: string;
  consentOn: string | null;
}

/** A refusal of a service record: the field at fault and why, citing the statute. */
export interface ServiceProblem {
  field: 'method' | 'on' | 'consentOn';
  message: string;
}

/**
 * Problems with a service record (empty = it may be recorded): an unknown method; a date
 * before the decision; 当场交付 on another day than the decision (第六十一条第一款: 宣告后当场交付);
 * 电子送达 without the party's consent given by that day (第六十一条第二款).
 */
export function serviceProblems(s: ServiceFacts): ServiceProblem[] {
  const out: ServiceProblem[] = [];
  if (!(SERVICE_METHODS as readonly string[]).includes(s.method)) {
    out.push({ field: 'method', message: `送达方式应为：${SERVICE_METHODS.join('、')}` });
    return out;
  }
  const label = s.method === '公告送达' ? '公告发出日期' : '送达日期';
  if (s.on < s.decidedOn) out.push({ field: 'on', message: `${label}（${s.on}）不能早于决定日期（${s.decidedOn}）` });
  if (s.method === '当场交付' && s.on !== s.decidedOn)
    out.push({ field: 'on', message: `当场交付的，送达日期应为宣告决定当日（${s.decidedOn}）；当事人不在场的，应选择其他送达方式（行政处罚法第六十一条）` });
  if (s.method === '电子送达') {
    if (!s.consentOn) out.push({ field: 'consentOn', message: '电子送达须经当事人同意并签订确认书，请填写确认书签订日期（行政处罚法第六十一条第二款）' });
    else if (s.consentOn > s.on)
      out.push({
        field: 'consentOn',
        message: `确认书签订日期（${s.consentOn}）晚于送达日期（${s.on}），送达时尚未取得当事人同意（行政处罚法第六十一条第二款）`,
      });
  }
  return out;
}
