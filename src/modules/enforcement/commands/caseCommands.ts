/**
 * Penalty case commands: 立案 (fileCase) and every workflow event (applyCaseEvent).
 * Each write runs through `write(ctx, …)` with an audit event `enforcement.case.<verb>`;
 * the workflow matrix decides whether the actor may do it now.
 */
import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Ctx } from '../../../core/context.js';
import type { System } from '../../../core/system.js';
import { canonicalJson, write, type AuditInput, type WriteScope } from '../../../core/audit/audit.js';
import { type AppError, errors } from '../../../core/errors.js';
import { checkVersion, updateVersioned } from '../../../core/versioned.js';
import { ownerOrgForCreate } from '../../../core/scope.js';
import type { WorkCalendar } from '../../../core/calendar/calendar.js';
import type { TrackInput } from '../../../core/calendar/service.js';
import { insertMany, updateMany } from '../../../core/db/bulk.js';
import { enforceRules, type Finding, type RowError, type WriteOrigin } from '../../../core/ledger/ledger.js';
import { fenToYuan } from '../../../core/metrics/registry.js';
import { idCardProblem, usccProblem } from '../../../core/ledger/validators.js';
import { recordDecision, recordDecisions, publishDecision, withdrawDecision, type DecisionInput } from '../../publicity/index.js';
import {
  attachmentOfCase,
  caseNoTaken,
  casesByIds,
  casesByNos,
  clueById,
  decisionNoTaken,
  earlierReviewsBy,
  getCase,
  legalReviewerOf,
  itemsByIds,
  orgsByIds,
  getItem,
  insertEvidence,
  listEvidence,
  nextSerial,
  officersByIds,
  type CaseWithOrg,
} from '../repository.js';
import { caseEventCommand } from './caseEvents.js';
import { caseFacts } from '../facts.js';
import { clueFacts, clueWho, clueWorkflow } from '../clueWorkflow.js';
import { requireTransition } from '../../../core/workflow/index.js';
import { maskedId, openId, sealId } from '../pii.js';
import { actionsFor, caseWorkflow, EVENTS, rolesOnCase, transitionFor, type CaseEvent, type Effect, type Stage } from '../workflow.js';
import { caseDeadlines, extensionInForce, RULES } from '../deadlines.js';
import { caseLimitationCheck, limitationBreaches, limitationDateProblems } from '../limitation.js';
import { deadlineFacts, presentCase, type CaseDeadlineRow } from '../presenters.js';
import {
  assertDate,
  CASE_SOURCES,
  decisionBreaches,
  filingBreaches,
  PARTY_TYPES,
  type CaseSource,
  type DecisionFacts,
  type FilingFacts,
  type PartyType,
} from '../rules.js';
import type { EnfTables } from '../schema.js';

/** The audit verb of each event (`enforcement.case.<verb>`). */
export const EVENT_VERBS: Record<CaseEvent, string> = {
  add_evidence: 'evidence_added',
  approve_extension: 'extended',
  propose: 'proposed',
  summary_decide: 'decided',
  dismiss: 'dismissed',
  notify: 'notified',
  record_statement: 'statement_recorded',
  waive_rights: 'rights_waived',
  request_hearing: 'hearing_requested',
  schedule_hearing: 'hearing_scheduled',
  record_hearing: 'hearing_held',
  submit_review: 'review_submitted',
  pass_review: 'review_passed',
  reject_review: 'review_rejected',
  record_discussion: 'discussed',
  submit_decision: 'decision_submitted',
  return_decision: 'decision_returned',
  decide: 'decided',
  serve: 'served',
  publish: 'publication_marked',
  execute: 'executed',
  close: 'closed',
  archive: 'archived',
  revoke: 'revoked',
};

/** The fields of a case its audit events carry. */
const HIDDEN = new Set([
  'party_id_no',
  'party_id_index',
  'tenant_id',
  'id',
  'created_at',
  'updated_at',
  'version',
  'org_name',
  'org_kind',
  'org_uscc',
  'org_id',
  'officer_ids',
  'item_id',
  'clue_id',
  'imported',
  'decision_approver_user_id',
  'review_by_user_id',
]);
const auditView = (c: object): Record<string, unknown> => Object.fromEntries(Object.entries(c).filter(([k]) => !HIDDEN.has(k)));
/** A new case's audit view: only the fields it was filed with. */
const filedView = (c: object) =>
  Object.fromEntries(
    Object.entries(auditView(c)).filter(
      ([, v]) => v !== null && v !== '' && v !== false && v !== 0 && !(Array.isArray(v) && !v.length) && v !== 'investigation' && v !== 'general',
    ),
  );

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
  /**
   * 追责时效 (行政处罚法第三十六条): the violation's date, its end for a continuing or repeated one, the
   * 5-year period (生命健康安全、金融安全且有危害后果), and the legal ground of an exception (法律另有规定)
   * that lets a case past the period be filed. Filed from a clue, what is not given comes from the clue.
   * An import's blank cell keeps a known case's value (`undefined`).
   */
  violationOn?: string | null;
  violationEndedOn?: string | null;
  limitationSerious?: boolean | null;
  limitationOverride?: string | null;
  /** 住所/地址 of the party, printed in the decision (行政处罚法第五十九条). */
  partyAddress?: string | null;
}

