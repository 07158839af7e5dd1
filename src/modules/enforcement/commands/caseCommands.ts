/**
 * Penalty case commands: 立案 (fileCase) and every workflow event (applyCaseEvent).
 * Each write runs through `write(ctx, …)` with an audit event `enforcement.case.<verb>`;
 * the workflow matrix decides whether the actor may do it now.
 */
import type { Ctx } from '../../../core/context.js';
import type { System } from '../../../core/system.js';
import { write, type WriteScope } from '../../../core/audit/audit.js';
import { errors } from '../../../core/errors.js';
import { isoDateInShanghai } from '../../../core/calendar/calendar.js';
import { fenToYuan } from '../../../core/metrics/registry.js';
import { idCardProblem, usccProblem } from '../../../core/ledger/validators.js';
import { recordDecision, publishDecision, withdrawDecision } from '../../publicity/index.js';
import { enf, getCase, getItem, listEvidence, nextSerial, officersByIds, type CaseWithOrg } from '../repository.js';
import { caseFacts } from '../facts.js';
import { maskedId, openId, sealId } from '../pii.js';
import { actionsFor, EVENTS, rolesOnCase, transitionFor, type CaseEvent, type Effect, type Stage } from '../workflow.js';
import { caseDeadlines, RULES } from '../deadlines.js';
import { deadlineFacts, presentCase } from '../presenters.js';
import {
  assertDate, CASE_SOURCES, DEFAULT_EXTENSION_DAYS, discretionCheck, earliestHearingDate, EVIDENCE_KINDS, lateCharge, officerProblems, PARTY_TYPES, PENALTY_KINDS,
  REVIEW_CHECKLIST, summaryProcedureProblems,
} from '../rules.js';
import type { DiscretionLevel } from '../schema.js';
import { computeDeadline } from '../../../core/calendar/deadline.js';

export const today = () => isoDateInShanghai(new Date());

/** The audit verb of each event (`enforcement.case.<verb>`). */
export const EVENT_VERBS: Record<CaseEvent, string> = {
  add_evidence: 'evidence_added', approve_extension: 'extended', propose: 'proposed', summary_decide: 'decided', dismiss: 'dismissed', notify: 'notified',
  record_statement: 'statement_recorded', waive_rights: 'rights_waived', request_hearing: 'hearing_requested', schedule_hearing: 'hearing_scheduled', record_hearing: 'hearing_held',
  submit_review: 'review_submitted', pass_review: 'review_passed', reject_review: 'review_rejected', record_discussion: 'discussed', decide: 'decided', serve: 'served',
  publish: 'publication_marked', execute: 'executed', close: 'closed', archive: 'archived', revoke: 'revoked',
};

/** The fields of a case its audit events carry. */
const HIDDEN = new Set(['party_id_no', 'party_id_index', 'tenant_id', 'id', 'created_at', 'updated_at', 'version', 'org_name', 'org_kind', 'org_uscc', 'org_id', 'officer_ids', 'item_id', 'clue_id', 'imported']);
const auditView = (c: Record<string, any>) => Object.fromEntries(Object.entries(c).filter(([k]) => !HIDDEN.has(k)));
/** A new case's audit view: only the fields it was filed with. */
const filedView = (c: Record<string, any>) =>
  Object.fromEntries(Object.entries(auditView(c)).filter(([, v]) => v !== null && v !== '' && v !== false && v !== 0 && !(Array.isArray(v) && !v.length) && v !== 'investigation' && v !== 'general'));

export interface FileCaseInput {
  orgId: string;
  clueId?: string | null;
  source?: string | null;
  sourceRef?: string | null;
  itemId?: string | null;
  cause: string;
  partyType: string;
  partyName: string;
  partyIdNo?: string | null;
  filedOn: string;
  major?: boolean;
  officerIds: string[];
  caseNo?: string | null;
}

function orgShort(name: string) {
  return name.replace(/街道$/, '');
}

