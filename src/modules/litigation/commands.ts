/**
 * The writes of the litigation module. One domain function per record kind: `saveCases` takes
 * a case as the form registers it (live) or as a ledger row records it (historical); each
 * workflow event is a command of events.ts applied by `applyCaseEvent`.
 */
import crypto from 'node:crypto';
import { Type, type Static } from '@fastify/type-provider-typebox';
import type { Actor, Ctx } from '../../core/context.js';
import { write, type WriteScope } from '../../core/audit/audit.js';
import type { TrackInput } from '../../core/calendar/service.js';
import type { System } from '../../core/system.js';
import { errors } from '../../core/errors.js';
import { OneOf, Opt, OptText } from '../../core/schemas.js';
import { withdrawDecisionIfRecorded } from '../publicity/index.js';
import type { RowError } from '../../core/ledger/ledger.js';
import type { WriteOrigin } from '../../core/ledger/ledger.js';
import { enforceRules } from '../../core/ledger/ledger.js';
import { idCardProblem } from '../../core/ledger/validators.js';
import { attempt, attemptLookup, saveChecked, type CheckedItem, type SaveResult } from '../../core/persist.js';
import { inScope, ownerOrgForCreate } from '../../core/scope.js';
import { ACT_LOOKUPS, actKindOfEntity } from './actRecords.js';
import { runWorkflowEvent } from '../../core/workflow/events.js';
import { encryptPii, piiIndex } from '../../core/crypto/pii.js';
import { assertDate, CASE_EVENTS, type CaseEventName } from './events.js';
import { caseFacts, statusOf } from './facts.js';
import { casesByNo, getCase, hearingsOf, hearingsOfCases, insertHearing, insertHearings, type CaseRow, type CaseWithOrg } from './repository.js';
import { appealDeadline, appealRule, hearingBreaches, outcomeDef, outcomesOf, replyBreaches, replyDeadline, replyRule } from './rules.js';
import {
  ACT_KINDS,
  APPELLANTS,
  CASE_KINDS,
  CLAIMANT_TYPES,
  HEAD_ROLES,
  INSTANCES,
  type ActKind,
  type CaseKind,
  type HeadRole,
  type Instance,
} from './schema.js';
import { caseWho, requireCaseStep } from './workflow.js';
import { caseAuditView } from './pii.js';

export const CASE_ENTITY = 'litigation.case';
type Sys = Pick<System, 'calendar' | 'registry'>;
/** What saving cases needs: the calendar, and the entity registry when a case links a record (a ledger links none). */
type SaveSys = Pick<System, 'calendar'> & Partial<Pick<System, 'registry'>>;

/** 收案登记 — the form's body. */
export const RegisterBody = Type.Object(
  {
    caseNo: Type.String({ maxLength: 100 }),
    kind: OneOf(CASE_KINDS),
    instance: Opt(OneOf(INSTANCES)),
    claimantType: OneOf(CLAIMANT_TYPES),
    claimantName: Type.String({ maxLength: 200 }),
    claimantIdNo: OptText(18),
    actKind: OneOf(ACT_KINDS),
    actTitle: Type.String({ maxLength: 500 }),
    actEntity: OptText(100),
    actRecordId: OptText(36),
    body: Type.String({ maxLength: 200 }),
    receivedOn: Type.String({ maxLength: 10 }),
    handler: OptText(50),
    agent: OptText(200),
    orgId: OptText(36),
  },
  { additionalProperties: false },
);
export type RegisterInput = Static<typeof RegisterBody>;

/** A case as a ledger row records it: the intake, plus what has happened since. */
export interface CaseSave extends RegisterInput {
  row?: number;
  replyFiledOn?: string | null;
  hearing?: { heldOn: string; headRole: HeadRole | null; headName: string | null; absenceReason: string | null } | null;
  firstOutcome?: string | null;
  firstOutcomeOn?: string | null;
  outcome?: string | null;
  outcomeOn?: string | null;
  servedOn?: string | null;
  actChanged?: boolean | null;
  appealedOn?: string | null;
  appellant?: string | null;
  rectification?: string | null;
  rectifiedOn?: string | null;
  closedOn?: string | null;
}