function orgShort(name: string) {
  return name.replace(/街道$/, '');
}

/**
 * 立案 — registers a case through {@link saveCases} (live): at least two certified officers, a known item, a valid party; starts the 90-day clock.
 * The 办案单位 defaults to the actor's own and must lie within the actor's scope (`ownerOrgForCreate`).
 */
export async function fileCase(sys: System, ctx: Ctx, input: Omit<FileCaseInput, 'orgId'> & { orgId?: string | null }) {
  return write(ctx, async (w) => {
    const orgId = await ownerOrgForCreate({ db: w.tx, actor: ctx.actor }, input.orgId, '办案单位');
    const { saved } = await saveCases(sys, w, [{ ...input, orgId, officerIds: input.officerIds ?? [] }], { mode: 'live' });
    return saved[0]!.row;
  });
}

/** What a past case carries beyond 立案 (a ledger row): its dates and the decided penalty. */
export interface CaseHistory {
  reviewOn: string | null;
  discussionOn: string | null;
  kinds: readonly string[];
  fineFen: number;
  confiscationFen: number;
  decidedOn: string | null;
  decisionNo: string | null;
  servedOn: string | null;
  executedOn: string | null;
  closedOn: string | null;
  publishedOn: string | null;
}

/** A case record: what 立案 takes, plus — for a past case from a ledger — what happened since. */
export interface CaseRecord extends FileCaseInput {
  /** Ledger row (imports). */
  row?: number;
  history?: CaseHistory;
}

export type CaseRow = Selectable<EnfTables['enf_case']>;

/** What {@link saveCases} did with each record, in input order (row errors skip a record). */
export interface SavedCase {
  id: string;
  action: 'created' | 'updated' | 'unchanged';
  row: CaseRow;
}

/** The stage a case is in from the dates it carries (a ledger row). */
export function stageFromDates(r: { closedOn?: string | null; executedOn?: string | null; servedOn?: string | null; decidedOn?: string | null }): Stage {
  if (r.closedOn) return 'closed';
  if (r.executedOn) return 'executed';
  if (r.servedOn) return 'served';
  if (r.decidedOn) return 'decided';
  return 'investigation';
}

/** Penalty kinds the penalty-cases ledger can write (LEDGERS.md); others a case keeps when a ledger row updates it. */
export const LEDGER_KINDS = ['警告', '罚款', '没收违法所得', '没收非法财物', '责令停产停业', '暂扣许可证件', '不予处罚'] as const;

/** The columns of a case the ledger carries (compared for "unchanged", restored by an undo). */
const LEDGER_COLUMNS = [
  'stage',
  'source',
  'item_id',
  'item_code',
  'cause',
  'party_type',
  'party_name',
  'party_id_no',
  'filed_on',
  'major',
  'review_on',
  'review_result',
  'discussion_on',
  'penalty_kinds',
  'fine_fen',
  'confiscation_fen',
  'decided_on',
  'decision_no',
  'served_on',
  'paid_on',
  'executed_on',
  'closed_on',
  'published_on',
  'officer_ids',
  'officer_names',
  'violation_on',
  'violation_ended_on',
  'limitation_serious',
  'party_address',
] as const;
type LedgerColumn = (typeof LEDGER_COLUMNS)[number];

/** The columns a publication entry is made from: a change re-records it. */
export const PUBLICATION_COLUMNS: readonly LedgerColumn[] = [
  'cause',
  'party_type',
  'party_name',
  'party_id_no',
  'penalty_kinds',
  'fine_fen',
  'confiscation_fen',
  'decided_on',
  'decision_no',
  'published_on',
];

/** The deadlines the kernel tracks for a case (the 90-day decision term with its extension, the payment term); done ones are marked done. */
export function caseTracks(
  cal: WorkCalendar,
  today: string,
  c: CaseDeadlineRow & { id: string; org_id: string; extension_reason: string | null; case_no?: string | null },
): TrackInput[] {
  const out: TrackInput[] = [];
  for (const d of caseDeadlines(deadlineFacts(c), cal, today)) {
    if (d.key !== 'decision' && d.key !== 'payment' && d.key !== 'service') continue;
    // An extension approved after the 90-day term ran out does not count (行政处罚法第六十条; deadlines.ts).
    const extensions =
      d.key === 'decision' && c.extension_days && extensionInForce(deadlineFacts(c), cal).counts
        ? [{ n: c.extension_days, unit: 'day' as const, approvedOn: c.extension_approved_on ?? undefined, reason: c.extension_reason ?? '延长办案期限' }]
        : [];
    out.push({
      module: 'enforcement',
      entity: 'enforcement.case',
      entityId: c.id,
      orgId: c.org_id,
      title: RULES[d.key].label,
      rule: RULES[d.key],
      start: d.start,
      extensions,
      doneOn: d.doneOn,
      // The case number names it in 我的待办 (officers are a register of their own, not accounts: the unit's list shows it).
      label: c.case_no ?? null,
    });
  }
  return out;
}

