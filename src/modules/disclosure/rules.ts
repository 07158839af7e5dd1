/**
 * 政府信息公开（依申请公开） — rules of a disclosure request (政府信息公开条例, 2019)
 * and the rows and columns of the annual report's tables (国办公开办函〔2021〕30号).
 */
import type { DeadlineRule } from '../../core/calendar/index.js';
import type { ExtensionCap } from '../demands/index.js';

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
