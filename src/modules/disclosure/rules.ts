/**
 * 政府信息公开（依申请公开） — rules of a disclosure request (政府信息公开条例, 2019)
 * and the rows and columns of the annual report's tables (国办公开办函〔2021〕30号).
 */
import { computeDeadline, isIsoDate, type DeadlineRule, type WorkCalendar } from '../../core/calendar/index.js';
import type { RuleBreach } from '../../core/ledger/ledger.js';
import type { ClockCheck, ClockPause, ClockRules, ExtensionCap } from '../demands/index.js';

/** 申请人类型 — the columns of the requests table. */
export const APPLICANT_TYPES = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'] as const;
export type ApplicantType = (typeof APPLICANT_TYPES)[number];

/** 申请方式 (LEDGERS.md disclosure-requests); 网络 is “online”, the rest “offline”. */
export const CHANNELS = ['当面', '邮寄', '网络', '传真', '其他'] as const;

/** 处理结果 — exactly the outcome rows of the template, grouped. */
export const OUTCOME_GROUPS = [
  { group: '（一）予以公开', items: ['予以公开'] },
  { group: '（二）部分公开', items: ['部分公开'] },
  {
    group: '（三）不予公开',
    items: [
      '不予公开-属于国家秘密',
      '不予公开-其他法律行政法规禁止公开',
      '不予公开-危及“三安全一稳定”',
      '不予公开-保护第三方合法权益',
      '不予公开-属于三类内部事务信息',
      '不予公开-属于四类过程性信息',
      '不予公开-属于行政执法案卷',
      '不予公开-属于行政查询事项',
    ],
  },
  { group: '（四）无法提供', items: ['无法提供-本机关不掌握相关政府信息', '无法提供-没有现成信息需要另行制作', '无法提供-补正后申请内容仍不明确'] },
  {
    group: '（五）不予处理',
    items: [
      '不予处理-信访举报投诉类申请',
      '不予处理-重复申请',
      '不予处理-要求提供公开出版物',
      '不予处理-无正当理由大量反复申请',
      '不予处理-要求行政机关确认或重新出具已获取信息',
    ],
  },
  {
    group: '（六）其他处理',
    items: [
      '其他处理-申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '其他处理-申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
      '其他处理-其他',
    ],
  },
] as const;
export const OUTCOMES: readonly string[] = OUTCOME_GROUPS.flatMap((g) => g.items);

/** 答复 — within 20 working days of receipt. */
export const REPLY_RULE: DeadlineRule = {
  key: 'disclosure.reply',
  label: '依申请公开答复期限',
  unit: 'workday',
  n: 20,
  source: '政府信息公开条例第三十三条：收到申请之日起20个工作日内答复',
};
/** 延长 — by at most 20 working days, with approval and notice. */
export const EXTENSION_CAP: ExtensionCap = {
  n: 20,
  unit: 'workday',
  source: '政府信息公开条例第三十三条：经负责人同意并告知申请人，延长期限最长不得超过20个工作日',
};
/** 补正告知 — one correction notice within 7 working days of receipt; the clock restarts on correction. */
export const CORRECTION_NOTICE_RULE: DeadlineRule = {
  key: 'disclosure.correction',
  label: '补正告知期限',
  unit: 'workday',
  n: 7,
  source: '政府信息公开条例第三十条：收到申请之日起7个工作日内一次性告知补正，答复期限自收到补正的申请之日起计算',
};
/** 征求第三方意见 — the third party answers within 15 working days; the time is not counted. */
export const THIRD_PARTY_RULE: DeadlineRule = {
  key: 'disclosure.third_party',
  label: '第三方意见期限',
  unit: 'workday',
  n: 15,
  source: '政府信息公开条例第三十二条、第三十三条：第三方自收到征求意见书之日起15个工作日内提出意见；征求意见所需时间不计算在答复期限内',
};

export const PAUSE_THIRD_PARTY = '征求第三方意见';
export const PAUSE_OTHER_AGENCY = '征求其他机关意见';
export const RESTART_CORRECTION = '补正申请材料';

/** 延长 must be decided within the reply term: one approved after it ran out does not extend it. */
export const EXTENSION_IN_TERM_SOURCE =
  '政府信息公开条例第三十三条第二款：不能在20个工作日内作出答复的，经负责人同意并告知申请人，可以延长答复期限（在答复期限届满前批准）';

/**
 * The reply clock's rules (applied by the shared clock on the form, the import, the record page and
 * the metrics): an extension counts only when approved by the due date it extends (art. 33); a
 * third-party consultation takes at most 15 working days out of the term (arts. 32–33).
 */
export const CLOCK_RULES: ClockRules = {
  extensionInTerm: EXTENSION_IN_TERM_SOURCE,
  pauseCaps: [{ reason: PAUSE_THIRD_PARTY, n: THIRD_PARTY_RULE.n, unit: 'workday', source: THIRD_PARTY_RULE.source }],
};

