import type { DeadlineRule } from '../../core/calendar/deadline.js';

/** 公示期限 — penalty and licensing decisions are published within 7 working days of the decision. */
export const PUBLICATION_RULE: DeadlineRule = {
  key: 'publicity.publish',
  label: '双公示期限',
  unit: 'workday',
  n: 7,
  source: '国办发〔2018〕118号：行政许可、行政处罚决定自作出之日起7个工作日内公示',
};

/** 撤回期限 — a published decision later changed or revoked is withdrawn within 3 days (行政处罚法 art. 48). */
export const WITHDRAW_RULE: DeadlineRule = {
  key: 'publicity.withdraw',
  label: '撤回公示期限',
  unit: 'workday',
  n: 3,
  source: '行政处罚法第四十八条：公开的行政处罚决定被依法变更、撤销、确认违法或者确认无效的，应当在三日内撤回',
};

/**
 * How a party's name appears in public: a natural person's given name is masked
 * (张三 → 张某某); organisations are shown in full.
 */
export function publicPartyName(name: string, partyType: string): string {
  if (partyType !== '自然人') return name;
  const chars = [...name.trim()];
  if (!chars.length) return '';
  return `${chars[0]}某某`;
}

/** How an identifier appears in public: an ID-card number keeps its first 6 and last 4; a USCC stays (it is public). */
export function publicIdNo(idNo: string | null, partyType: string): string {
  if (!idNo) return '';
  if (partyType === '自然人') return idNo.length >= 10 ? `${idNo.slice(0, 6)}${'*'.repeat(idNo.length - 10)}${idNo.slice(-4)}` : '*'.repeat(idNo.length);
  return idNo;
}