/** Registers the case's deadlines with the kernel (90-day decision, payment); closed ones are marked done. */
export async function trackCase(sys: Pick<System, 'calendar'>, w: WriteScope, ctx: Pick<Ctx, 'actor' | 'clock'>, c: CaseRow) {
  await sys.calendar.trackMany(w, ctx.actor, caseTracks(sys.calendar.current, ctx.clock.today(), c));
}

/** The decision rules' facts of a stored case row (its terms computed by deadlines.ts). */
function decisionFacts(c: CaseRow, cal: WorkCalendar, today: string): DecisionFacts {
  const ds = caseDeadlines(deadlineFacts(c), cal, today);
  return {
    partyType: c.party_type,
    major: c.major,
    kinds: c.penalty_kinds,
    fineFen: Number(c.fine_fen),
    confiscationFen: Number(c.confiscation_fen),
    filedOn: c.filed_on,
    decisionDueOn: ds.find((d) => d.key === 'decision')!.due,
    extended: !!c.extension_days,
    decidedOn: c.decided_on,
    reviewOn: c.review_on,
    discussionOn: c.discussion_on,
    publicationDueOn: ds.find((d) => d.key === 'publication')?.due ?? null,
    publishedOn: c.published_on,
  };
}

/** The publication entry of a decided case (双公示, publicity module). */
export function publicationOf(c: CaseRow, orgName: string): DecisionInput {
  return {
    kind: 'penalty',
    orgId: c.org_id,
    sourceEntity: 'enforcement.case',
    sourceId: c.id,
    decisionNo: c.decision_no!,
    decidedOn: c.decided_on!,
    partyName: c.party_name,
    partyType: c.party_type,
    partyIdNo: openId(c.party_id_no),
    title: c.cause,
    content: penaltyContent(c),
    basis: c.decision_basis,
    amountFen: Number(c.fine_fen) + Number(c.confiscation_fen),
    publishedOn: c.published_on,
    fields: {
      ...(c.decision_facts ? { 违法事实: c.decision_facts } : {}),
      处罚类别: c.penalty_kinds.join('、'),
      罚款金额分: String(Number(c.fine_fen)),
      没收金额分: String(Number(c.confiscation_fen)),
      机关: orgName,
    },
  };
}

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/**
 * Writes penalty case records — the one write path of a case: 立案 (one record, live)
 * and the penalty-cases ledger (many, historical). Look-ups are one query per batch;
 * new cases are inserted in bulk, known case numbers (imports) updated where a fact
 * differs. Both modes: the case's tracked deadlines (decision term from filing, payment
 * after service), and for a decided case its 双公示 entry with the publication term.
 * Rules (`filingBreaches`, `decisionBreaches`): refused live, findings in an import.
 * What cannot be a true case (bad party number, unknown unit/officer/item, a unit
 * outside the actor's scope) is refused live and a row error in an import.
 */
