/**
 * 文书 — the numbered decision document (DOCX in the kernel's GB/T 9704 layout) carrying the
 * six contents of 行政处罚法第五十九条, and the case file archive (ZIP via `jszip`,
 * which exceljs and docx already bring): 卷内目录, the decision, the full-process
 * record (every audit event of the case), the evidence list and the attachments.
 */
import { importTrace } from '../../core/ledger/ledger.js';
import JSZip from 'jszip';
import { chineseDate, officialDocx } from '../../core/documents/official.js';
import type { System } from '../../core/system.js';
import type { Ctx } from '../../core/context.js';
import { history } from '../../core/audit/audit.js';
import { fenToYuan } from '../../core/metrics/registry.js';
import { computeDeadline } from '../../core/calendar/deadline.js';
import { errors } from '../../core/errors.js';
import { publicIdNo } from '../publicity/index.js';
import { EVENT_VERBS, loadCase, penaltyContent } from './commands/caseCommands.js';
import { RULES } from './deadlines.js';
import { openId } from './pii.js';
import { EVENTS, STAGES, type Stage } from './workflow.js';
import { EVIDENCE_KINDS } from './rules.js';
import { caseAttachments, type CaseWithOrg } from './repository.js';
import { paymentPlace } from './commands/paymentPlace.js';
import { limitationOf } from './limitation.js';
import type { EvidenceRow } from './presenters.js';

/** What a decision document prints besides the case: its evidence, the payment term, the item's provisions, the payment place. */
export interface DecisionExtras {
  evidence: readonly EvidenceRow[];
  /** The last day of the 15-day payment term (after service), or null before service. */
  paymentDue: string | null;
  /** The catalogue item: its 法律依据 is the provision violated, its 处罚依据 the fallback penalty provision. */
  item?: { legal_basis: string; penalty_basis: string | null } | null;
  /** The bureau's payment place (bank, account name, account number), null until configured. */
  payment?: { bank: string; accountName: string; accountNo: string } | null;
}

/** Marks what the record lacks, so the drafter sees it in the document (highlighted). */
export const MISSING = (what: string) => `（待补充：${what}）`;

/**
 * The entered facts as one sentence after 经查: an opening 经查/经查明/经查实 (with its comma or colon)
 * and the closing full stop are the document's own, so they are not doubled.
 */
export function factsSentence(facts: string | null): string {
  const body = (facts ?? '')
    .trim()
    .replace(/^经(?:调)?查(?:明|实)?\s*[，,：:、]?\s*/, '')
    .replace(/[。.；;，,\s]+$/, '');
  return `经查，${body || MISSING('违法事实')}。`;
}

/** A provision as written after 依据/违反: without its own 依据 and 的规定 (the sentence adds them). */
const provision = (p: string | null | undefined) =>
  (p ?? '')
    .trim()
    .replace(/^(?:依据|根据|违反了?)/, '')
    .replace(/(?:之|的)?规定[。，,]?$/, '')
    .replace(/[。，,；;]+$/, '');

/**
 * The six contents of 行政处罚法第五十九条, as the sections of the document (pure; documents.test.ts):
 * the party with its 住所/地址; the facts, the evidence and the provision violated (违反的法律条款:
 * the item's 法律依据); the penalty and its provision (处罚依据: the decision's, else the item's);
 * how and by when to pay, and where (the bureau's bank account); remedies; the agency and the date,
 * dates written 2026年11月30日. What the record lacks is marked 待补充.
 */
