/**
 * 行政处罚 rules a lawyer checks against the statute (../shared/RULES.md,
 * "Administrative penalties"): pure functions, no I/O, no clock. Each constant
 * carries its source; values marked (unverified) are configurable and the UI says so.
 */
import { check } from '../../core/input.js';
import type { WorkCalendar } from '../../core/calendar/calendar.js';
import type { DiscretionLevel } from './schema.js';
import type { RuleBreach } from '../../core/ledger/ledger.js';
import { BASIS_LABELS, describeRange, parseDiscretionText } from './discretion.js';

/** 处罚种类 — 行政处罚法第九条 (as the penalty-cases ledger writes them), plus 不予处罚 (第三十三条). */
export const PENALTY_KINDS = [
  '警告',
  '通报批评',
  '罚款',
  '没收违法所得',
  '没收非法财物',
  '暂扣许可证件',
  '降低资质等级',
  '吊销许可证件',
  '限制开展生产经营活动',
  '责令停产停业',
  '责令关闭',
  '限制从业',
  '不予处罚',
] as const;
export type PenaltyKind = (typeof PENALTY_KINDS)[number];

/** 当事人类型 */
export const PARTY_TYPES = ['自然人', '法人', '其他组织'] as const;
export type PartyType = (typeof PARTY_TYPES)[number];