export async function saveCases(
  sys: Pick<System, 'calendar'>,
  w: WriteScope,
  records: readonly CaseRecord[],
  origin: WriteOrigin,
): Promise<{ saved: SavedCase[]; errors: RowError[] }> {
  const live = origin.mode === 'live';
  const actor = w.ctx.actor;
  const tenantId = actor.tenantId;
  const cal = sys.calendar.current;
  const today = w.ctx.clock.today();
  const rowErrors: RowError[] = [];
  /** Live: the error as the form gives it; historical: a row error naming the column. */
  const fail = (x: CaseRecord, e: AppError, column: string, value?: string | null) => {
    if (live) throw e;
    rowErrors.push({ row: x.row ?? 0, column, message: e.message, ...(value ? { value } : {}) });
  };
  const ids = (f: (x: CaseRecord) => readonly (string | null | undefined)[]) => [...new Set(records.flatMap(f).filter((v): v is string => !!v))];
  const [orgs, officers, items, existing] = await Promise.all([
    orgsByIds(
      w.tx,
      tenantId,
      ids((x) => [x.orgId]),
    ),
    officersByIds(
      w.tx,
      tenantId,
      ids((x) => x.officerIds),
    ),
    itemsByIds(
      w.tx,
      tenantId,
      ids((x) => [x.itemId]),
    ),
    casesByNos(
      w.tx,
      tenantId,
      ids((x) => [x.caseNo?.trim()]),
    ),
  ]);
  const orgById = new Map(orgs.map((o) => [o.id, o]));
  const officerById = new Map(officers.map((o) => [o.id, o]));
  const itemById = new Map(items.map((i) => [i.id, i]));
  const caseByNo = new Map(existing.map((c) => [c.case_no, c]));

  const saved: SavedCase[] = [];
  const creates: Array<{ x: CaseRecord; values: Record<string, unknown>; orgName: string }> = [];
  const updates: Array<{
    x: CaseRecord;
    old: CaseRow;
    set: Record<string, unknown>;
    before: Record<string, unknown>;
    shown: Record<string, unknown>;
    orgName: string;
    publication: boolean;
  }> = [];
  for (const x of records) {
    const errs = rowErrors.length;
    // What cannot be a true case: refused in both modes.
    if (!x.cause?.trim()) fail(x, errors.validation('cause', '案由不能为空'), '案由');
    if (!PARTY_TYPES.includes(x.partyType as PartyType))
      fail(x, errors.validation('partyType', `当事人类型应为${PARTY_TYPES.join('/')}`), '当事人类型', x.partyType);
    if (!x.partyName?.trim()) fail(x, errors.validation('partyName', '当事人名称不能为空'), '当事人名称');
    if (x.partyIdNo) {
      const p = x.partyType === '自然人' ? idCardProblem(x.partyIdNo) : usccProblem(x.partyIdNo);
      if (p) fail(x, errors.validation('partyIdNo', `证件号码：${p}`), '证件号码', maskedId(x.partyIdNo, x.partyType));
    }
    try {
      assertDate('filedOn', '立案日期', x.filedOn);
    } catch (e) {
      fail(x, e as AppError, '立案日期', String(x.filedOn));
    }
    for (const [field, label, v] of [
      ['violationOn', '违法行为发生日期', x.violationOn],
      ['violationEndedOn', '违法行为终了日期', x.violationEndedOn],
    ] as const) {
      try {
        if (v) assertDate(field, label, v);
      } catch (e) {
        fail(x, e as AppError, label, String(v));
      }
    }
    // 发现之日 (行政处罚法第三十六条) of a case filed without a clue is its 立案日期; from a clue, the clue's (below).
    if (!x.clueId)
      for (const [field, message] of limitationDateProblems({ ...x, discoveredOn: x.filedOn, discoveredAs: '立案日期' }))
        fail(x, errors.validation(field, message), field === 'violationOn' ? '违法行为发生日期' : '违法行为终了日期');
    if (x.source && !CASE_SOURCES.includes(x.source as CaseSource))
      fail(x, errors.validation('source', `案件来源应为${CASE_SOURCES.join('/')}`), '案件来源', x.source);
    const org = orgById.get(x.orgId);
    if (!actor.scope.all && !actor.scope.orgIds.includes(x.orgId))
      fail(x, live ? errors.notFound('办案单位') : errors.validation('orgId', '只能导入本单位的案件'), '办案单位');
    else if (!org) fail(x, errors.validation('orgId', '办案单位不存在'), '办案单位');
    const offs = x.officerIds.map((id) => officerById.get(id));
    if (offs.some((o) => !o) || new Set(x.officerIds).size !== x.officerIds.length)
      fail(x, errors.validation('officerIds', '承办人中有不存在的执法人员'), '承办人');
    const item = x.itemId ? itemById.get(x.itemId) : undefined;
    if (x.itemId && !item) fail(x, errors.validation('itemId', '违法事项不存在'), '违法事项编码');
    const caseNo = x.caseNo?.trim() || null;
    const old = caseNo ? caseByNo.get(caseNo) : undefined;
    if (old && live) throw errors.duplicate('caseNo', `案件编号“${caseNo}”已存在`);
    if (old && org && old.org_id !== org.id) fail(x, errors.validation('orgId', '已有案件的办案单位不能通过导入更改'), '办案单位', org.name);
    if (rowErrors.length > errs || !org) continue;

    // Rules a true case can break: refused live (as the form always has), findings in an import.
    const officerRows = offs as NonNullable<(typeof offs)[number]>[];
    enforceRules(
      origin,
      filingBreaches({
        filedOn: x.filedOn,
        officers: officerRows.map((o) => ({ name: o.name, certNo: o.cert_no, certValidUntil: o.cert_valid_until })),
        orgKind: org.kind,
        item: item ? { name: item.name, delegated: item.delegated } : null,
      }),
    );

    if (live && !x.clueId)
      enforceRules(
        origin,
        limitationBreaches({ ...x, serious: x.limitationSerious, discoveredOn: x.filedOn, discoveredAs: '立案日期', override: x.limitationOverride }),
      );

    const h = x.history;
    const kinds = h ? [...h.kinds, ...(old?.penalty_kinds ?? []).filter((k) => !(LEDGER_KINDS as readonly string[]).includes(k) && h.decidedOn)] : [];
    const money = (h?.fineFen ?? 0) + (h?.confiscationFen ?? 0);
    const derived = stageFromDates(h ?? {});
    const values: Record<LedgerColumn, unknown> = {
      // A stage the dates cannot tell apart (notified, in review, archived…) stays as the workflow left it.
      stage:
        old && derived === stageFromDates({ closedOn: old.closed_on, executedOn: old.executed_on, servedOn: old.served_on, decidedOn: old.decided_on })
          ? old.stage
          : derived,
      source: x.source ?? null,
      item_id: item?.id ?? null,
      item_code: item?.code ?? null,
      cause: x.cause.trim(),
      party_type: x.partyType,
      party_name: x.partyName.trim(),
      party_id_no: x.partyIdNo ?? null,
      filed_on: x.filedOn,
      major: !!x.major,
      review_on: h?.reviewOn ?? null,
      review_result: h?.reviewOn ? (old?.review_on === h.reviewOn && old.review_result ? old.review_result : '同意') : null,
      discussion_on: h?.discussionOn ?? null,
      penalty_kinds: kinds,
      fine_fen: h?.fineFen ?? 0,
      confiscation_fen: h?.confiscationFen ?? 0,
      decided_on: h?.decidedOn ?? null,
      decision_no: h?.decisionNo ?? null,
      served_on: h?.servedOn ?? null,
      // 执行完毕 of a case with money means paid (the workflow's execute records the payment, by default that day).
      // A known case whose 执行完毕日期 is unchanged keeps its recorded payment date.
      paid_on: old && old.executed_on === (h?.executedOn ?? null) ? old.paid_on : h?.executedOn && money > 0 ? h.executedOn : null,
      executed_on: h?.executedOn ?? null,
      closed_on: h?.closedOn ?? null,
      published_on: h?.publishedOn ?? null,
      officer_ids: officerRows.map((o) => o.id),
      officer_names: officerRows.map((o) => o.name),
      // An import's blank cell (undefined) keeps what a known case has.
      violation_on: x.violationOn === undefined ? (old?.violation_on ?? null) : x.violationOn || null,
      violation_ended_on: x.violationEndedOn === undefined ? (old?.violation_ended_on ?? null) : x.violationEndedOn || null,
      limitation_serious: x.limitationSerious == null ? (old?.limitation_serious ?? false) : x.limitationSerious,
      party_address: x.partyAddress === undefined ? (old?.party_address ?? null) : x.partyAddress?.trim() || null,
    };
    if (!old) {
      creates.push({
        x,
        orgName: org.name,
        values: { ...values, proposed_kinds: kinds, case_no: caseNo, limitation_override: x.limitationOverride?.trim() || null, discovered_on: x.filedOn },
      });
      continue;
    }
    const prev: Record<string, unknown> = Object.fromEntries(
      LEDGER_COLUMNS.map((k) => [k, k === 'party_id_no' ? openId(old.party_id_no) : k === 'fine_fen' || k === 'confiscation_fen' ? Number(old[k]) : old[k]]),
    );
    const changed = LEDGER_COLUMNS.filter((k) => !same(prev[k], values[k]));
    if (!changed.length) {
      saved.push({ id: old.id, action: 'unchanged', row: old });
      continue;
    }
    const before: Record<string, unknown> = { version: old.version };
    const shown: Record<string, unknown> = {};
    for (const k of changed) {
      if (k === 'party_id_no') {
        before.party_id_no = old.party_id_no;
        before.party_id_index = old.party_id_index;
        shown.party_id_masked = maskedId(values.party_id_no as string | null, x.partyType);
      } else {
        before[k] = old[k];
        if (k !== 'officer_ids' && k !== 'item_id') shown[k] = values[k];
      }
    }
    updates.push({
      x,
      old,
      orgName: org.name,
      before,
      shown,
      publication: changed.some((k) => PUBLICATION_COLUMNS.includes(k)),
      set: { ...values, ...sealId(values.party_id_no as string | null), version: old.version + 1, updated_at: new Date() },
    });
  }
  if (rowErrors.length) return { saved: [], errors: rowErrors };

  // Live 立案 without a number: the next one of the unit's series (after those this batch has already taken).
  const taken = new Map<string, number>();
  for (const c of creates) {
    if (c.values.case_no) continue;
    const org = orgById.get(c.x.orgId)!;
    const year = c.x.filedOn.slice(0, 4);
    const prefix = org.kind === 'street' ? `天${orgShort(org.name)}街执水立〔${year}〕` : `天水执立〔${year}〕`;
    const serial = (taken.get(prefix) ?? (await nextSerial(w.tx, tenantId, { table: 'enf_case', column: 'case_no', prefix })) - 1) + 1;
    taken.set(prefix, serial);
    c.values.case_no = `${prefix}${serial}号`;
    const dup = await caseNoTaken(w.tx, tenantId, String(c.values.case_no));
    if (dup) throw errors.duplicate('caseNo', `案件编号“${String(c.values.case_no)}”已存在`);
  }
  // A clue filed as a case (立案 from a clue): checked before anything is written.
  const clues = new Map<string, Selectable<EnfTables['enf_clue']>>();
  for (const c of creates) {
    if (!c.x.clueId) continue;
    const clue = await clueById(w.tx, tenantId, c.x.clueId);
    if (!clue || (!actor.scope.all && !actor.scope.orgIds.includes(clue.org_id))) throw errors.validation('clueId', '线索不存在或无权访问');
    // 立案 from a clue is the clue workflow's `file` (a clue 待处理: not transferred and unreceived, not filed, not closed).
    requireTransition(clueWorkflow, clueWho(true), { stage: clue.status, event: 'file', facts: clueFacts(clue), code: 'CLUE_NOT_OPEN' });
    clues.set(c.x.clueId, clue);
    // 追责时效 from the clue: discovered (发现) on the day the clue was received; the violation's dates as the clue recorded them unless given.
    const v = c.values;
    if (c.x.violationOn === undefined || c.x.violationOn === null) {
      v.violation_on = clue.violation_on;
      v.violation_ended_on = c.x.violationEndedOn || clue.violation_ended_on;
      v.limitation_serious = c.x.limitationSerious ?? clue.limitation_serious;
    }
    if (!v.party_address && clue.party_address) v.party_address = clue.party_address;
    v.discovered_on = clue.received_on;
    const check = {
      violationOn: v.violation_on as string | null,
      violationEndedOn: v.violation_ended_on as string | null,
      serious: !!v.limitation_serious,
      discoveredOn: clue.received_on,
      discoveredAs: '线索受理日期',
      override: v.limitation_override as string | null,
    };
    for (const [field, message] of limitationDateProblems(check)) throw errors.validation(field, message);
    enforceRules(origin, limitationBreaches(check));
  }

  const fresh = creates.map((c) => {
    const clue = c.x.clueId ? clues.get(c.x.clueId) : undefined;
    const { party_id_no, ...rest } = c.values;
    return {
      tenant_id: tenantId,
      id: crypto.randomUUID(),
      org_id: c.x.orgId,
      ...rest,
      source: c.x.source ?? clue?.source ?? null,
      source_ref: c.x.sourceRef ?? clue?.source_ref ?? null,
      clue_id: clue?.id ?? null,
      ...sealId(party_id_no as string | null),
      imported: !live,
    };
  });
  await insertMany(w.tx, 'enf_case', fresh);
  if (updates.length)
    await updateMany(
      w.tx,
      'enf_case',
      ['tenant_id', 'id'],
      updates.map((u) => ({ tenant_id: tenantId, id: u.old.id, ...u.set })),
    );
  const touchedIds = [...fresh.map((f) => f.id), ...updates.map((u) => u.old.id)];
  const rows = new Map(touchedIds.length ? (await casesByIds(w.tx, tenantId, touchedIds)).map((r) => [r.id, r]) : []);

  const audits: AuditInput[] = [];
  const findings: Finding[] = [];
  const publish: Array<{ row: CaseRow; orgName: string }> = [];
  creates.forEach((c, i) => {
    const row = rows.get(fresh[i]!.id)!;
    saved.push({ id: row.id, action: 'created', row });
    if (row.decided_on && row.decision_no) publish.push({ row, orgName: c.orgName });
    if (origin.mode === 'historical') {
      origin.imp.trace({
        row: c.x.row ?? 0,
        entity: 'enforcement.case',
        entityId: row.id,
        action: 'created',
        orgId: row.org_id,
        values: { ...filedView(row), party_id_no: maskedId(c.x.partyIdNo, c.x.partyType) },
      });
      for (const b of [...decisionBreaches(decisionFacts(row, cal, today)), ...limitationOfRow(row)])
        findings.push({ ...b, row: c.x.row ?? 0, entity: 'enforcement.case', entityId: row.id, orgId: row.org_id });
    } else {
      audits.push({
        entity: 'enforcement.case',
        entityId: row.id,
        action: 'filed',
        orgId: row.org_id,
        after: { ...filedView(row), party_id_no: maskedId(c.x.partyIdNo, c.x.partyType) },
        note: {
          stage: '调查取证',
          ...(origin.via ? { via: origin.via } : {}),
          ...(row.limitation_override ? { limitationOverride: `超过追责时效立案，法律依据：${row.limitation_override}（行政处罚法第三十六条）` } : {}),
        },
      });
    }
  });
  for (const u of updates) {
    const row = rows.get(u.old.id)!;
    saved.push({ id: row.id, action: 'updated', row });
    if (u.publication && row.decided_on && row.decision_no) publish.push({ row, orgName: u.orgName });
    // Only imports update a known case number (live 立案 refused it above).
    if (origin.mode === 'historical') {
      origin.imp.trace({
        row: u.x.row ?? 0,
        entity: 'enforcement.case',
        entityId: row.id,
        action: 'updated',
        orgId: row.org_id,
        values: u.shown,
        before: u.before,
      });
      for (const b of [...decisionBreaches(decisionFacts(row, cal, today)), ...limitationOfRow(row)])
        findings.push({ ...b, row: u.x.row ?? 0, entity: 'enforcement.case', entityId: row.id, orgId: row.org_id });
      for (const b of filingBreaches(filingFactsOf(row, officerById, itemById, orgById)))
        findings.push({ ...b, row: u.x.row ?? 0, entity: 'enforcement.case', entityId: row.id, orgId: row.org_id });
    }
  }
  if (origin.mode === 'historical') {
    creates.forEach((c, i) => {
      const row = rows.get(fresh[i]!.id)!;
      for (const b of filingBreaches(filingFactsOf(row, officerById, itemById, orgById)))
        findings.push({ ...b, row: c.x.row ?? 0, entity: 'enforcement.case', entityId: row.id, orgId: row.org_id });
    });
    findings.sort((a, b) => a.row - b.row);
    origin.imp.finding(findings);
  }
  // After the cases' writes: each event records its record's state after the change.
  if (audits.length) await w.auditMany(audits);
  for (const c of creates) {
    const clue = c.x.clueId ? clues.get(c.x.clueId) : undefined;
    if (!clue) continue;
    const kase = saved.find((s) => s.row.case_no === c.values.case_no)!.row;
    await fileClue(w, clue, kase, { audit: origin.mode === 'live' });
  }
  // The tracked deadlines a case at this stage has through the workflow: decision term, payment term…
  await sys.calendar.trackMany(
    w,
    actor,
    [...rows.values()].flatMap((r) => caseTracks(cal, today, r)),
  );
  // …and for a decided case its 双公示 entry with the publication term (publicity module).
  await recordDecisions(
    w,
    sys.calendar,
    publish.map((p) => publicationOf(p.row, p.orgName)),
    { audit: origin.mode !== 'historical' },
  );
  return { saved, errors: [] };
}