/** The ledger's headers of the fields (an import's row error names the column). */
export const CASE_COLUMNS: Record<string, string> = {
  caseNo: '案号',
  kind: '案件类别',
  instance: '审级',
  claimantType: '申请人（原告）类型',
  claimantName: '申请人（原告）',
  claimantIdNo: '身份证号码',
  actKind: '被申请（被诉）行为类别',
  actTitle: '被申请（被诉）行为',
  body: '复议机关（审理法院）',
  receivedOn: '收到副本日期',
  replyFiledOn: '答复（答辩）日期',
  heldOn: '开庭（听证）日期',
  headRole: '出庭负责人职务',
  headName: '出庭负责人',
  absenceReason: '负责人未出庭理由',
  firstOutcome: '一审结果',
  firstOutcomeOn: '一审审结日期',
  outcome: '审结结果',
  outcomeOn: '审结日期',
  servedOn: '送达日期',
  actChanged: '本局已改变原行为',
  appealedOn: '上诉日期',
  appellant: '上诉人',
  rectification: '整改情况',
  rectifiedOn: '整改日期',
  closedOn: '结案日期',
  orgId: '承办单位',
  handler: '承办人',
  agent: '委托代理人',
};

const str = (v: string | null | undefined) => (typeof v === 'string' ? v.trim() : '');
const optDate = (field: string, label: string, v: string | null | undefined) => (str(v) ? assertDate(field, label, v) : null);

/**
 * The record a case links to: a known entity of the running system, the one its kind of act names
 * (`ACT_LOOKUPS`: a 行政处罚 case links a penalty case, not a disclosure reply), and a record of it in
 * the caller's scope (one outside it is answered as not existing, as its page would be).
 */
async function checkLink(
  sys: SaveSys,
  w: WriteScope,
  s: { actKind?: string | null; actEntity?: string | null; actRecordId?: string | null },
): Promise<{ entity: string | null; id: string | null }> {
  const entity = str(s.actEntity) || null;
  const id = str(s.actRecordId) || null;
  if (!entity && !id) return { entity: null, id: null };
  if (!entity || !id) throw errors.validation(entity ? 'actRecordId' : 'actEntity', '关联记录须同时填写记录类别和记录编号');
  const def = sys.registry?.entities.get(entity);
  if (!def?.ownerOrg) throw errors.validation('actEntity', `未知的记录类别：${entity}`);
  const kind = actKindOfEntity(entity);
  const own = s.actKind ? ACT_LOOKUPS[s.actKind as ActKind]?.entity : undefined;
  if ((kind && s.actKind && kind !== s.actKind) || (own && own !== entity))
    throw errors.validation('actEntity', `关联的${def.label}与被申请（被诉）行为类别“${s.actKind}”不符`);
  const org = await def.ownerOrg(w.tx, w.ctx.actor.tenantId, id);
  if (!org || !inScope(w.ctx.actor, org)) throw errors.validation('actRecordId', '关联的记录不存在');
  return { entity, id };
}