/** 案件来源 (LEDGERS.md penalty-cases). 12345 clues get `source_ref` = the hotline order number. */
export const CASE_SOURCES = ['巡查发现', '12345', '信访', '举报', '移送', '河长制', '其他'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

/** 证据种类 (行政处罚法第四十六条, the kinds the bureau files). */
export const EVIDENCE_KINDS = {
  photo: '现场照片',
  inspection: '现场检查（勘验）笔录',
  inquiry: '询问笔录',
  document: '书证',
  audio: '视听资料',
  other: '其他证据',
} as const;
export type EvidenceKind = keyof typeof EVIDENCE_KINDS;

/** 简易程序 thresholds — 行政处罚法第五十一条: warning, or a fine ≤ 200 yuan (person) / ≤ 3,000 yuan (organisation). (checked) */
export const SUMMARY_LIMIT_FEN = { 自然人: 20_000, 其他: 300_000 } as const;

/**
 * 较大数额罚款 (hearing right) — 行政处罚法第六十三条; water cases' amounts are set by
 * provincial rules: individual > 5,000 yuan, organisation > 50,000 yuan. (secondary; configurable)
 */
export const HEARING_THRESHOLD_FEN = { 自然人: 500_000, 其他: 5_000_000 } as const;

/** Penalty kinds that always give a hearing right (行政处罚法第六十三条). */
export const HEARING_KINDS: readonly string[] = ['降低资质等级', '吊销许可证件', '责令停产停业', '责令关闭', '限制从业'];

/** 加处罚款 — 3 % of the fine per day late, never more than the fine (行政处罚法第七十二条). (checked) */
export const LATE_CHARGE_RATE = 0.03;

/** At least two officers with valid certificates per case (行政处罚法第四十二条). (checked) */
export const MIN_OFFICERS = 2;

/** 执法证到期提醒: certificates expiring within 30 days are warned (issue 3). */
export const CERT_WARN_DAYS = 30;

/** 决定期限延长 — 水利部令第55号's extension rules are unverified: default +30 days with approval (configurable). */
export const DEFAULT_EXTENSION_DAYS = 30;

const isNatural = (partyType: string) => partyType === '自然人';

/** Whether the proposed penalty qualifies for 简易程序 (行政处罚法第五十一条); reasons when not. */
export function summaryProcedureProblems(p: { partyType: string; kinds: readonly string[]; fineFen: number; confiscationFen?: number }): string[] {
  const out: string[] = [];
  const other = p.kinds.filter((k) => k !== '警告' && k !== '罚款');
  if (!p.kinds.length) out.push('未选择处罚种类');
  if (other.length) out.push(`简易程序只适用于警告或罚款，不适用于${other.join('、')}（行政处罚法第五十一条）`);
  if ((p.confiscationFen ?? 0) > 0) out.push('简易程序不得没收（行政处罚法第五十一条）');
  const limit = isNatural(p.partyType) ? SUMMARY_LIMIT_FEN.自然人 : SUMMARY_LIMIT_FEN.其他;
  if (p.fineFen > limit) out.push(`${isNatural(p.partyType) ? '对公民' : '对法人或其他组织'}罚款超过${limit / 100}元，不适用简易程序（行政处罚法第五十一条）`);
  return out;
}

/** Whether the party has a right to a hearing (行政处罚法第六十三条), and why. */
export function hearingRight(p: { partyType: string; kinds: readonly string[]; fineFen: number; confiscationFen: number }): string[] {
  const out: string[] = [];
  const limit = isNatural(p.partyType) ? HEARING_THRESHOLD_FEN.自然人 : HEARING_THRESHOLD_FEN.其他;
  if (p.fineFen + p.confiscationFen > limit) out.push(`罚没金额超过${limit / 100}元（较大数额）`);
  for (const k of p.kinds) if (HEARING_KINDS.includes(k)) out.push(k);
  return out;
}

/**
 * 法制审核 triggers — 行政处罚法第五十八条: major public interest, a hearing held
 * (major rights), complex cases; plus the bureau's own rule (重大执法决定法制审核办法):
 * every case with a hearing right. Returns the reasons; review is required when non-empty.
 */
export function legalReviewReasons(c: { major: boolean; hearingHeld: boolean; hearingRight: readonly string[] }): string[] {
  const out: string[] = [];
  if (c.major) out.push('重大案件（涉及重大公共利益或情况疑难复杂）');
  if (c.hearingHeld) out.push('经过听证程序');
  if (c.hearingRight.length) out.push(`当事人享有听证权利（${c.hearingRight.join('、')}），本局规定须经法制审核`);
  return out;
}

/** 法制审核 checklist (国办发〔2018〕118号; unverified list, kept as a checklist). */
export const REVIEW_CHECKLIST = [
  { key: 'competent', label: '执法主体合法' },
  { key: 'officers', label: '执法人员具备执法资格' },
  { key: 'procedure', label: '执法程序合法' },
  { key: 'facts', label: '案件事实清楚、证据确凿充分' },
  { key: 'basis', label: '适用法律依据正确、裁量适当' },
  { key: 'powers', label: '未超越法定权限' },
  { key: 'documents', label: '执法文书完备、规范' },
  { key: 'transfer', label: '无应移送司法机关的违法犯罪情形' },
] as const;

/** Late charge (加处罚款) on a fine paid after its due date, capped at the fine (行政处罚法第七十二条). */
export function lateCharge(fineFen: number, dueOn: string, paidOn: string): { days: number; fen: number } {
  if (paidOn <= dueOn) return { days: 0, fen: 0 };
  const days = Math.round((Date.parse(`${paidOn}T00:00:00Z`) - Date.parse(`${dueOn}T00:00:00Z`)) / 86_400_000);
  return { days, fen: Math.min(fineFen, Math.round(fineFen * LATE_CHARGE_RATE * days)) };
}

/** An officer as the rules see it. */
export interface OfficerFacts {
  name: string;
  certNo: string | null;
  certValidUntil: string | null;
}

/** Whether an officer's certificate is valid on a date. */
export const certValidOn = (o: OfficerFacts, on: string) => !!o.certNo && !!o.certValidUntil && o.certValidUntil >= on;

/** Problems with a case's officers on a date: fewer than two with a valid certificate (行政处罚法第四十二条). */
export function officerProblems(officers: readonly OfficerFacts[], on: string): string[] {
  const out: string[] = [];
  for (const o of officers) if (!certValidOn(o, on)) out.push(`${o.name}没有有效的执法证件`);
  const valid = officers.filter((o) => certValidOn(o, on)).length;
  if (valid < MIN_OFFICERS) out.push(`执法人员不得少于两人且须持有效执法证件（行政处罚法第四十二条），现有${valid}人`);
  return out;
}

/** 'valid' | 'expiring' (within 30 days) | 'expired' | 'none' — the certificate's state on a date. */
export function certStatus(o: OfficerFacts, on: string): 'valid' | 'expiring' | 'expired' | 'none' {
  if (!o.certNo || !o.certValidUntil) return 'none';
  if (o.certValidUntil < on) return 'expired';
  const days = (Date.parse(`${o.certValidUntil}T00:00:00Z`) - Date.parse(`${on}T00:00:00Z`)) / 86_400_000;
  return days <= CERT_WARN_DAYS ? 'expiring' : 'valid';
}

/** What the discretion calculator is given. */
export interface DiscretionInput {
  level: string | null;
  fineFen: number;
  firstViolation: boolean;
  kinds: readonly string[];
  /** 违法所得 / 货值金额 of the case, in fen — needed for a level set as a multiple of it. */
  baseFen?: number | null;
  /** The item's 裁量基准 as written, quoted when the levels cannot give a range. */
  text?: string | null;
}

/** The calculator's answer: the level, its range in fen (null when it cannot be computed), blocking problems and notices. */
export interface DiscretionResult {
  range: DiscretionLevel | null;
  /** The money range of the level; for a multiple-based level computed from `baseFen`. `maxFen` null = no upper limit. */
  bounds: { minFen: number; maxFen: number | null } | null;
  waiverAllowed: boolean;
  /** The proposed penalty is outside the benchmark (blocking). */
  problems: string[];
  /** The benchmark could not be applied in full — the officer must check the text by hand (not blocking). */
  notices: string[];
}

const yuanText = (fen: number) => `${fen / 100}`;

/**
 * The discretion calculator: the benchmark range for a level, and problems with a proposed fine.
 * An item with only text, a level set as a multiple without the base amount, or text
 * with unreadable parts gives a notice ("该事项的裁量基准未能解析出金额区间，请对照原文：…")
 * rather than a silent pass; notices do not block, problems do.
 */
export function discretionCheck(levels: readonly DiscretionLevel[], input: DiscretionInput): DiscretionResult {
  const text = input.text?.trim() || null;
  const notices: string[] = [];
  if (!levels.length) {
    if (text) notices.push(`该事项的裁量基准未能解析出金额区间，请对照原文：${text}`);
    return { range: null, bounds: null, waiverAllowed: false, problems: [], notices };
  }
  // Unreadable parts of the text are mentioned last, after anything about the chosen level.
  const unparsed = text ? parseDiscretionText(text).unparsed : [];
  const tail = unparsed.length ? [`裁量基准中有部分内容未能解析出金额区间，请对照原文：${unparsed.join('；')}`] : [];
  const range = levels.find((l) => l.level === input.level) ?? null;
  const problems: string[] = [];
  if (!range) {
    problems.push('请选择违法情节（裁量等级）');
    return { range, bounds: null, waiverAllowed: false, problems, notices: [...notices, ...tail] };
  }
  const waiverAllowed = !!range.waiver && input.firstViolation;
  const fines = input.kinds.includes('罚款');
  if (input.kinds.includes('不予处罚') && !waiverAllowed && input.level !== 'none') problems.push(`“${range.label}”情节不适用首违不罚（行政处罚法第三十三条）`);
  let bounds: DiscretionResult['bounds'] = null;
  let where = '';
  if (range.basis) {
    const base = BASIS_LABELS[range.basis];
    const baseFen = input.baseFen;
    if (baseFen == null || !Number.isFinite(baseFen) || baseFen < 0) {
      notices.push(
        `“${range.label}”情节按${describeRange(range)}计罚，请填写${base}金额后再核对罚款金额${text ? `；该事项的裁量基准未能解析出金额区间，请对照原文：${text}` : ''}`,
      );
    } else {
      const max = range.maxMultiple ?? null;
      bounds = { minFen: Math.round(baseFen * (range.minMultiple ?? 0)), maxFen: max === null ? null : Math.round(baseFen * max) };
      where = `（${describeRange(range)}，${base}${yuanText(baseFen)}元）`;
    }
  } else bounds = { minFen: range.minFen, maxFen: range.maxFen };
  if (fines && bounds && (input.fineFen < bounds.minFen || (bounds.maxFen !== null && input.fineFen > bounds.maxFen))) {
    problems.push(
      bounds.maxFen === null
        ? `罚款${yuanText(input.fineFen)}元低于“${range.label}”情节的裁量基准${where}最低额${yuanText(bounds.minFen)}元`
        : `罚款${yuanText(input.fineFen)}元不在“${range.label}”情节的裁量基准${where}${yuanText(bounds.minFen)}至${yuanText(bounds.maxFen)}元之内`,
    );
  }
  return { range, bounds, waiverAllowed, problems, notices: [...notices, ...tail] };
}

/**
 * The six contents a decision document must carry (行政处罚法第五十九条):
 * party; facts and evidence; kind and basis; manner and term of performance;
 * remedies; agency and date. Returns the missing ones.
 */
export function decisionDocumentProblems(d: {
  partyName: string | null;
  facts: string | null;
  evidenceCount: number;
  kinds: readonly string[];
  basis: string | null;
  decidedOn: string | null;
  decisionNo: string | null;
}): string[] {
  const out: string[] = [];
  if (!d.partyName?.trim()) out.push('当事人的姓名或者名称');
  if (!d.facts?.trim() || d.evidenceCount < 1) out.push('违反法律、法规、规章的事实和证据');
  if (!d.kinds.length || !d.basis?.trim()) out.push('行政处罚的种类和依据');
  if (!d.decidedOn || !d.decisionNo) out.push('作出决定的行政机关名称和日期（文书号）');
  return out;
}

// ── What the notice covered (行政处罚法第四十四、六十二、六十三条) ──

/** A penalty as the notice (告知书) stated it or as the decision imposes it. */
export interface PenaltyTerms {
  kinds: readonly string[];
  fineFen: number;
  confiscationFen: number;
}

/**
 * What a decision may impose given the notice of proposed penalty: no kind the notice
 * did not state and no heavier fine or confiscation (行政处罚法第四十四条: the content of the
 * proposed penalty is notified; 第六十二条: without it no decision), and a kind or amount
 * that carries a hearing right (第六十三条: 较大数额罚款/没收、降低资质等级、吊销许可证件、
 * 责令停产停业、责令关闭、限制从业) only when the notice told the party of that right.
 * 不予处罚 imposes nothing and is always within the notice. Returns the refusals, each naming the kind.
 */
export function noticeCoverageProblems(p: { partyType: string; notice: PenaltyTerms; decision: PenaltyTerms }): string[] {
  const out: string[] = [];
  const kinds = p.decision.kinds.filter((k) => k !== '不予处罚');
  for (const k of kinds)
    if (!p.notice.kinds.includes(k)) out.push(`决定的处罚种类“${k}”未在行政处罚告知书中载明，须重新告知（行政处罚法第四十四条、第六十二条）`);
  if (kinds.includes('罚款') && p.decision.fineFen > p.notice.fineFen)
    out.push(`决定的罚款${p.decision.fineFen / 100}元高于告知的${p.notice.fineFen / 100}元，须重新告知（行政处罚法第四十四条、第六十二条）`);
  if (kinds.some((k) => k.startsWith('没收')) && p.decision.confiscationFen > p.notice.confiscationFen)
    out.push(
      `决定的没收金额${p.decision.confiscationFen / 100}元高于告知的${p.notice.confiscationFen / 100}元，须重新告知（行政处罚法第四十四条、第六十二条）`,
    );
  const informed = hearingRight({ partyType: p.partyType, ...p.notice }).length > 0;
  if (!informed)
    for (const r of hearingRight({ partyType: p.partyType, kinds, fineFen: p.decision.fineFen, confiscationFen: p.decision.confiscationFen }))
      out.push(`“${r}”属于应当告知听证权利的处罚，告知书未告知听证权利，须重新告知（行政处罚法第六十三条）`);
  return out;
}

// ── The head's decision (行政处罚法第五十七条) ──

/** In which capacity the decision was approved: the agency's head, or a deputy head the head delegated. */
export const APPROVER_CAPACITIES = { head: '行政机关负责人', deputy: '受委托的副职负责人' } as const;
export type ApproverCapacity = keyof typeof APPROVER_CAPACITIES;

/**
 * Who may record the head's decision (行政处罚法第五十七条: 调查终结，行政机关负责人应当对调查结果
 * 进行审查，…作出决定): a named approver; a deputy only with the delegation recorded
 * (委托书、授权文件). Summary-procedure decisions (第五十一、五十二条, 当场作出) are not subject
 * to it. Returns the refusals with the field at fault.
 */
export function approvalProblems(a: { approver: string; capacity: string; delegation: string }): Array<{ field: string; message: string }> {
  const out: Array<{ field: string; message: string }> = [];
  if (!a.approver.trim()) out.push({ field: 'approver', message: '请填写审批决定的负责人姓名（行政处罚法第五十七条）' });
  if (!Object.hasOwn(APPROVER_CAPACITIES, a.capacity))
    out.push({ field: 'capacity', message: `审批身份应为：${Object.values(APPROVER_CAPACITIES).join('、')}` });
  else if (a.capacity === 'deputy' && !a.delegation.trim())
    out.push({ field: 'delegation', message: '副职负责人审批须载明负责人的委托（委托书或授权文件），否则应由行政机关负责人决定（行政处罚法第五十七条）' });
  return out;
}

// ── The legal reviewer (行政处罚法第五十八条第二款) ──

/** A reviewer as the rule sees them: the 法律职业资格 (certificate number and date obtained) and their earlier reviews. */
export interface ReviewerFacts {
  name: string;
  qualification: { no: string; on: string } | null;
  /** 法制审核 recorded by this person before (on any case, dated on or before the review). */
  earlierReviews: number;
  /** The review's date. */
  on: string;
}

/**
 * 行政处罚法第五十八条第二款: 行政机关中初次从事行政处罚决定法制审核的人员，应当通过国家统一法律职业资格考试
 * 取得法律职业资格. "First-time" here: no 法制审核 recorded by that person before (on any case,
 * dated on or before this one). A first-time reviewer must hold the qualification on the
 * review's date; a reviewer with earlier recorded reviews is not first-time.
 */
export function reviewerProblems(r: ReviewerFacts): string[] {
  if (r.earlierReviews > 0) return [];
  if (!r.qualification) return [`${r.name}此前未从事过法制审核（初次从事），且未登记法律职业资格，不得进行法制审核（行政处罚法第五十八条第二款）`];
  if (r.qualification.on > r.on)
    return [`${r.name}初次从事法制审核，其法律职业资格取得日期（${r.qualification.on}）晚于审核日期（${r.on}）（行政处罚法第五十八条第二款）`];
  return [];
}

/** Checks a required ISO date input, naming the field (the kernel's one date check). */
export function assertDate(field: string, label: string, v: unknown): string {
  return check.date(field, label, v, { required: true }) as string;
}

/** Earliest date a hearing may be held after its notice: 7 working days later (行政处罚法第六十四条). */
export function earliestHearingDate(noticeOn: string, cal: WorkCalendar): string {
  return cal.addWorkdays(noticeOn, 7);
}

// ── Rules a penalty case record can break (live: refused; import: findings) ──

/** The sources the case rules cite (RuleBreach.statute). */
export const STATUTES = {
  officers: '《中华人民共和国行政处罚法》第四十二条',
  delegation: '《中华人民共和国行政处罚法》第二十四条（街道只能行使下放的行政处罚权）',
  legalReview: '《中华人民共和国行政处罚法》第五十八条',
  discussion: '《中华人民共和国行政处罚法》第五十七条',
  decisionTerm: '《中华人民共和国行政处罚法》第六十条',
  publication: '国办发〔2018〕118号（行政处罚决定自作出之日起7个工作日内公示）',
} as const;

/** What the filing rules read: the officers as of the filing date, the handling unit and the item. */
export interface FilingFacts {
  filedOn: string;
  officers: readonly OfficerFacts[];
  orgKind: string;
  item: { name: string; delegated: boolean } | null;
}

/**
 * 立案 rules: at least two officers with a certificate valid on the filing date
 * (`enforcement.officers_certified`, 行政处罚法第四十二条), and a street acts only on an
 * item delegated to the streets (`enforcement.item_delegated`, 第二十四条).
 */
export function filingBreaches(f: FilingFacts): RuleBreach[] {
  const out: RuleBreach[] = [];
  const problems = officerProblems(f.officers, f.filedOn);
  if (problems.length)
    out.push({ rule: 'enforcement.officers_certified', statute: STATUTES.officers, message: problems.join('；'), field: 'officerIds', column: '承办人' });
  if (f.item && f.orgKind === 'street' && !f.item.delegated)
    out.push({
      rule: 'enforcement.item_delegated',
      statute: STATUTES.delegation,
      message: `事项“${f.item.name}”未下放街道，街道不能立案查处`,
      field: 'itemId',
      column: '违法事项编码',
    });
  return out;
}

/** What the decision rules read (dates as ISO strings). */
export interface DecisionFacts {
  partyType: string;
  major: boolean;
  kinds: readonly string[];
  fineFen: number;
  confiscationFen: number;
  filedOn: string;
  /** The 90-day term with any approved extension (deadlines.ts `decisionDeadline`). */
  decisionDueOn: string;
  /** Whether an extension was approved (it is in `decisionDueOn`). */
  extended?: boolean;
  decidedOn: string | null;
  reviewOn: string | null;
  discussionOn: string | null;
  /** The publication term (7 working days from the decision, publicity module). */
  publicationDueOn: string | null;
  publishedOn: string | null;
}

/**
 * Decision rules of a past case: 法制审核 required and missing (`enforcement.legal_review_required`)
 * or dated after the decision (`enforcement.review_before_decision`), 第五十八条; a major case
 * without 集体讨论 before the decision (`enforcement.discussion_if_major`), 第五十七条; a decision
 * after the 90-day term without a recorded extension (`enforcement.decision_in_time`), 第六十条;
 * publication after its term (`enforcement.publication_in_time`), 国办发〔2018〕118号.
 * The workflow refuses each of these before it can happen.
 */
export function decisionBreaches(d: DecisionFacts): RuleBreach[] {
  const out: RuleBreach[] = [];
  if (!d.decidedOn) return out;
  const reasons = legalReviewReasons({ major: d.major, hearingHeld: false, hearingRight: hearingRight(d) });
  if (reasons.length && !d.reviewOn)
    out.push({
      rule: 'enforcement.legal_review_required',
      statute: STATUTES.legalReview,
      message: `须经法制审核（${reasons.join('；')}），但未记录法制审核即于${d.decidedOn}作出决定`,
      field: 'reviewOn',
      column: '法制审核日期',
    });
  if (d.reviewOn && d.reviewOn > d.decidedOn)
    out.push({
      rule: 'enforcement.review_before_decision',
      statute: STATUTES.legalReview,
      message: `法制审核日期${d.reviewOn}晚于决定日期${d.decidedOn}，决定作出前未经法制审核`,
      field: 'reviewOn',
      column: '法制审核日期',
    });
  if (d.major && (!d.discussionOn || d.discussionOn > d.decidedOn))
    out.push({
      rule: 'enforcement.discussion_if_major',
      statute: STATUTES.discussion,
      message: d.discussionOn ? `重大案件集体讨论日期${d.discussionOn}晚于决定日期${d.decidedOn}` : '重大案件未经负责人集体讨论即作出决定',
      field: 'discussionOn',
      column: '集体讨论日期',
    });
  if (d.decidedOn > d.decisionDueOn)
    out.push({
      rule: 'enforcement.decision_in_time',
      statute: STATUTES.decisionTerm,
      message: d.extended
        ? `决定日期${d.decidedOn}晚于立案后90日（含批准延长）的期限${d.decisionDueOn}`
        : `决定日期${d.decidedOn}晚于立案后90日的期限${d.decisionDueOn}，且无批准延长的记录`,
      field: 'decidedOn',
      column: '决定日期',
    });
  if (d.publishedOn && d.publicationDueOn && d.publishedOn > d.publicationDueOn)
    out.push({
      rule: 'enforcement.publication_in_time',
      statute: STATUTES.publication,
      message: `公示日期${d.publishedOn}晚于公示期限${d.publicationDueOn}（决定之日起7个工作日）`,
      field: 'publishedOn',
      column: '公示日期',
    });
  return out;
}