/**
 * 立案 from a clue: the clue, at the version read when the filing began, becomes `case` through the
 * kernel's versioned update (locked, version + 1, its event `enforcement.clue.filed_as_case` after the
 * write). Someone changed the clue since it was read (filed it, closed it): a 409, and the filing is
 * refused whole — a clue is never filed twice. Only a form files from a clue (a ledger has no clue
 * column); were an import to, it would write no event of its own (`audit: false`).
 */
async function fileClue(w: WriteScope, clue: Selectable<EnfTables['enf_clue']>, kase: CaseRow, opts: { audit: boolean }): Promise<void> {
  await updateVersioned(w, {
    table: 'enf_clue',
    tenantId: clue.tenant_id,
    id: clue.id,
    version: clue.version,
    label: '线索',
    conflictMessage: '该线索已被他人处理，请刷新后重试',
    patch: { status: 'case', case_id: kase.id },
    audit: opts.audit && {
      entity: 'enforcement.clue',
      action: 'filed_as_case',
      orgId: clue.org_id,
      before: () => ({ status: clue.status }),
      after: () => ({ status: 'case', case_id: kase.id }),
      note: { caseNo: kase.case_no },
    },
  });
}

/**
 * 追责时效 of a stored case as an import reports it (a finding, 行政处罚法第三十六条): discovered on its 立案日期
 * (a ledger has no clue), unless a legal ground for the exception is recorded on the case.
 */