/** Checks one case's fields: the values to store, or a 400 naming the field. */
function caseValues(s: CaseSave, cal: Ctx['calendar']) {
  const caseNo = str(s.caseNo);
  if (!caseNo) throw errors.validation('caseNo', '案号不能为空');
  if (!(CASE_KINDS as readonly string[]).includes(s.kind)) throw errors.validation('kind', `案件类别应为：${CASE_KINDS.join('、')}`);
  const kind = s.kind as CaseKind;
  const instance: Instance | null = kind === '复议' ? null : ((s.instance ?? '一审') as Instance);
  if (kind === '复议' && s.instance) throw errors.validation('instance', '行政复议案件没有审级');
  if (instance && !(INSTANCES as readonly string[]).includes(instance)) throw errors.validation('instance', '审级应为一审或二审');
  const name = str(s.claimantName);
  if (!name) throw errors.validation('claimantName', '申请人（原告）不能为空');
  const idNo = str(s.claimantIdNo).toUpperCase() || null;
  if (idNo) {
    if (s.claimantType !== '自然人') throw errors.validation('claimantIdNo', '只有自然人填写身份证号码');
    const p = idCardProblem(idNo);
    if (p) throw errors.validation('claimantIdNo', p);
  }
  const actTitle = str(s.actTitle);
  if (!actTitle) throw errors.validation('actTitle', '被申请（被诉）行为不能为空');
  const body = str(s.body);
  if (!body) throw errors.validation('body', kind === '复议' ? '复议机关不能为空' : '审理法院不能为空');
  const receivedOn = assertDate('receivedOn', '收到副本日期', s.receivedOn);
  const replyFiledOn = optDate('replyFiledOn', '答复（答辩）日期', s.replyFiledOn);
  const outcome = str(s.outcome) || null;
  if (outcome && !outcomeDef(kind, outcome)) throw errors.validation('outcome', `审结结果应为：${Object.keys(outcomesOf(kind)).join('、')}`);
  const outcomeOn = optDate('outcomeOn', '审结日期', s.outcomeOn);
  if (!!outcome !== !!outcomeOn) throw errors.validation(outcome ? 'outcomeOn' : 'outcome', '审结结果与审结日期须同时填写');
  const firstOutcome = str(s.firstOutcome) || null;
  const firstOutcomeOn = optDate('firstOutcomeOn', '一审审结日期', s.firstOutcomeOn);
  const appealedOn = optDate('appealedOn', '上诉日期', s.appealedOn);
  if (instance === '二审') {
    if (!firstOutcome || !outcomeDef(kind, firstOutcome) || !firstOutcomeOn || !appealedOn)
      throw errors.validation('firstOutcome', '二审案件须填写一审结果、一审审结日期和上诉日期');
  } else if (firstOutcome || appealedOn) throw errors.validation(firstOutcome ? 'firstOutcome' : 'appealedOn', '一审结果、上诉日期只用于二审案件');
  const appellant = str(s.appellant) || null;
  if (appellant && !(APPELLANTS as readonly string[]).includes(appellant)) throw errors.validation('appellant', '上诉人应为本局或对方当事人');
  const servedOn = optDate('servedOn', '送达日期', s.servedOn);
  if (servedOn && !outcome) throw errors.validation('servedOn', '送达日期须与审结结果一并填写');
  const actChanged = s.actChanged === true;
  if (actChanged && outcome && outcomeDef(kind, outcome)!.counts !== 'if_changed')
    throw errors.validation('actChanged', '“本局已改变原行为”只适用于调解、撤诉、终止');
  const closedOn = optDate('closedOn', '结案日期', s.closedOn);
  if (closedOn && !outcome) throw errors.validation('closedOn', '结案须先登记审结结果');
  const rectifiedOn = optDate('rectifiedOn', '整改日期', s.rectifiedOn);
  if (!!str(s.rectification) !== !!rectifiedOn) throw errors.validation(rectifiedOn ? 'rectification' : 'rectifiedOn', '整改情况与整改日期须同时填写');
  if (s.hearing) {
    assertDate('heldOn', '开庭（听证）日期', s.hearing.heldOn);
    if (s.hearing.headRole && !(HEAD_ROLES as readonly string[]).includes(s.hearing.headRole))
      throw errors.validation('headRole', `负责人职务应为：${HEAD_ROLES.join('、')}`);
  }
  const firstServed = instance === '二审' ? null : servedOn;
  return {
    case_no: caseNo,
    kind,
    instance,
    claimant_type: s.claimantType,
    claimant_name: name,
    idNo,
    act_kind: s.actKind,
    act_title: actTitle,
    body,
    received_on: receivedOn,
    reply_due_on: replyDeadline(kind, receivedOn, cal).due,
    reply_filed_on: replyFiledOn,
    outcome,
    outcome_on: outcomeOn,
    outcome_served_on: servedOn,
    outcome_act_changed: actChanged,
    first_outcome: instance === '二审' ? firstOutcome : null,
    first_outcome_on: instance === '二审' ? firstOutcomeOn : null,
    appealed_on: appealedOn,
    appellant,
    appeal_due_on:
      instance === '二审' ? null : outcome && firstServed ? (appealDeadline({ kind, instance, outcome, servedOn: firstServed }, cal)?.due ?? null) : null,
    handler: str(s.handler) || null,
    agent: str(s.agent) || null,
    rectification: str(s.rectification) || null,
    rectified_on: rectifiedOn,
    closed_on: closedOn,
    status: statusOf({ replyFiledOn, hearingOn: s.hearing?.heldOn ?? null, outcome, appealedOn, closedOn }),
  };
}

/** The deadlines a case's state tracks: the reply and, once a first-instance outcome is served, the appeal window. */
export function caseTracks(
  r: Pick<
    CaseRow,
    | 'case_no'
    | 'id'
    | 'org_id'
    | 'kind'
    | 'instance'
    | 'received_on'
    | 'reply_filed_on'
    | 'appeal_due_on'
    | 'first_outcome'
    | 'outcome'
    | 'outcome_served_on'
    | 'first_outcome_served_on'
    | 'appealed_on'
    | 'closed_on'
  >,
): TrackInput[] {
  const base = { module: 'litigation', entity: CASE_ENTITY, entityId: r.id, orgId: r.org_id, label: r.case_no };
  const rule = replyRule(r.kind);
  const out: TrackInput[] = [{ ...base, title: rule.label, rule, start: r.received_on, doneOn: r.reply_filed_on }];
  const firstOutcome = r.instance === '二审' ? r.first_outcome : r.outcome;
  const served = r.instance === '二审' ? r.first_outcome_served_on : r.outcome_served_on;
  const appeal = firstOutcome ? appealRule({ kind: r.kind, instance: '一审', outcome: firstOutcome }) : null;
  if (appeal && served && r.kind === '诉讼')
    out.push({ ...base, title: '上诉期限', rule: appeal, start: served, doneOn: r.appealed_on ?? r.closed_on ?? null });
  return out;
}