/** 立案 — registers a case: at least two certified officers, a known item, a valid party; starts the 90-day clock. */
export async function fileCase(sys: System, ctx: Ctx, input: FileCaseInput) {
  const actor = ctx.actor;
  if (!input.cause?.trim()) throw errors.validation('cause', '案由不能为空');
  if (!PARTY_TYPES.includes(input.partyType as any)) throw errors.validation('partyType', `当事人类型应为${PARTY_TYPES.join('/')}`);
  if (!input.partyName?.trim()) throw errors.validation('partyName', '当事人名称不能为空');
  if (input.partyIdNo) {
    const p = input.partyType === '自然人' ? idCardProblem(input.partyIdNo) : usccProblem(input.partyIdNo);
    if (p) throw errors.validation('partyIdNo', `证件号码：${p}`);
  }
  assertDate('filedOn', '立案日期', input.filedOn);
  if (input.source && !CASE_SOURCES.includes(input.source as any)) throw errors.validation('source', `案件来源应为${CASE_SOURCES.join('/')}`);
  if (!actor.scope.all && !actor.scope.orgIds.includes(input.orgId)) throw errors.notFound('办案单位');
  const org = await ctx.db.selectFrom('org').selectAll().where('tenant_id', '=', actor.tenantId).where('id', '=', input.orgId).executeTakeFirst();
  if (!org) throw errors.validation('orgId', '办案单位不存在');
  const officers = await officersByIds(ctx.db, actor.tenantId, input.officerIds ?? []);
  if (officers.length !== new Set(input.officerIds).size) throw errors.validation('officerIds', '承办人中有不存在的执法人员');
  const problems = officerProblems(officers.map((o) => ({ name: o.name, certNo: o.cert_no, certValidUntil: o.cert_valid_until })), input.filedOn);
  if (problems.length) throw errors.validation('officerIds', problems.join('；'));
  let item: Awaited<ReturnType<typeof getItem>>;
  if (input.itemId) {
    item = await getItem(ctx.db, actor.tenantId, input.itemId);
    if (!item) throw errors.validation('itemId', '违法事项不存在');
    if (org.kind === 'street' && !item.delegated) throw errors.validation('itemId', `事项“${item.name}”未下放街道，街道不能立案查处`);
  }
  return write(ctx, async (w) => {
    const db = enf(w.tx);
    let clue;
    if (input.clueId) {
      clue = await db.selectFrom('enf_clue').selectAll().where('tenant_id', '=', actor.tenantId).where('id', '=', input.clueId).executeTakeFirst();
      if (!clue || (!actor.scope.all && !actor.scope.orgIds.includes(clue.org_id))) throw errors.validation('clueId', '线索不存在或无权访问');
      if (clue.status === 'case' || clue.status === 'closed') throw errors.gate('CLUE_DONE', '该线索已立案或已办结');
      if (clue.status === 'transferred') throw errors.gate('CLUE_NOT_RECEIVED', '移送的线索须先签收');
    }
    const year = input.filedOn.slice(0, 4);
    const prefix = org.kind === 'street' ? `天${orgShort(org.name)}街执水立〔${year}〕` : `天水执立〔${year}〕`;
    const caseNo = input.caseNo?.trim() || `${prefix}${await nextSerial(w.tx, actor.tenantId, 'enf_case', 'case_no', prefix)}号`;
    const dup = await db.selectFrom('enf_case').select('id').where('tenant_id', '=', actor.tenantId).where('case_no', '=', caseNo).executeTakeFirst();
    if (dup) throw errors.duplicate('caseNo', `案件编号“${caseNo}”已存在`);
    const row = await db
      .insertInto('enf_case')
      .values({
        tenant_id: actor.tenantId,
        org_id: input.orgId,
        case_no: caseNo,
        stage: 'investigation',
        source: input.source ?? clue?.source ?? null,
        source_ref: input.sourceRef ?? clue?.source_ref ?? null,
        clue_id: clue?.id ?? null,
        item_id: item?.id ?? null,
        item_code: item?.code ?? null,
        cause: input.cause.trim(),
        party_type: input.partyType,
        party_name: input.partyName.trim(),
        ...sealId(input.partyIdNo),
        filed_on: input.filedOn,
        major: !!input.major,
        officer_ids: officers.map((o) => o.id),
        officer_names: officers.map((o) => o.name),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await w.audit({ entity: 'enforcement.case', entityId: row.id, action: 'filed', orgId: row.org_id, after: { ...filedView(row), party_id_no: maskedId(input.partyIdNo, input.partyType) }, note: { stage: '调查取证' } });
    if (clue) {
      await db.updateTable('enf_clue').set({ status: 'case', case_id: row.id, version: clue.version + 1, updated_at: new Date() }).where('tenant_id', '=', actor.tenantId).where('id', '=', clue.id).execute();
      await w.audit({ entity: 'enforcement.clue', entityId: clue.id, action: 'filed_as_case', orgId: clue.org_id, before: { status: clue.status }, after: { status: 'case', case_id: row.id }, note: { caseNo } });
    }
    await trackCase(sys, w, ctx, { ...row, org_name: org.name, org_kind: org.kind, org_uscc: org.uscc } as CaseWithOrg);
    return row;
  });
}

/** Registers the case's deadlines with the kernel (90-day decision, payment); closed ones are marked done. */
export async function trackCase(sys: System, w: WriteScope, ctx: Ctx, c: CaseWithOrg) {
  const ds = caseDeadlines(deadlineFacts(c), sys.calendar.current, today());
  for (const d of ds) {
    if (d.key !== 'decision' && d.key !== 'payment') continue;
    const extensions = d.key === 'decision' && c.extension_days ? [{ n: c.extension_days, unit: 'day' as const, approvedOn: c.extension_approved_on ?? undefined, reason: c.extension_reason ?? '延长办案期限' }] : [];
    await sys.calendar.track(w, ctx.actor, { module: 'enforcement', entity: 'enforcement.case', entityId: c.id, orgId: c.org_id, title: RULES[d.key].label, rule: RULES[d.key], start: d.start, extensions, doneOn: d.doneOn });
  }
}

/** Loads a case with everything the guards and the page need (404 outside the actor's scope). */
export async function loadCase(sys: System, ctx: Ctx, id: string, on = today()) {
  const c = await getCase(ctx.db, ctx.actor, id);
  if (!c) throw errors.notFound('案件');
  const [evidence, officers, item] = await Promise.all([
    listEvidence(ctx.db, ctx.actor.tenantId, c.id),
    officersByIds(ctx.db, ctx.actor.tenantId, c.officer_ids),
    c.item_id ? getItem(ctx.db, ctx.actor.tenantId, c.item_id) : Promise.resolve(undefined),
  ]);
  const facts = caseFacts(c, evidence, officers, sys.calendar.current, on);
  return { c, evidence, officers, item, facts };
}

/** The case page for an actor: the record with the actions its roles may take now and why others are blocked. */
export async function caseView(sys: System, ctx: Ctx, id: string) {
  const t = today();
  const l = await loadCase(sys, ctx, id, t);
  const actions = actionsFor(rolesOnCase(ctx.actor.roles, l.c.org_kind === 'street'), l.c.stage as Stage, l.facts).filter((a) => ctx.actor.permissions.has('enforcement.case.act'));
  return presentCase(l.c, { cal: sys.calendar.current, today: t, evidence: l.evidence, officers: l.officers, item: l.item, actions, reviewReasons: l.facts.reviewReasons as string[], hearingRight: l.facts.hearingRightReasons });
}

type Payload = Record<string, unknown>;
const str = (p: Payload, k: string) => (typeof p[k] === 'string' ? (p[k] as string).trim() : '');
const need = (p: Payload, k: string, label: string) => {
  const v = str(p, k);
  if (!v) throw errors.validation(k, `${label}不能为空`);
  return v;
};
const dateOr = (p: Payload, k: string, label: string, fallback: string) => (p[k] === undefined || p[k] === null || p[k] === '' ? fallback : assertDate(k, label, p[k]));
const yuanToFen = (p: Payload, k: string, label: string): number => {
  const v = p[k];
  if (v === undefined || v === null || v === '') return 0;
  const n = typeof v === 'number' ? v : Number(String(v).replace(/,/g, ''));
  if (!Number.isFinite(n) || n < 0) throw errors.validation(k, `${label}应为不小于0的金额（元）`);
  const fen = Math.round(n * 100);
  if (Math.abs(fen - n * 100) > 1e-6) throw errors.validation(k, `${label}最多两位小数（精确到分）`);
  return fen;
};
const kindsOf = (p: Payload): string[] => {
  const v = p.kinds;
  if (!Array.isArray(v) || !v.length) throw errors.validation('kinds', '请选择处罚种类');
  for (const k of v) if (!PENALTY_KINDS.includes(k as any)) throw errors.validation('kinds', `处罚种类“${String(k)}”无效（行政处罚法第九条）`);
  if (v.includes('不予处罚') && v.length > 1) throw errors.validation('kinds', '“不予处罚”不能与其他处罚种类同时选择');
  return v as string[];
};
const notBefore = (field: string, label: string, d: string, min: string | null, minLabel: string) => {
  if (min && d < min) throw errors.validation(field, `${label}（${d}）不能早于${minLabel}（${min}）`);
};

/**
 * Applies a workflow event to a case: checks the matrix (role × stage × event),
 * the guards (with the event's date as 'today'), the event's own input; updates the
 * case, records the audit event, then runs the transition's effects.
 */
export async function applyCaseEvent(sys: System, ctx: Ctx, id: string, event: CaseEvent, version: number, p: Payload) {
  if (!(event in EVENTS)) throw errors.validation('event', `未知的办案环节：${event}`);
  const pre = await loadCase(sys, ctx, id);
  const stage = pre.c.stage as Stage;
  const t = transitionFor(rolesOnCase(ctx.actor.roles, pre.c.org_kind === 'street'), stage, event);
  if (!t) throw errors.gate('EVENT_NOT_ALLOWED', `当前阶段“${pre.c.stage}”不能由您执行“${EVENTS[event]}”`);
  if (pre.c.version !== version) throw errors.conflict();
  const on = dateOr(p, 'on', '日期', today());
  const { c, evidence, officers, item, facts } = on === today() ? pre : await loadCase(sys, ctx, id, on);
  const reasons = (t.if ?? []).flatMap((g) => g(facts));
  if (reasons.length) throw errors.gate('STAGE_GATE', reasons.join('；'));

  const set: Record<string, unknown> = {};
  const note: Record<string, unknown> = {};
  let evidenceRow: Record<string, unknown> | null = null;
  const levels = (item?.discretion ?? []) as DiscretionLevel[];
  switch (event) {
    case 'add_evidence': {
      const kind = need(p, 'kind', '证据种类');
      if (!(kind in EVIDENCE_KINDS)) throw errors.validation('kind', '证据种类无效');
      const collectedOn = dateOr(p, 'collectedOn', '取证日期', on);
      notBefore('collectedOn', '取证日期', collectedOn, c.filed_on, '立案日期');
      evidenceRow = { kind, title: need(p, 'title', '证据名称'), collected_on: collectedOn, note: str(p, 'note') || null, attachment_id: str(p, 'attachmentId') || null };
      if (evidenceRow.attachment_id) {
        const a = await ctx.db.selectFrom('attachment').select(['id', 'entity', 'entity_id']).where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', String(evidenceRow.attachment_id)).executeTakeFirst();
        if (!a || a.entity !== 'enforcement.case' || a.entity_id !== c.id) throw errors.validation('attachmentId', '附件不存在或不属于本案');
      }
      break;
    }
    case 'approve_extension': {
      const days = p.days === undefined || p.days === null || p.days === '' ? DEFAULT_EXTENSION_DAYS : Number(p.days);
      if (!Number.isInteger(days) || days < 1 || days > 90) throw errors.validation('days', '延长天数应为1至90的整数');
      Object.assign(set, { extension_days: days, extension_approved_on: on, extension_reason: need(p, 'reason', '延长理由') });
      break;
    }
    case 'propose': {
      const kinds = kindsOf(p);
      const fine = yuanToFen(p, 'fineYuan', '罚款金额');
      const conf = yuanToFen(p, 'confiscationYuan', '没收金额');
      if (kinds.includes('罚款') !== fine > 0) throw errors.validation('fineYuan', kinds.includes('罚款') ? '选择了罚款，请填写罚款金额' : '未选择“罚款”，罚款金额应为0');
      const level = str(p, 'circumstance') || null;
      const firstViolation = p.firstViolation === true;
      const d = discretionCheck(levels, { level, fineFen: fine, firstViolation, kinds });
      if (d.problems.length) throw errors.validation(d.range ? 'fineYuan' : 'circumstance', d.problems.join('；'));
      Object.assign(set, { proposed_kinds: kinds, proposed_fine_fen: fine, proposed_confiscation_fen: conf, circumstance: level, first_violation: firstViolation });
      if (typeof p.major === 'boolean') set.major = p.major;
      break;
    }
    case 'summary_decide': {
      const kinds = kindsOf(p);
      const fine = yuanToFen(p, 'fineYuan', '罚款金额');
      const probs = summaryProcedureProblems({ partyType: c.party_type, kinds, fineFen: fine });
      if (probs.length) throw errors.gate('SUMMARY_NOT_ALLOWED', probs.join('；'));
      if (evidence.length < 1 && !str(p, 'facts')) throw errors.validation('facts', '请填写违法事实');
      Object.assign(set, {
        procedure: 'summary', proposed_kinds: kinds, proposed_fine_fen: fine, proposed_confiscation_fen: 0, penalty_kinds: kinds, fine_fen: fine, confiscation_fen: 0,
        decided_on: on, decision_no: await decisionNo(ctx, c, on, p), decision_facts: need(p, 'facts', '违法事实'), decision_basis: need(p, 'basis', '处罚依据'), notified_on: on, rights_waived: true,
      });
      break;
    }
    case 'dismiss':
      Object.assign(set, { closed_on: on, close_reason: need(p, 'reason', '撤销案件理由'), penalty_kinds: [] });
      break;
    case 'notify':
      notBefore('on', '告知日期', on, c.filed_on, '立案日期');
      Object.assign(set, { notified_on: on, rights_waived: false, hearing_requested_on: null });
      break;
    case 'record_statement':
      set.statement = need(p, 'statement', '陈述申辩内容');
      break;
    case 'waive_rights':
      set.rights_waived = true;
      note.statement = str(p, 'note') || '当事人书面表示放弃陈述、申辩和听证';
      break;
    case 'request_hearing':
      set.hearing_requested_on = on;
      break;
    case 'schedule_hearing': {
      const hearingOn = assertDate('hearingOn', '听证日期', p.hearingOn);
      const earliest = earliestHearingDate(on, sys.calendar.current);
      if (hearingOn < earliest) throw errors.validation('hearingOn', `听证日期应在通知后第7个工作日（${earliest}）或以后（行政处罚法第六十四条）`);
      Object.assign(set, { hearing_notice_on: on, hearing_on: hearingOn });
      break;
    }
    case 'record_hearing':
      notBefore('on', '听证日期', on, c.hearing_on, '通知的听证日期');
      Object.assign(set, { hearing_held_on: on, hearing_record: need(p, 'record', '听证笔录摘要') });
      break;
    case 'submit_review':
      break;
    case 'pass_review':
    case 'reject_review': {
      const checklist = (p.checklist ?? {}) as Record<string, unknown>;
      const result: Record<string, boolean> = {};
      for (const item of REVIEW_CHECKLIST) result[item.key] = checklist[item.key] === true;
      const failed = REVIEW_CHECKLIST.filter((i) => !result[i.key]);
      if (event === 'pass_review' && failed.length) throw errors.validation('checklist', `审核意见为“同意”时，审核要点须全部符合；未勾选：${failed.map((i) => i.label).join('、')}`);
      const opinion = event === 'reject_review' ? need(p, 'opinion', '审核意见（存在的问题）') : str(p, 'opinion') || '同意';
      Object.assign(set, { review_on: on, review_result: event === 'pass_review' ? '同意' : '存在问题', review_opinion: opinion, review_checklist: JSON.stringify(result) });
      break;
    }
    case 'record_discussion':
      Object.assign(set, { discussion_on: on, discussion_minutes: need(p, 'minutes', '集体讨论纪要') });
      break;
    case 'decide': {
      notBefore('on', '决定日期', on, c.notified_on, '告知日期');
      const kinds = p.kinds === undefined ? c.proposed_kinds : kindsOf(p);
      const fine = p.fineYuan === undefined ? Number(c.proposed_fine_fen ?? 0) : yuanToFen(p, 'fineYuan', '罚款金额');
      const conf = p.confiscationYuan === undefined ? Number(c.proposed_confiscation_fen ?? 0) : yuanToFen(p, 'confiscationYuan', '没收金额');
      if (kinds.includes('罚款') !== fine > 0) throw errors.validation('fineYuan', kinds.includes('罚款') ? '选择了罚款，请填写罚款金额' : '未选择“罚款”，罚款金额应为0');
      // A heavier penalty than the one notified needs a new notice (行政处罚法第四十四条).
      if (fine + conf > Number(c.proposed_fine_fen ?? 0) + Number(c.proposed_confiscation_fen ?? 0)) throw errors.gate('NOTICE_REQUIRED', '决定的罚没金额高于告知的拟处罚金额，须重新告知（行政处罚法第四十四条）');
      const d = discretionCheck(levels, { level: c.circumstance, fineFen: fine, firstViolation: c.first_violation, kinds });
      if (d.problems.length) throw errors.validation('fineYuan', d.problems.join('；'));
      Object.assign(set, {
        penalty_kinds: kinds, fine_fen: fine, confiscation_fen: conf, decided_on: on, decision_no: await decisionNo(ctx, c, on, p),
        decision_facts: need(p, 'facts', '违法事实和证据'), decision_basis: need(p, 'basis', '处罚依据'),
      });
      break;
    }
    case 'serve':
      notBefore('on', '送达日期', on, c.decided_on, '决定日期');
      set.served_on = on;
      break;
    case 'publish':
      notBefore('on', '公示日期', on, c.decided_on, '决定日期');
      set.published_on = on;
      break;
    case 'execute': {
      notBefore('on', '执行完毕日期', on, c.served_on, '送达日期');
      const money = Number(c.fine_fen) + Number(c.confiscation_fen);
      if (money > 0) {
        const paidOn = dateOr(p, 'paidOn', '缴款日期', on);
        notBefore('paidOn', '缴款日期', paidOn, c.served_on, '送达日期');
        const due = computeDeadline({ rule: RULES.payment, start: c.served_on! }, sys.calendar.current).due;
        const late = lateCharge(Number(c.fine_fen), due, paidOn);
        Object.assign(set, { paid_on: paidOn, late_fee_fen: late.fen });
        if (late.days) note.lateCharge = `逾期${late.days}日，加处罚款${fenToYuan(late.fen)}元（行政处罚法第七十二条，每日3%，不超过罚款数额）`;
      }
      set.executed_on = on;
      break;
    }
    case 'close':
      notBefore('on', '结案日期', on, c.executed_on, '执行完毕日期');
      set.closed_on = on;
      break;
    case 'archive':
      notBefore('on', '归档日期', on, c.closed_on, '结案日期');
      set.archived_on = on;
      break;
    case 'revoke':
      Object.assign(set, { revoked_on: on, revoke_reason: need(p, 'reason', '变更或撤销理由') });
      break;
    default: {
      const never: never = event;
      throw new Error(`unhandled event ${String(never)}`);
    }
  }
  if (t.to) set.stage = t.to;
  // The execute event for a case with money needs the payment before the guard can pass.
  return write(ctx, async (w) => {
    const db = enf(w.tx);
    let evidenceId: string | undefined;
    if (evidenceRow) {
      const e = await db.insertInto('enf_evidence').values({ tenant_id: ctx.actor.tenantId, org_id: c.org_id, case_id: c.id, ...(evidenceRow as any) }).returning('id').executeTakeFirstOrThrow();
      evidenceId = e.id;
    }
    const row = await db
      .updateTable('enf_case')
      .set({ ...(set as any), version: c.version + 1, updated_at: new Date() })
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', c.id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw errors.conflict();
    const before = auditView(c);
    const after = auditView(row);
    await w.audit({
      entity: 'enforcement.case',
      entityId: c.id,
      action: EVENT_VERBS[event],
      orgId: c.org_id,
      before,
      after,
      note: { event: EVENTS[event], on, ...(evidenceRow ? { evidenceId, evidence: evidenceRow.title, attachmentId: evidenceRow.attachment_id } : {}), ...note },
    });
    const next = { ...row, org_name: c.org_name, org_kind: c.org_kind, org_uscc: c.org_uscc } as CaseWithOrg;
    for (const effect of t.after ?? []) await runEffect(sys, w, ctx, effect, next, on, str(p, 'reason'));
    return next;
  });
}

async function decisionNo(ctx: Ctx, c: CaseWithOrg, on: string, p: Payload): Promise<string> {
  const given = str(p, 'decisionNo');
  const year = on.slice(0, 4);
  const prefix = c.org_kind === 'street' ? `穗天${orgShort(c.org_name)}街罚〔${year}〕` : `穗天水罚〔${year}〕`;
  const no = given || `${prefix}${await nextSerial(ctx.db, ctx.actor.tenantId, 'enf_case', 'decision_no', prefix)}号`;
  const dup = await enf(ctx.db).selectFrom('enf_case').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('decision_no', '=', no).where('id', '!=', c.id).executeTakeFirst();
  if (dup) throw errors.duplicate('decisionNo', `决定文书号“${no}”已被其他案件使用`);
  return no;
}

/** What the decided penalty says, in words (处罚内容). */
export function penaltyContent(c: { penalty_kinds: readonly string[]; fine_fen: number; confiscation_fen: number }): string {
  const parts = c.penalty_kinds.map((k) => (k === '罚款' ? `罚款人民币${fenToYuan(Number(c.fine_fen)).toFixed(2)}元` : k.startsWith('没收') ? `${k}人民币${fenToYuan(Number(c.confiscation_fen)).toFixed(2)}元` : k));
  return parts.join('；') || '—';
}

async function runEffect(sys: System, w: WriteScope, ctx: Ctx, effect: Effect, c: CaseWithOrg, on: string, reason: string) {
  const source = { sourceEntity: 'enforcement.case', sourceId: c.id };
  switch (effect) {
    case 'track_deadlines':
      return trackCase(sys, w, ctx, c);
    case 'record_publication':
      return recordDecision(w, ctx.actor, sys.calendar, {
        kind: 'penalty', orgId: c.org_id, ...source, decisionNo: c.decision_no!, decidedOn: c.decided_on!, partyName: c.party_name, partyType: c.party_type, partyIdNo: openId(c.party_id_no),
        title: c.cause, content: penaltyContent(c), basis: c.decision_basis, amountFen: Number(c.fine_fen) + Number(c.confiscation_fen),
        fields: { 违法事实: c.decision_facts ?? '', 处罚类别: c.penalty_kinds.join('、'), 罚款金额分: String(c.fine_fen), 没收金额分: String(c.confiscation_fen), 机关: c.org_name },
      }).then(() => undefined);
    case 'publish':
      return publishDecision(w, ctx.actor, sys.calendar, { ...source, publishedOn: on });
    case 'withdraw_publication':
      if (!c.published_on) return;
      return withdrawDecision(w, ctx.actor, { ...source, withdrawnOn: on, reason: reason || '处罚决定被变更或撤销' });
    default: {
      const never: never = effect;
      throw new Error(`unhandled effect ${String(never)}`);
    }
  }
}