function limitationOfRow(c: CaseRow) {
  return limitationBreaches(caseLimitationCheck(c));
}

/** The filing rules' facts of a stored case (officers as of the filing date). */
function filingFactsOf(
  c: CaseRow,
  officers: ReadonlyMap<string, Selectable<EnfTables['enf_officer']>>,
  items: ReadonlyMap<string, Selectable<EnfTables['enf_item']>>,
  orgs: ReadonlyMap<string, { kind: string }>,
): FilingFacts {
  const item = c.item_id ? items.get(c.item_id) : undefined;
  return {
    filedOn: c.filed_on,
    officers: c.officer_ids.map((id) => officers.get(id)!).map((o) => ({ name: o.name, certNo: o.cert_no, certValidUntil: o.cert_valid_until })),
    orgKind: orgs.get(c.org_id)?.kind ?? '',
    item: item ? { name: item.name, delegated: item.delegated } : null,
  };
}

/** Loads a case with everything the guards and the page need (404 outside the actor's scope). */
export async function loadCase(sys: System, ctx: Ctx, id: string, on = ctx.clock.today()) {
  const c = await getCase(ctx.db, ctx.actor, id);
  if (!c) throw errors.notFound('案件');
  const [evidence, officers, item] = await Promise.all([
    listEvidence(ctx.db, ctx.actor.tenantId, c.id),
    officersByIds(ctx.db, ctx.actor.tenantId, c.officer_ids),
    c.item_id ? getItem(ctx.db, ctx.actor.tenantId, c.item_id) : Promise.resolve(undefined),
  ]);
  const facts = caseFacts(c, { evidence, officers }, sys.calendar.current, on);
  return { c, evidence, officers, item, facts };
}