/**
 * Saves cases: the form registers one (live: one audit event; a broken rule refuses it), a
 * ledger many (historical: provenance, a broken rule a finding). New 案号 are created, known
 * ones updated. Tracks the reply and appeal deadlines of each.
 */
export async function saveCases(sys: SaveSys, w: WriteScope, inputs: ReadonlyArray<CaseSave>, origin: WriteOrigin): Promise<SaveResult> {
  const ctx = w.ctx;
  const actor: Actor = ctx.actor;
  const errs: RowError[] = [];
  const existing = new Map(
    (
      await casesByNo(
        w.tx,
        actor.tenantId,
        inputs.map((i) => str(i.caseNo)),
      )
    ).map((r) => [r.case_no, r]),
  );
  const items: Array<CheckedItem & { hearing?: CaseSave['hearing'] }> = [];
  for (const s of inputs) {
    const v = attempt(origin, { row: s.row, columns: CASE_COLUMNS, errs }, () => caseValues(s, ctx.calendar));
    if (!v) continue;
    const old = existing.get(v.case_no);
    if (old && origin.mode === 'live') throw errors.duplicate('caseNo', `案号“${v.case_no}”已登记`);
    // A row that says nothing of the link (a ledger has no such column) keeps the stored one.
    const link = await attemptLookup(origin, errs, { row: s.row, column: '关联记录' }, async () =>
      old && s.actEntity === undefined && s.actRecordId === undefined ? { entity: old.act_entity, id: old.act_record_id } : checkLink(sys, w, s),
    );
    if (!link) continue;
    const orgId =
      old?.org_id ??
      (await attemptLookup(origin, errs, { row: s.row, column: '承办单位' }, () => ownerOrgForCreate({ db: w.tx, actor }, str(s.orgId) || null, '承办单位')));
    if (!orgId) continue;
    const { idNo, ...cols } = v;
    // An unchanged identifier keeps its ciphertext (a re-import changes nothing).
    const sameId = old && old.claimant_id_index === piiIndex(idNo);
    const values = {
      org_id: orgId,
      ...cols,
      act_entity: link.entity,
      act_record_id: link.id,
      claimant_id_no: sameId ? old.claimant_id_no : encryptPii(idNo),
      claimant_id_index: piiIndex(idNo),
      // The first instance's service date is not a ledger column: kept, with the appeal window it opened (as the live path keeps it).
      ...(old?.first_outcome_served_on
        ? {
            first_outcome_served_on: old.first_outcome_served_on,
            ...(v.instance === '二审' && v.first_outcome
              ? {
                  appeal_due_on:
                    appealDeadline({ kind: v.kind, instance: '一审', outcome: v.first_outcome, servedOn: old.first_outcome_served_on }, ctx.calendar)?.due ??
                    null,
                }
              : {}),
          }
        : {}),
    };
    // Rules a past record can break: reported as findings (a live registration has no reply or hearing yet).
    const breaches = [
      ...replyBreaches({ kind: v.kind, replyFiledOn: v.reply_filed_on, replyDueOn: v.reply_due_on }),
      ...(s.hearing ? hearingBreaches(v.kind, s.hearing) : []),
    ];
    enforceRules(origin, breaches);
    items.push({ row: s.row, old, values, hearing: s.hearing, breaches });
  }
  return saveChecked<CaseRow>(sys, w, origin, {
    table: 'lit_case',
    entity: CASE_ENTITY,
    items,
    errs,
    view: caseAuditView,
    tracks: caseTracks,
    written: (rows) =>
      insertLedgerHearings(
        w,
        origin,
        rows,
        items.map((it) => it.hearing),
      ),
  });
}

