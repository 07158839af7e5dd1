/**
 * Penalty case commands: 立案 (fileCase) and every workflow event (applyCaseEvent).
 * Each write runs through `write(ctx, …)` with an audit event `enforcement.case.<verb>`;
 * the workflow matrix decides whether the actor may do it now.
 */
import crypto from 'node:crypto';
import { sql, type Selectable } from 'kysely';
import type { Actor, Ctx } from '../../../core/context.js';
import type { System } from '../../../core/system.js';
import { canonicalJson, write, type AuditInput, type WriteScope } from '../../../core/audit/audit.js';
import { type AppError, errors } from '../../../core/errors.js';
import { checkVersion, updateVersioned } from '../../../core/versioned.js';
import { ownerOrgForCreate } from '../../../core/scope.js';
import { isoDateInShanghai, type WorkCalendar } from '../../../core/calendar/calendar.js';
import type { TrackInput } from '../../../core/calendar/service.js';
import { insertMany, updateMany } from '../../../core/db/bulk.js';
import { enforceRules, type Finding, type RowError, type WriteOrigin } from '../../../core/ledger/ledger.js';
import { fenToYuan } from '../../../core/metrics/registry.js';
import { idCardProblem, usccProblem } from '../../../core/ledger/validators.js';
import { recordDecision, recordDecisions, publishDecision, withdrawDecision, type DecisionInput } from '../../publicity/index.js';
import { enf, getCase, getItem, listEvidence, nextSerial, officersByIds, type CaseWithOrg } from '../repository.js';
import { caseFacts } from '../facts.js';
import { maskedId, openId, sealId } from '../pii.js';
import { actionsFor, EVENTS, rolesOnCase, transitionFor, type CaseEvent, type Effect, type Stage } from '../workflow.js';
import { caseDeadlines, RULES } from '../deadlines.js';
import { deadlineFacts, presentCase, type CaseDeadlineRow } from '../presenters.js';
import {
  assertDate,
  CASE_SOURCES,
  decisionBreaches,
  DEFAULT_EXTENSION_DAYS,
  discretionCheck,
  earliestHearingDate,
  EVIDENCE_KINDS,
  filingBreaches,
  lateCharge,
  PARTY_TYPES,
  PENALTY_KINDS,
  REVIEW_CHECKLIST,
  summaryProcedureProblems,
  type CaseSource,
  type DecisionFacts,
  type FilingFacts,
  type PartyType,
} from '../rules.js';
import type { DiscretionLevel, EnfTables } from '../schema.js';
import { computeDeadline } from '../../../core/calendar/deadline.js';

export const today = () => isoDateInShanghai(new Date());

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
]);
const auditView = (c: Record<string, any>) => Object.fromEntries(Object.entries(c).filter(([k]) => !HIDDEN.has(k)));
/** A new case's audit view: only the fields it was filed with. */
const filedView = (c: Record<string, any>) =>
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
    const { saved } = await saveCases(sys, w, ctx.actor, [{ ...input, orgId, officerIds: input.officerIds ?? [] }], { mode: 'live' });
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
export function caseTracks(cal: WorkCalendar, c: CaseDeadlineRow & { id: string; org_id: string; extension_reason: string | null }): TrackInput[] {
  const out: TrackInput[] = [];
  for (const d of caseDeadlines(deadlineFacts(c), cal, today())) {
    if (d.key !== 'decision' && d.key !== 'payment') continue;
    const extensions =
      d.key === 'decision' && c.extension_days
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
    });
  }
  return out;
}

/** Registers the case's deadlines with the kernel (90-day decision, payment); closed ones are marked done. */
export async function trackCase(sys: Pick<System, 'calendar'>, w: WriteScope, ctx: Pick<Ctx, 'actor'>, c: CaseRow) {
  await sys.calendar.trackMany(w, ctx.actor, caseTracks(sys.calendar.current, c));
}