/** The case page for an actor: the record with the actions its roles may take now and why others are blocked. */
export async function caseView(sys: System, ctx: Ctx, id: string) {
  const t = ctx.clock.today();
  const l = await loadCase(sys, ctx, id, t);
  // Only someone who may act on cases is shown actions.
  const actions = ctx.actor.permissions.has('enforcement.case.act')
    ? actionsFor(rolesOnCase(ctx.actor.roles, l.c.org_kind === 'street'), l.c.stage as Stage, l.facts)
    : [];
  return presentCase(l.c, {
    cal: sys.calendar.current,
    today: t,
    evidence: l.evidence,
    officers: l.officers,
    item: l.item,
    actions,
    reviewReasons: l.facts.reviewReasons as string[],
    hearingRight: l.facts.hearingRightReasons,
  });
}

/**
 * Applies a workflow event to a case — the part every event shares: the case loaded in
 * the actor's scope, the matrix (role × stage × event: `EVENT_NOT_ALLOWED`), the version,
 * the guards with the event's date as 'today' (`STAGE_GATE`), the event's own command
 * (`CASE_EVENTS[event].apply`, pure), the look-ups it asks for (decision number,
 * evidence attachment), then the versioned update with its audit event and the
 * transition's effects. `{ id, event }`: the case and the event; `input` is the body the route
 * validated with the event's schema.
 */