/** The last day a correction notice is timely: the 7th working day after receipt (art. 30). */
export function correctionNoticeDue(receivedOn: string, cal: WorkCalendar): string {
  return computeDeadline({ rule: CORRECTION_NOTICE_RULE, start: receivedOn }, cal).due;
}

const CORRECTION_STATUTE = '政府信息公开条例第三十条';

/**
 * What is wrong with a correction notice (补正告知), if anything: a second one (一次性告知: it does
 * not restart the term) or one after the 7th working day (the term runs from receipt). Pure.
 */
export function correctionNoticeBreach(x: { receivedOn: string; noticeOn: string; earlier: boolean }, cal: WorkCalendar): RuleBreach | null {
  if (x.earlier)
    return {
      rule: 'disclosure.correction_once',
      statute: CORRECTION_STATUTE,
      message: `已告知过补正，${x.noticeOn}再次告知补正：补正应一次性告知，再次告知不重新起算答复期限（答复期限自收到申请之日起计算）`,
      field: 'reason',
      column: '补正告知日期',
    };
  const due = correctionNoticeDue(x.receivedOn, cal);
  if (x.noticeOn > due)
    return {
      rule: 'disclosure.correction_in_time',
      statute: CORRECTION_STATUTE,
      message: `补正告知日期${x.noticeOn}晚于收到申请后7个工作日（${due}）：逾期告知补正不重新起算答复期限，答复期限自收到申请之日（${x.receivedOn}）起计算`,
      field: 'at',
      column: '补正告知日期',
    };
  return null;
}

/** How a request's correction notices act on its reply clock. */
export interface CorrectionEffect {
  /** 重新起算日: the day the corrected application arrived, after a timely first notice. */
  restartOn: string | null;
  /** The time the timely notice held the clock (from the notice to the correction, or to the reply). */
  pauses: ClockPause[];
  /** Still waiting for the correction (an open request): the clock stands still since the notice. */
  pausedSince: string | null;
  breaches: RuleBreach[];
}

/**
 * 补正 (art. 30) as a ledger records it: the notices given (dates) and the day the corrected
 * application arrived. Only the first notice, given within 7 working days of receipt, restarts the
 * 20 working days from the correction (and holds the clock while it is awaited); a late notice or a
 * second one is a breach and does not act on the clock, which then runs from receipt. Pure.
 */
export function correctionEffect(
  x: { receivedOn: string; notices: readonly string[]; correctedOn: string | null; repliedOn: string | null },
  cal: WorkCalendar,
): CorrectionEffect {
  const notices = [...x.notices].sort();
  const breaches = notices.flatMap((noticeOn, i) => correctionNoticeBreach({ receivedOn: x.receivedOn, noticeOn, earlier: i > 0 }, cal) ?? []);
  const first = notices[0];
  const none: CorrectionEffect = { restartOn: null, pauses: [], pausedSince: null, breaches };
  if (!first || first > correctionNoticeDue(x.receivedOn, cal)) return none;
  if (x.correctedOn) return { ...none, restartOn: x.correctedOn, pauses: [{ from: first, to: x.correctedOn, reason: RESTART_CORRECTION }] };
  if (x.repliedOn) return { ...none, pauses: [{ from: first, to: x.repliedOn, reason: RESTART_CORRECTION }] };
  return { ...none, pausedSince: first };
}

/** Dates in one ledger cell (`2022-03-01、2022-03-09`); null when one is not a date. */
export function parseDates(cell: string | null): string[] | null {
  if (!cell?.trim()) return [];
  const parts = cell.split(/[、,，;；\s]+/).filter(Boolean);
  return parts.every((p) => isIsoDate(p)) ? parts : null;
}

/**
 * The disclosure rules on a change of the reply clock (the form and the API): a correction
 * notice (a pause for 补正申请材料) is refused when it is a second one or comes after the 7th
 * working day (art. 30). Imports apply {@link correctionEffect} instead (findings, not refusals).
 */
export function clockBreaches(x: ClockCheck, cal: WorkCalendar): RuleBreach[] {
  if (x.change !== 'pause' || x.clock.pauseReason !== RESTART_CORRECTION || !x.clock.pausedSince) return [];
  const earlier = !!x.clock.restartOn || x.clock.pauses.some((p) => p.reason === RESTART_CORRECTION);
  const b = correctionNoticeBreach({ receivedOn: x.receivedOn, noticeOn: x.clock.pausedSince, earlier }, cal);
  return b ? [b] : [];
}

/** 行政复议 / 行政诉讼 against a reply (the review and litigation table). */
export const REMEDY_KINDS = ['行政复议', '未经复议直接起诉', '复议后起诉'] as const;
export const REMEDY_RESULTS = ['结果维持', '结果纠正', '其他结果', '尚未审结'] as const;
export interface Remedy {
  kind: (typeof REMEDY_KINDS)[number];
  result: (typeof REMEDY_RESULTS)[number];
  filedOn: string;
}