/** The decision rules' facts of a stored case row (its terms computed by deadlines.ts). */
function decisionFacts(c: CaseRow, cal: WorkCalendar): DecisionFacts {
  const ds = caseDeadlines(deadlineFacts(c), cal, today());
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
  actor: Actor,
  records: readonly CaseRecord[],
  origin: WriteOrigin,
): Promise<{ saved: SavedCase[]; errors: RowError[] }> {
  const live = origin.mode === 'live';
  const tenantId = actor.tenantId;
  const cal = sys.calendar.current;
  const db = enf(w.tx);
  const rowErrors: RowError[] = [];
  /** Live: the error as the form gives it; historical: a row error naming the column. */
  const fail = (x: CaseRecord, e: AppError, column: string, value?: string | null) => {
    if (live) throw e;
    rowErrors.push({ row: x.row ?? 0, column, message: e.message, ...(value ? { value } : {}) });
  };
  const ids = (f: (x: CaseRecord) => readonly (string | null | undefined)[]) => [...new Set(records.flatMap(f).filter((v): v is string => !!v))];
  const [orgs, officers, items, existing] = await Promise.all([
    w.tx
      .selectFrom('org')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where(sql<boolean>`id = ANY(${sql.val(ids((x) => [x.orgId]))}::uuid[])`)
      .execute(),
    db
      .selectFrom('enf_officer')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where(sql<boolean>`id = ANY(${sql.val(ids((x) => x.officerIds))}::uuid[])`)
      .execute(),
    db
      .selectFrom('enf_item')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where(sql<boolean>`id = ANY(${sql.val(ids((x) => [x.itemId]))}::uuid[])`)
      .execute(),
    db
      .selectFrom('enf_case')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where(sql<boolean>`case_no = ANY(${sql.val(ids((x) => [x.caseNo?.trim()]))}::text[])`)
      .execute(),
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
    };
    if (!old) {
      creates.push({ x, orgName: org.name, values: { ...values, proposed_kinds: kinds, case_no: caseNo } });
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

  // Live 立案 without a number: the next one of the unit's series.
  for (const c of creates) {
    if (c.values.case_no) continue;
    const org = orgById.get(c.x.orgId)!;
    const year = c.x.filedOn.slice(0, 4);
    const prefix = org.kind === 'street' ? `天${orgShort(org.name)}街执水立〔${year}〕` : `天水执立〔${year}〕`;
    c.values.case_no = `${prefix}${await nextSerial(w.tx, tenantId, 'enf_case', 'case_no', prefix)}号`;
    const dup = await db
      .selectFrom('enf_case')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('case_no', '=', String(c.values.case_no))
      .executeTakeFirst();
    if (dup) throw errors.duplicate('caseNo', `案件编号“${String(c.values.case_no)}”已存在`);
  }
  // A clue filed as a case (立案 from a clue): checked before anything is written.
  const clues = new Map<string, Selectable<EnfTables['enf_clue']>>();
  for (const c of creates) {
    if (!c.x.clueId) continue;
    const clue = await db.selectFrom('enf_clue').selectAll().where('tenant_id', '=', tenantId).where('id', '=', c.x.clueId).executeTakeFirst();
    if (!clue || (!actor.scope.all && !actor.scope.orgIds.includes(clue.org_id))) throw errors.validation('clueId', '线索不存在或无权访问');
    if (clue.status === 'case' || clue.status === 'closed') throw errors.gate('CLUE_DONE', '该线索已立案或已办结');
    if (clue.status === 'transferred') throw errors.gate('CLUE_NOT_RECEIVED', '移送的线索须先签收');
    clues.set(c.x.clueId, clue);
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
  const rows = new Map(
    touchedIds.length
      ? (
          await db
            .selectFrom('enf_case')
            .selectAll()
            .where('tenant_id', '=', tenantId)
            .where(sql<boolean>`id = ANY(${sql.val(touchedIds)}::uuid[])`)
            .execute()
        ).map((r) => [r.id, r])
      : [],
  );

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
      for (const b of decisionBreaches(decisionFacts(row, cal)))
        findings.push({ ...b, row: c.x.row ?? 0, entity: 'enforcement.case', entityId: row.id, orgId: row.org_id });
    } else {
      audits.push({
        entity: 'enforcement.case',
        entityId: row.id,
        action: 'filed',
        orgId: row.org_id,
        after: { ...filedView(row), party_id_no: maskedId(c.x.partyIdNo, c.x.partyType) },
        note: { stage: '调查取证', ...(origin.via ? { via: origin.via } : {}) },
      });
      const clue = c.x.clueId ? clues.get(c.x.clueId) : undefined;
      if (clue) {
        audits.push({
          entity: 'enforcement.clue',
          entityId: clue.id,
          action: 'filed_as_case',
          orgId: clue.org_id,
          before: { status: clue.status },
          after: { status: 'case', case_id: row.id },
          note: { caseNo: row.case_no },
        });
      }
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
      for (const b of decisionBreaches(decisionFacts(row, cal)))
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
  for (const c of creates) {
    const clue = c.x.clueId ? clues.get(c.x.clueId) : undefined;
    if (!clue) continue;
    const caseId = saved.find((s) => s.row.case_no === c.values.case_no)!.id;
    const moved = await db
      .updateTable('enf_clue')
      .set({ status: 'case', case_id: caseId, version: clue.version + 1, updated_at: new Date() })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', clue.id)
      .where('version', '=', clue.version)
      .executeTakeFirst();
    // Someone changed the clue since it was read (filed it, closed it): this filing is refused whole.
    if (!Number(moved.numUpdatedRows)) throw errors.conflict('该线索已被他人处理，请刷新后重试');
  }
  // After the clues' updates: each event records its record's state after the change.
  if (audits.length) await w.auditMany(audits);
  // The tracked deadlines a case at this stage has through the workflow: decision term, payment term…
  await sys.calendar.trackMany(
    w,
    actor,
    [...rows.values()].flatMap((r) => caseTracks(cal, r)),
  );
  // …and for a decided case its 双公示 entry with the publication term (publicity module).
  await recordDecisions(
    w,
    actor,
    sys.calendar,
    publish.map((p) => publicationOf(p.row, p.orgName)),
    { audit: origin.mode !== 'historical' },
  );
  return { saved, errors: [] };
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
  const actions = actionsFor(rolesOnCase(ctx.actor.roles, l.c.org_kind === 'street'), l.c.stage as Stage, l.facts).filter((a) =>
    ctx.actor.permissions.has('enforcement.case.act'),
  );
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

type Payload = Record<string, unknown>;
const str = (p: Payload, k: string) => (typeof p[k] === 'string' ? (p[k] as string).trim() : '');
const need = (p: Payload, k: string, label: string) => {
  const v = str(p, k);
  if (!v) throw errors.validation(k, `${label}不能为空`);
  return v;
};
const dateOr = (p: Payload, k: string, label: string, fallback: string) =>
  p[k] === undefined || p[k] === null || p[k] === '' ? fallback : assertDate(k, label, p[k]);
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
  checkVersion(pre.c, version);
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
      evidenceRow = {
        kind,
        title: need(p, 'title', '证据名称'),
        collected_on: collectedOn,
        note: str(p, 'note') || null,
        attachment_id: str(p, 'attachmentId') || null,
      };
      if (evidenceRow.attachment_id) {
        const a = await ctx.db
          .selectFrom('attachment')
          .select(['id', 'entity', 'entity_id'])
          .where('tenant_id', '=', ctx.actor.tenantId)
          .where('id', '=', String(evidenceRow.attachment_id))
          .executeTakeFirst();
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
      if (kinds.includes('罚款') !== fine > 0)
        throw errors.validation('fineYuan', kinds.includes('罚款') ? '选择了罚款，请填写罚款金额' : '未选择“罚款”，罚款金额应为0');
      const level = str(p, 'circumstance') || null;
      const firstViolation = p.firstViolation === true;
      // 违法所得 / 货值金额: given with the proposal (or kept from an earlier one) for levels set as a multiple of it.
      const baseFen = p.baseYuan === undefined || p.baseYuan === null || p.baseYuan === '' ? storedBase(c) : yuanToFen(p, 'baseYuan', '违法所得或货值金额');
      const d = discretionCheck(levels, { level, fineFen: fine, firstViolation, kinds, baseFen, text: item?.discretion_text });
      if (d.problems.length) throw errors.validation(d.range ? 'fineYuan' : 'circumstance', d.problems.join('；'));
      if (d.notices.length) note.discretionNotices = d.notices;
      Object.assign(set, {
        proposed_kinds: kinds,
        proposed_fine_fen: fine,
        proposed_confiscation_fen: conf,
        circumstance: level,
        first_violation: firstViolation,
        discretion_base_fen: baseFen,
      });
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
        procedure: 'summary',
        proposed_kinds: kinds,
        proposed_fine_fen: fine,
        proposed_confiscation_fen: 0,
        penalty_kinds: kinds,
        fine_fen: fine,
        confiscation_fen: 0,
        decided_on: on,
        decision_no: await decisionNo(ctx, c, on, p),
        decision_facts: need(p, 'facts', '违法事实'),
        decision_basis: need(p, 'basis', '处罚依据'),
        notified_on: on,
        rights_waived: true,
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
      if (event === 'pass_review' && failed.length)
        throw errors.validation('checklist', `审核意见为“同意”时，审核要点须全部符合；未勾选：${failed.map((i) => i.label).join('、')}`);
      const opinion = event === 'reject_review' ? need(p, 'opinion', '审核意见（存在的问题）') : str(p, 'opinion') || '同意';
      Object.assign(set, {
        review_on: on,
        review_result: event === 'pass_review' ? '同意' : '存在问题',
        review_opinion: opinion,
        review_checklist: JSON.stringify(result),
      });
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
      if (kinds.includes('罚款') !== fine > 0)
        throw errors.validation('fineYuan', kinds.includes('罚款') ? '选择了罚款，请填写罚款金额' : '未选择“罚款”，罚款金额应为0');
      // A heavier penalty than the one notified needs a new notice (行政处罚法第四十四条).
      if (fine + conf > Number(c.proposed_fine_fen ?? 0) + Number(c.proposed_confiscation_fen ?? 0))
        throw errors.gate('NOTICE_REQUIRED', '决定的罚没金额高于告知的拟处罚金额，须重新告知（行政处罚法第四十四条）');
      const d = discretionCheck(levels, {
        level: c.circumstance,
        fineFen: fine,
        firstViolation: c.first_violation,
        kinds,
        baseFen: storedBase(c),
        text: item?.discretion_text,
      });
      if (d.problems.length) throw errors.validation('fineYuan', d.problems.join('；'));
      if (d.notices.length) note.discretionNotices = d.notices;
      Object.assign(set, {
        penalty_kinds: kinds,
        fine_fen: fine,
        confiscation_fen: conf,
        decided_on: on,
        decision_no: await decisionNo(ctx, c, on, p),
        decision_facts: need(p, 'facts', '违法事实和证据'),
        decision_basis: need(p, 'basis', '处罚依据'),
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
    let evidenceId: string | undefined;
    const { row } = await updateVersioned(w, {
      table: 'enf_case',
      tenantId: ctx.actor.tenantId,
      id: c.id,
      version,
      label: '案件',
      patch: async () => {
        if (evidenceRow) {
          const e = await enf(w.tx)
            .insertInto('enf_evidence')
            .values({ tenant_id: ctx.actor.tenantId, org_id: c.org_id, case_id: c.id, ...(evidenceRow as any) })
            .returning('id')
            .executeTakeFirstOrThrow();
          evidenceId = e.id;
        }
        return set;
      },
      audit: {
        entity: 'enforcement.case',
        action: EVENT_VERBS[event],
        orgId: c.org_id,
        before: () => auditView(c),
        after: (row) => auditView(row as any),
        note: () => ({
          event: EVENTS[event],
          on,
          ...(evidenceRow ? { evidenceId, evidence: evidenceRow.title, attachmentId: evidenceRow.attachment_id } : {}),
          ...note,
        }),
      },
      ifUnchanged: 'write',
    });
    const next = { ...row, org_name: c.org_name, org_kind: c.org_kind, org_uscc: c.org_uscc } as CaseWithOrg;
    for (const effect of t.after ?? []) await runEffect(sys, w, ctx, effect, next, on, str(p, 'reason'));
    return next;
  });
}

/** The case's 违法所得 / 货值金额 (fen) as given with the proposal; null when none was given. */
const storedBase = (c: { discretion_base_fen: number | string | null }): number | null =>
  c.discretion_base_fen == null ? null : Number(c.discretion_base_fen);

async function decisionNo(ctx: Ctx, c: CaseWithOrg, on: string, p: Payload): Promise<string> {
  const given = str(p, 'decisionNo');
  const year = on.slice(0, 4);
  const prefix = c.org_kind === 'street' ? `穗天${orgShort(c.org_name)}街罚〔${year}〕` : `穗天水罚〔${year}〕`;
  const no = given || `${prefix}${await nextSerial(ctx.db, ctx.actor.tenantId, 'enf_case', 'decision_no', prefix)}号`;
  const dup = await enf(ctx.db)
    .selectFrom('enf_case')
    .select('id')
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('decision_no', '=', no)
    .where('id', '!=', c.id)
    .executeTakeFirst();
  if (dup) throw errors.duplicate('decisionNo', `决定文书号“${no}”已被其他案件使用`);
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

async function runEffect(sys: System, w: WriteScope, ctx: Ctx, effect: Effect, c: CaseWithOrg, on: string, reason: string) {
  const source = { sourceEntity: 'enforcement.case', sourceId: c.id };
  switch (effect) {
    case 'track_deadlines':
      return trackCase(sys, w, ctx, c);
    case 'record_publication':
      return recordDecision(w, ctx.actor, sys.calendar, publicationOf(c, c.org_name)).then(() => undefined);
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