export async function applyCaseEvent(sys: System, ctx: Ctx, { id, event }: { id: string; event: CaseEvent }, input: { version: number; on?: string | null }) {
  if (!Object.hasOwn(EVENTS, event)) throw errors.validation('event', `未知的办案环节：${event}`);
  const command = caseEventCommand(event);
  const today = ctx.clock.today();
  const pre = await loadCase(sys, ctx, id, today);
  const stage = pre.c.stage as Stage;
  const who = rolesOnCase(ctx.actor.roles, pre.c.org_kind === 'street');
  if (!transitionFor(who, stage, event)) throw errors.gate('EVENT_NOT_ALLOWED', `当前阶段“${pre.c.stage}”不能由您执行“${EVENTS[event]}”`);
  checkVersion(pre.c, input.version);
  const on = input.on === undefined || input.on === null || input.on === '' ? today : assertDate('on', '日期', input.on);
  const { c, evidence, item, facts } = on === today ? pre : await loadCase(sys, ctx, id, on);
  const t = requireTransition(caseWorkflow, who, { stage, event, facts, code: 'STAGE_GATE' });

  const street = c.org_kind === 'street';
  const reviewer = event === 'pass_review' || event === 'reject_review' ? await reviewerFacts(ctx, on) : undefined;
  const changes = command.apply({ c, on, evidenceCount: evidence.length, item, calendar: ctx.calendar, actor: ctx.actor, street, reviewer }, input);
  const set: Record<string, unknown> = { ...changes.set };
  const ev = changes.evidence;
  if (ev?.attachment_id && !(await attachmentOfCase(ctx.db, ctx.actor.tenantId, ev.attachment_id, c.id)))
    throw errors.validation('attachmentId', '附件不存在或不属于本案');
  if (t.to) set.stage = t.to;
  return write(ctx, async (w) => {
    let evidenceId: string | undefined;
    const { row } = await updateVersioned(w, {
      table: 'enf_case',
      tenantId: ctx.actor.tenantId,
      id: c.id,
      version: input.version,
      label: '案件',
      patch: async () => {
        // Numbered inside the write (the series' lock held until it commits): two decisions at once get two numbers.
        if (changes.decisionNo !== undefined) set.decision_no = await decisionNo({ ...ctx, db: w.tx }, c, on, changes.decisionNo);
        if (ev) evidenceId = await insertEvidence(w.tx, { tenant_id: ctx.actor.tenantId, org_id: c.org_id, case_id: c.id, ...ev });
        return set;
      },
      audit: {
        entity: 'enforcement.case',
        action: EVENT_VERBS[event],
        orgId: c.org_id,
        before: () => auditView(c),
        after: (row) => auditView(row),
        note: () => ({
          event: EVENTS[event],
          on,
          ...(ev ? { evidenceId, evidence: ev.title, attachmentId: ev.attachment_id } : {}),
          ...changes.note,
        }),
      },
      ifUnchanged: 'write',
    });
    const next = { ...(row as unknown as CaseRow), org_name: c.org_name, org_kind: c.org_kind, org_uscc: c.org_uscc } as CaseWithOrg;
    for (const effect of t.after ?? []) await runEffect(sys, w, effect, { c: next, on, reason: changes.reason ?? '' });
    return next;
  });
}

/** The signed-in reviewer's 法律职业资格 and earlier recorded reviews (行政处罚法第五十八条第二款). */
async function reviewerFacts(ctx: Ctx, on: string) {
  const userId = ctx.actor.userId;
  if (!userId) return { name: ctx.actor.name, qualification: null, earlierReviews: 0 };
  const [r, earlierReviews] = await Promise.all([
    legalReviewerOf(ctx.db, ctx.actor.tenantId, userId),
    earlierReviewsBy(ctx.db, ctx.actor.tenantId, { userId, on }),
  ]);
  const qualification = r?.qualification_no && r.qualified_on ? { no: r.qualification_no, on: r.qualified_on } : null;
  return { name: r?.name ?? ctx.actor.name, qualification, earlierReviews };
}

/** The decision number: the one given, or the next of the unit's series; unique in the tenant. */
async function decisionNo(ctx: Ctx, c: CaseWithOrg, on: string, given: string | null): Promise<string> {
  const year = on.slice(0, 4);
  const prefix = c.org_kind === 'street' ? `穗天${orgShort(c.org_name)}街罚〔${year}〕` : `穗天水罚〔${year}〕`;
  const no = given || `${prefix}${await nextSerial(ctx.db, ctx.actor.tenantId, { table: 'enf_case', column: 'decision_no', prefix })}号`;
  if (await decisionNoTaken(ctx.db, ctx.actor.tenantId, no, c.id)) throw errors.duplicate('decisionNo', `决定文书号“${no}”已被其他案件使用`);
  return no;
}

/** What the decided penalty says, in words (处罚内容). */
export function penaltyContent(c: { penalty_kinds: readonly string[]; fine_fen: number; confiscation_fen: number }): string {
  const parts = c.penalty_kinds.map((k) =>
    k === '罚款'
      ? `罚款人民币${fenToYuan(Number(c.fine_fen)).toFixed(2)}元`
      : k.startsWith('没收')
        ? `${k}人民币${fenToYuan(Number(c.confiscation_fen)).toFixed(2)}元`
        : k,
  );
  return parts.join('；') || '—';
}

/** Runs one of a transition's effects on the updated case `c`, dated `on` (`reason`: the event's, for a withdrawal). */
async function runEffect(sys: System, w: WriteScope, effect: Effect, { c, on, reason }: { c: CaseWithOrg; on: string; reason: string }) {
  const ctx = w.ctx;
  const source = { sourceEntity: 'enforcement.case', sourceId: c.id };
  switch (effect) {
    case 'track_deadlines':
      return trackCase(sys, w, ctx, c);
    case 'record_publication':
      return recordDecision(w, sys.calendar, publicationOf(c, c.org_name)).then(() => undefined);
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