/** One hearing per ledger row: added when the case has none on that date. */
async function insertLedgerHearings(w: WriteScope, origin: WriteOrigin, rows: readonly CaseRow[], hearings: ReadonlyArray<CaseSave['hearing']>): Promise<void> {
  const tenantId = w.ctx.actor.tenantId;
  const known = await hearingsOfCases(
    w.tx,
    tenantId,
    rows.map((r) => r.id),
  );
  const hearingRows: Array<Record<string, unknown>> = [];
  rows.forEach((r, i) => {
    const h = hearings[i];
    if (!h || known.some((k) => k.case_id === r.id && k.held_on === h.heldOn)) return;
    hearingRows.push({
      tenant_id: tenantId,
      id: crypto.randomUUID(),
      org_id: r.org_id,
      case_id: r.id,
      instance: r.instance === '二审' && r.appealed_on && h.heldOn >= r.appealed_on ? '二审' : r.instance,
      held_on: h.heldOn,
      head_role: h.headRole,
      head_name: h.headName,
      absence_reason: h.headRole ? null : (h.absenceReason ?? '未说明'),
      note: null,
      import_id: origin.mode === 'historical' ? origin.imp.importId : null,
    });
  });
  await insertHearings(w.tx, hearingRows);
}

/** 收案登记 (audit `litigation.case.created`): the reply or defence clock starts. */
export async function registerCase(ctx: Ctx, sys: Sys, input: RegisterInput): Promise<CaseWithOrg> {
  return write(ctx, async (w) => {
    const r = await saveCases(sys, w, [input], { mode: 'live' });
    return (await getCase(w.tx, ctx, r.ids[0]!))!;
  });
}

/**
 * One workflow event on a case: loads it in scope, checks the version and that the workflow
 * allows the event now (the guards read the event's date), applies the event's pure changes with
 * the stage it leads to, audits `litigation.case.<event>`, re-tracks the deadlines (the kernel's
 * `runWorkflowEvent`), then records a hearing and withdraws a publication where the event says so.
 */
export async function applyCaseEvent(
  ctx: Ctx,
  sys: Sys,
  input: { id: string; event: CaseEventName; body: Record<string, unknown> & { version: number; on: string } },
): Promise<CaseWithOrg> {
  const { id, event, body } = input;
  const cmd = CASE_EVENTS[event];
  return runWorkflowEvent<CaseWithOrg, ReturnType<typeof cmd.apply>>(ctx, sys, {
    table: 'lit_case',
    id,
    body,
    label: '案件',
    load: (w) => getCase(w.tx, ctx, id),
    step: (c, on) => requireCaseStep(caseWho(ctx.actor), c.status, event, caseFacts(c, on)),
    // biome-ignore lint/suspicious/noExplicitAny: each event's input type is checked by its own TypeBox schema at the route
    apply: (c, on) => cmd.apply({ c, on, calendar: ctx.calendar }, body as any),
    audit: { entity: CASE_ENTITY, action: event, view: (r, patch) => caseAuditView(r as CaseRow, Object.keys(patch)) },
    tracks: (r) => caseTracks(r as CaseRow),
    async after(w, row, { hearing }) {
      if (hearing) {
        const h = await insertHearing(w.tx, { tenant_id: ctx.actor.tenantId, org_id: row.org_id, case_id: id, instance: row.instance, ...hearing });
        await w.audit({ entity: CASE_ENTITY, entityId: id, action: 'hearing_recorded', orgId: row.org_id, note: { hearingId: h.id, ...hearing } });
      }
      if (event === 'rectify') await withdrawPublication(w, ctx.actor, row as CaseRow);
    },
  });
}

/** Outcomes after which a published penalty decision is withdrawn (行政处罚法 art. 48(2)). */
const WITHDRAWING_OUTCOMES: readonly string[] = ['撤销', '变更', '确认违法', '确认无效'];

/**
 * 行政处罚法第四十八条第二款: a published penalty decision that was changed, revoked, found unlawful or void
 * is withdrawn from the public page with the reason. When the bureau records its rectification of such an
 * outcome on a challenged penalty case, the case's 双公示 publication is withdrawn on that date in the same
 * transaction; a decision never recorded, or already withdrawn, is left as it is.
 */
async function withdrawPublication(w: WriteScope, actor: Actor, c: CaseRow): Promise<void> {
  if (c.act_entity !== 'enforcement.case' || !c.act_record_id || !c.outcome || !WITHDRAWING_OUTCOMES.includes(c.outcome)) return;
  const reason = `${c.body}${outcomeDef(c.kind, c.outcome)?.label ?? c.outcome}（${c.case_no}），依行政处罚法第四十八条第二款撤回`;
  await withdrawDecisionIfRecorded(w, actor, { sourceEntity: c.act_entity, sourceId: c.act_record_id, withdrawnOn: c.rectified_on!, reason });
}

export { hearingsOf };