/** One request as the annual report sees it. */
export interface ReportRequest {
  refNo: string;
  applicantType: string;
  receivedOn: string;
  repliedOn: string | null;
  outcome: string | null;
}

/** The requests table (三、收到和处理政府信息公开申请情况): counts by row × applicant column, plus 总计. */
export interface RequestsTable {
  columns: readonly string[];
  rows: Array<{ label: string; level: 0 | 1 | 2; key: string; counts: number[] }>;
  check: { ok: boolean; problems: string[] };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Builds the requests table for a year from the records: 新收 = received in the
 * year; 上年结转 = received earlier and not replied before the year; outcomes =
 * replied in the year, by outcome; 结转下年度 = received by the year's end and
 * not replied by then. Verifies 新收 + 上年结转 = 办理结果总计 + 结转下年度 for every
 * column, and names each column where it fails (and why, when a record says so).
 */
export function requestsTable(all: readonly ReportRequest[], year: number): RequestsTable {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const cols = APPLICANT_TYPES;
  const colOf = (r: ReportRequest) =>
    (cols as readonly string[]).includes(r.applicantType) ? (cols as readonly string[]).indexOf(r.applicantType) : cols.length - 1;
  const count = (pred: (r: ReportRequest) => boolean) => {
    const c = cols.map(() => 0);
    for (const r of all) if (pred(r)) c[colOf(r)]!++;
    return [...c, sum(c)];
  };
  const repliedIn = (r: ReportRequest) => !!r.repliedOn && r.repliedOn >= from && r.repliedOn <= to;
  const rows: RequestsTable['rows'] = [];
  const fresh = count((r) => r.receivedOn >= from && r.receivedOn <= to);
  const carried = count((r) => r.receivedOn < from && (!r.repliedOn || r.repliedOn >= from));
  rows.push({ label: '一、本年新收政府信息公开申请数量', level: 0, key: 'new', counts: fresh });
  rows.push({ label: '二、上年结转政府信息公开申请数量', level: 0, key: 'carried', counts: carried });
  rows.push({ label: '三、本年度办理结果', level: 0, key: 'results', counts: [] });
  const outcomeRows: number[][] = [];
  for (const g of OUTCOME_GROUPS) {
    if (g.items.length === 1) {
      const c = count((r) => repliedIn(r) && r.outcome === g.items[0]);
      outcomeRows.push(c);
      rows.push({ label: g.group, level: 1, key: g.items[0]!, counts: c });
      continue;
    }
    const gc = count((r) => repliedIn(r) && (g.items as readonly string[]).includes(r.outcome ?? ''));
    rows.push({ label: g.group, level: 1, key: g.group, counts: gc });
    g.items.forEach((item, i) => {
      const c = count((r) => repliedIn(r) && r.outcome === item);
      outcomeRows.push(c);
      rows.push({ label: `${i + 1}.${item.split('-').slice(1).join('-')}`, level: 2, key: item, counts: c });
    });
  }
  const total = fresh.map((_, i) => sum(outcomeRows.map((c) => c[i]!)));
  rows.push({ label: '（七）总计', level: 1, key: 'total', counts: total });
  const next = count((r) => r.receivedOn <= to && (!r.repliedOn || r.repliedOn > to));
  rows.push({ label: '四、结转下年度继续办理', level: 0, key: 'next', counts: next });

  const problems: string[] = [];
  [...cols, '总计'].forEach((c, i) => {
    const left = fresh[i]! + carried[i]!;
    const right = total[i]! + next[i]!;
    if (left !== right)
      problems.push(`“${c}”列：本年新收${fresh[i]} + 上年结转${carried[i]} = ${left}，而办理结果总计${total[i]} + 结转下年度${next[i]} = ${right}`);
  });
  for (const r of all) {
    if (repliedIn(r) && !(OUTCOMES as readonly string[]).includes(r.outcome ?? ''))
      problems.push(`申请${r.refNo}已于${r.repliedOn}答复，但处理结果“${r.outcome ?? '空'}”不是模板中的结果`);
    if (r.repliedOn && r.repliedOn < r.receivedOn) problems.push(`申请${r.refNo}的答复日期${r.repliedOn}早于收到日期${r.receivedOn}`);
  }
  return { columns: [...cols, '总计'], rows, check: { ok: problems.length === 0, problems } };
}

/** The review and litigation table (四、政府信息公开行政复议、行政诉讼情况): kinds × results, filed in the year. */
export function remediesTable(remedies: readonly Remedy[], year: number) {
  const inYear = remedies.filter((r) => r.filedOn.startsWith(`${year}-`));
  return REMEDY_KINDS.map((kind) => {
    const mine = inYear.filter((r) => r.kind === kind);
    const counts = REMEDY_RESULTS.map((res) => mine.filter((r) => r.result === res).length);
    return { kind, counts: [...counts, mine.length] };
  });
}