export function decisionSections(c: CaseWithOrg, x: DecisionExtras) {
  const money = Number(c.fine_fen) + Number(c.confiscation_fen);
  const idNo = c.party_id_no ? `，证件号码：${publicIdNo(openId(c.party_id_no), c.party_type)}` : '';
  const violated = provision(x.item?.legal_basis);
  const basis = provision(c.decision_basis) || provision(x.item?.penalty_basis);
  const evidence = x.evidence.map((e, i) => `${i + 1}.${e.title}（${EVIDENCE_KINDS[e.kind as keyof typeof EVIDENCE_KINDS] ?? e.kind}）`).join('；') || '（无）';
  const place = x.payment
    ? `到${x.payment.bank}（户名：${x.payment.accountName}；账号：${x.payment.accountNo}）`
    : `到指定银行${MISSING('缴款银行、户名和账号，由系统管理员在“罚没款缴纳地点”中设置')}`;
  return {
    party: `当事人：${c.party_name}（${c.party_type}）${idNo}，住所（地址）：${c.party_address?.trim() || MISSING('当事人住所或地址')}`,
    facts: `${factsSentence(c.decision_facts)}以上事实有下列证据证明：${evidence}。`,
    violation: `当事人的上述行为违反了${violated || MISSING('违反的法律条款')}的规定。`,
    penalty: `依据${basis || MISSING('处罚依据')}的规定，本机关决定给予当事人如下行政处罚：${penaltyContent(c)}。`,
    performance:
      money > 0
        ? `当事人应自收到本决定书之日起十五日内${x.paymentDue ? `（即${chineseDate(x.paymentDue)}前）` : ''}，持本决定书${place}缴纳罚没款${fenToYuan(money).toFixed(2)}元。逾期不缴纳的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额（《中华人民共和国行政处罚法》第六十七条、第七十二条）。`
        : '本决定自送达之日起生效，当事人应自觉履行。',
    remedies:
      '当事人如不服本决定，可以自收到本决定书之日起六十日内向广州市天河区人民政府申请行政复议，或者自收到本决定书之日起六个月内直接向人民法院提起行政诉讼。行政复议和行政诉讼期间，本决定不停止执行（法律另有规定的除外）。',
    authority: `${agencyOf(c)}　${c.decided_on ? chineseDate(c.decided_on) : ''}`,
  };
}

const agencyOf = (c: Pick<CaseWithOrg, 'org_kind' | 'org_name'>) => (c.org_kind === 'street' ? `广州市天河区${c.org_name}办事处` : '广州市天河区水务局');

/** A paragraph, highlighted when it holds something to complete (待补充). */
const para = (text: string) => ({ kind: 'para' as const, text, ...(text.includes('（待补充：') ? { highlight: true } : {}) });

/** 行政处罚决定书 (DOCX). 404 outside scope; 422 before a decision. */
export async function decisionDocx(sys: System, ctx: Ctx, id: string): Promise<{ data: Buffer; filename: string }> {
  const { c, evidence, item } = await loadCase(sys, ctx, id);
  if (!c.decided_on || !c.decision_no) throw errors.gate('NOT_DECIDED', '案件尚未作出处罚决定，无法生成决定书');
  const due =
    c.served_on && Number(c.fine_fen) + Number(c.confiscation_fen) > 0
      ? computeDeadline({ rule: RULES.payment, start: c.served_on }, sys.calendar.current).due
      : null;
  const payment = await paymentPlace(ctx);
  const s = decisionSections(c, { evidence, paymentDue: due, item: item ?? null, payment });
  const data = await officialDocx({
    title: agencyOf(c),
    blocks: [
      { kind: 'center', text: '行政处罚决定书', title: true },
      { kind: 'center', text: c.decision_no },
      { kind: 'plain', text: s.party },
      { kind: 'plain', text: `案由：${c.cause}` },
      para(s.facts),
      para(`${s.violation}${s.penalty}`),
      para(s.performance),
      para(s.remedies),
      { kind: 'plain', text: '' },
      { kind: 'right', text: s.authority },
      { kind: 'right', text: '（印章）' },
    ],
  });
  return { data, filename: `行政处罚决定书-${c.decision_no}.docx` };
}

const csvCell = (v: unknown) => `"${String(v ?? '').replace(/"/g, '""')}"`;

