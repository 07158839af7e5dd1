/**
 * 12345 政务服务便民热线 — the rules of a hotline order, as data with their sources.
 * RULES.md marks the time limits "unverified: configurable": each order carries
 * its own 办理时限 from the city platform; the defaults below apply only when it
 * does not.
 */
import type { DeadlineRule } from '../../core/calendar/index.js';
import type { ExtensionCap, FieldError } from '../demands/index.js';

/** 诉求类型 (LEDGERS.md hotline-orders). */
export const HOTLINE_TYPES = ['投诉', '举报', '求助', '咨询', '建议', '其他'] as const;
export type HotlineType = (typeof HOTLINE_TYPES)[number];

/** 满意度 as the platform's callback records it. */
export const SATISFACTION = ['满意', '基本满意', '不满意', '未评价'] as const;
/** Evaluations that count in the satisfaction rate (未评价 and empty are left out). */
export const RATED = ['满意', '基本满意', '不满意'] as const;
export const SATISFIED = ['满意', '基本满意'] as const;

const LIMIT_SOURCE = '国办发〔2020〕53号：办理时限随工单下达，未下达的按诉求类型缺省（咨询1、求助3–5、投诉举报10–15个工作日；未核实，可配置）';

/** 缺省办理时限 (working days) per 诉求类型, used when the order carries none. */
export const DEFAULT_TIME_LIMIT: Record<HotlineType, number> = { 咨询: 1, 求助: 5, 投诉: 10, 举报: 15, 建议: 10, 其他: 5 };

/** The time limit of an order: its own, else the type's default, else 5. */
export function timeLimitOf(demandType: string | null, given: number | null): number {
  if (given != null) return given;
  return DEFAULT_TIME_LIMIT[(demandType ?? '其他') as HotlineType] ?? 5;
}

/** 办理时限 — the order's limit in working days after the 受理 date (that day not counted). */
export function handlingRule(limit: number, fromOrder: boolean): DeadlineRule {
  return { key: 'hotline.handle', label: '12345工单办理时限', unit: 'workday', n: limit, source: fromOrder ? '12345平台工单下达的办理时限' : LIMIT_SOURCE };
}

/** 签收 — within 1 working day of receipt. */
export const SIGN_RULE: DeadlineRule = {
  key: 'hotline.sign',
  label: '12345工单签收时限',
  unit: 'workday',
  n: 1,
  source: '国办发〔2020〕53号及本地热线工作规范：工单1个工作日内签收（未核实，可配置）',
};

/** 延期 — approved extensions of an order, at most 10 working days in all. */
export const EXTENSION_CAP: ExtensionCap = { n: 10, unit: 'workday', source: '12345热线工单延期规则（经热线平台审核同意；合计上限未核实，可配置）' };

/** 疑似重复诉求 — the same place or the same caller within this many days. */
export const REPEAT_WINDOW_DAYS = 30;

/** A place as compared for repeats: spaces and punctuation dropped, full-width folded. */
export function normalizePlace(s: string | null | undefined): string {
  return (s ?? '').normalize('NFKC').replace(/[\s,，。.、;；:：()（）\-—#号]/g, '');
}

/** Whether an earlier order is a likely repeat of a new one, and why (null: not). */
export function repeatReason(
  a: { receivedOn: string; phone: string | null; location: string | null },
  b: { receivedOn: string; phone: string | null; location: string | null },
  daysApart: number,
): string | null {
  if (daysApart < 0 || daysApart > REPEAT_WINDOW_DAYS) return null;
  const reasons: string[] = [];
  if (a.phone && b.phone && a.phone === b.phone) reasons.push('同一来电人');
  const pa = normalizePlace(a.location);
  if (pa.length >= 4 && pa === normalizePlace(b.location)) reasons.push('同一地点');
  return reasons.length ? `${reasons.join('、')}，${REPEAT_WINDOW_DAYS}日内再次来电（相隔${daysApart}日）` : null;
}

/** The order pushed by the city platform, as received (unknown shapes). */
export interface PushPayload {
  orderNo?: unknown;
  receivedAt?: unknown;
  demandType?: unknown;
  title?: unknown;
  content?: unknown;
  callerName?: unknown;
  callerPhone?: unknown;
  location?: unknown;
  unitName?: unknown;
  timeLimit?: unknown;
}

const str = (v: unknown) => (typeof v === 'string' ? v.trim() : v == null ? '' : null);

/** Checks a pushed order field by field (Chinese messages naming each field). */
export function checkPush(p: PushPayload): FieldError[] {
  const errs: FieldError[] = [];
  const orderNo = str(p.orderNo);
  if (orderNo === null) errs.push({ field: 'orderNo', message: '工单编号应为文本' });
  else if (!orderNo) errs.push({ field: 'orderNo', message: '工单编号不能为空' });
  else if (!/^[A-Za-z0-9_-]{4,64}$/.test(orderNo)) errs.push({ field: 'orderNo', message: `工单编号格式无效：${orderNo}（4–64位字母、数字、下划线或连字符）` });
  const receivedAt = str(p.receivedAt);
  if (!receivedAt) errs.push({ field: 'receivedAt', message: '受理时间不能为空' });
  const type = str(p.demandType);
  if (type && !(HOTLINE_TYPES as readonly string[]).includes(type))
    errs.push({ field: 'demandType', message: `诉求类型“${type}”不是可选值（${HOTLINE_TYPES.join('/')}）` });
  if (type === null) errs.push({ field: 'demandType', message: '诉求类型应为文本' });
  const content = str(p.content);
  if (!content) errs.push({ field: 'content', message: '诉求内容不能为空' });
  const unit = str(p.unitName);
  if (!unit) errs.push({ field: 'unitName', message: '承办单位不能为空' });
  if (p.timeLimit != null && p.timeLimit !== '' && !(typeof p.timeLimit === 'number' && Number.isInteger(p.timeLimit)))
    errs.push({ field: 'timeLimit', message: '办理时限应为整数（工作日）' });
  for (const f of ['title', 'callerName', 'callerPhone', 'location'] as const) if (str(p[f]) === null) errs.push({ field: f, message: `${f}应为文本` });
  return errs;
}