/** 案卷 — the whole case file as one ZIP: index, decision, full-process record, evidence list, attachments. */
export async function caseArchive(sys: System, ctx: Ctx, id: string): Promise<{ data: Buffer; filename: string }> {
  const { c, evidence } = await loadCase(sys, ctx, id);
  const zip = new JSZip();
  const files: string[] = [];
  const add = (name: string, data: string | Buffer) => {
    zip.file(name, data);
    files.push(name);
  };
  const summary = [
    `案件编号：${c.case_no}`,
    `办案单位：${c.org_name}`,
    `案由：${c.cause}`,
    `当事人：${c.party_name}（${c.party_type}）`,
    `当事人住所（地址）：${c.party_address ?? '—'}`,
    `违法行为发生日期：${c.violation_on ?? '—'}${c.violation_ended_on ? `，终了日期：${c.violation_ended_on}` : ''}`,
    `追责时效：${limitationOf({ violationOn: c.violation_on, violationEndedOn: c.violation_ended_on, serious: c.limitation_serious })?.lastDay ?? '—'}${c.limitation_override ? `（超过时效立案的法律依据：${c.limitation_override}）` : ''}`,
    `立案日期：${c.filed_on}`,
    `程序：${c.procedure === 'summary' ? '简易程序' : '一般程序'}`,
    `当前阶段：${STAGES[c.stage as Stage] ?? c.stage}`,
    `承办人：${c.officer_names.join('、')}`,
    `告知日期：${c.notified_on ?? '—'}`,
    `听证：${c.hearing_held_on ?? '—'}`,
    `法制审核：${c.review_on ? `${c.review_on} ${c.review_result}` : '—'}`,
    `集体讨论：${c.discussion_on ?? '—'}`,
    `决定：${c.decision_no ?? '—'} ${c.decided_on ?? ''} ${c.decided_on ? penaltyContent(c) : ''}`,
    `送达：${c.served_on ?? '—'}`,
    `执行完毕：${c.executed_on ?? '—'}`,
    `公示：${c.published_on ?? '—'}`,
    `结案：${c.closed_on ?? '—'}`,
    `归档：${c.archived_on ?? '—'}`,
  ].join('\r\n');
  add('01-案件基本情况.txt', `\uFEFF${summary}\r\n`);
  if (c.decided_on && c.decision_no) add(`02-行政处罚决定书-${c.decision_no.replace(/[\\/:*?"<>|]/g, '_')}.docx`, (await decisionDocx(sys, ctx, id)).data);
  // A case taken in by a ledger import carries its provenance (file, row) instead of an audit event of its own.
  const [own, imported] = await Promise.all([
    history(ctx.db, ctx.actor.tenantId, 'enforcement.case', c.id),
    importTrace(ctx.db, ctx.actor.tenantId, 'enforcement.case', c.id),
  ]);
  const events = [...imported, ...own].sort((a, b) => a.at.getTime() - b.at.getTime() || a.seq - b.seq);
  const labels = new Map<string, string>([
    ['filed', '立案'],
    ['imported', '台账导入'],
    ['import_updated', '台账导入更新'],
    ['publication_recorded', '登记公示'],
    ['published', '已公示'],
    ['publication_withdrawn', '撤回公示'],
    ['attachment_added', '上传附件'],
    ['evidence_captured', '现场取证'],
  ]);
  for (const [ev, verb] of Object.entries(EVENT_VERBS)) if (!labels.has(verb)) labels.set(verb, EVENTS[ev as keyof typeof EVENTS]);
  const verbLabel = (action: string) => labels.get(action) ?? action;
  add(
    '03-执法全过程记录.csv',
    '\uFEFF' +
      ['序号,时间,操作人,操作,说明,审计哈希']
        .concat(
          events.map((e) => [e.seq, e.at.toISOString(), e.actorName, verbLabel(e.action), JSON.stringify(e.changes.note ?? {}), e.hash].map(csvCell).join(',')),
        )
        .join('\r\n'),
  );
  add(
    '04-证据清单.csv',
    '\uFEFF' +
      ['序号,证据种类,证据名称,取证日期,说明,附件']
        .concat(
          evidence.map((e, i) =>
            [i + 1, EVIDENCE_KINDS[e.kind as keyof typeof EVIDENCE_KINDS] ?? e.kind, e.title, e.collected_on, e.note, e.attachment_id ?? '']
              .map(csvCell)
              .join(','),
          ),
        )
        .join('\r\n'),
  );
  const atts = await caseAttachments(ctx.db, ctx.actor.tenantId, c.id);
  for (const [i, a] of atts.entries()) {
    const data = await sys.files.get(a.sha256);
    if (data) add(`05-附件/${String(i + 1).padStart(2, '0')}-${a.filename.replace(/[\\/:*?"<>|]/g, '_')}`, data);
  }
  const index = [
    '卷内目录',
    `案件编号：${c.case_no}`,
    '',
    ...files.map((f, i) => `${i + 1}. ${f}`),
    `${files.length + 1}. 00-卷内目录.txt`,
    '',
    '说明：文书为DOCX格式（本系统未安装PDF转换组件）；执法全过程记录取自哈希链审计日志，可用“校验审计链”核对。',
  ].join('\r\n');
  zip.file('00-卷内目录.txt', `\uFEFF${index}\r\n`);
  const data = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return { data, filename: `案卷-${c.case_no}.zip` };
}
