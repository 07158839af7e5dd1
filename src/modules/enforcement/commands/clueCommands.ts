/**
 * 案件线索 — clues from patrols, 12345, petitions, reports, river-chief patrols and
 * transfers; 移送交办 between the bureau and a street with receipt, feedback and a
 * due date; a clue becomes a case (fileCase) or is closed with a reason.
 */
import type { Ctx } from '../../../core/context.js';
import type { System } from '../../../core/system.js';
import { write } from '../../../core/audit/audit.js';
import { errors } from '../../../core/errors.js';
import { checkVersion, updateVersioned } from '../../../core/versioned.js';
import type { WriteScope } from '../../../core/audit/audit.js';
import type { AnyRow } from '../../../core/persist.js';
import { ownerOrgForCreate } from '../../../core/scope.js';
import { computeDeadline } from '../../../core/calendar/deadline.js';
import { getClue, insertClue, nextSerial, orgById } from '../repository.js';
import { assertDate, CASE_SOURCES } from '../rules.js';
import { limitationDateProblems } from '../limitation.js';
import { RULES } from '../deadlines.js';
import { handlesOrg } from '../presenters.js';
import { clueFacts, clueWho, clueWorkflow, type ClueEvent, type ClueStage } from '../clueWorkflow.js';
import { requireTransition } from '../../../core/workflow/index.js';
import { isoDateInShanghai } from '../../../core/calendar/calendar.js';
// The hotline module's public functions (its index), never its internals.
import { listClueRequests, markClueRequestConsumed } from '../../hotline/index.js';

export interface ClueInput {
  /** 办理单位; absent: the actor's own (see `ownerOrgForCreate`). */
  orgId?: string | null;
  source: string;
  sourceRef?: string | null;
  receivedOn: string;
  summary: string;
  location?: string | null;
  partyName?: string | null;
  /** 住所/地址 of the party (行政处罚法第五十九条). */
  partyAddress?: string | null;
  /** 追责时效 (行政处罚法第三十六条): the violation's date, its end, the 5-year period; checked when the clue is filed as a case. */
  violationOn?: string | null;
  violationEndedOn?: string | null;
  limitationSerious?: boolean | null;
}

/** Registers a clue (audit `enforcement.clue.created`). `source_ref` holds e.g. the 12345 order number. */
export async function createClue(ctx: Ctx, input: ClueInput) {
  if (!(CASE_SOURCES as readonly string[]).includes(input.source)) throw errors.validation('source', `线索来源应为${CASE_SOURCES.join('/')}`);
  assertDate('receivedOn', '收到日期', input.receivedOn);
  if (!input.summary?.trim()) throw errors.validation('summary', '线索内容不能为空');
  if (input.violationOn) assertDate('violationOn', '违法行为发生日期', input.violationOn);
  if (input.violationEndedOn) assertDate('violationEndedOn', '违法行为终了日期', input.violationEndedOn);
  // The clue's received date is the day the bureau discovered the violation (行政处罚法第三十六条).
  for (const [field, message] of limitationDateProblems({ ...input, discoveredOn: input.receivedOn, discoveredAs: '线索受理日期' }))
    throw errors.validation(field, message);
  const orgId = await ownerOrgForCreate(ctx, input.orgId, '办理单位');
  return write(ctx, async ({ tx, audit }) => {
    const prefix = `XS${input.receivedOn.slice(0, 4)}-`;
    const no = `${prefix}${String(await nextSerial(tx, ctx.actor.tenantId, { table: 'enf_clue', column: 'clue_no', prefix })).padStart(4, '0')}`;
    const row = await insertClue(tx, {
      tenant_id: ctx.actor.tenantId,
      org_id: orgId,
      clue_no: no,
      source: input.source,
      source_ref: input.sourceRef?.trim() || null,
      received_on: input.receivedOn,
      summary: input.summary.trim(),
      location: input.location?.trim() || null,
      party_name: input.partyName?.trim() || null,
      party_address: input.partyAddress?.trim() || null,
      violation_on: input.violationOn || null,
      violation_ended_on: input.violationEndedOn || null,
      limitation_serious: !!input.limitationSerious,
    });
    await audit({
      entity: 'enforcement.clue',
      entityId: row.id,
      action: 'created',
      orgId: row.org_id,
      after: {
        clue_no: no,
        source: row.source,
        source_ref: row.source_ref,
        received_on: row.received_on,
        summary: row.summary,
        ...(row.party_address ? { party_address: row.party_address } : {}),
        ...(row.violation_on ? { violation_on: row.violation_on, violation_ended_on: row.violation_ended_on, limitation_serious: row.limitation_serious } : {}),
      },
    });
    return row;
  });
}

/** The refusal code of each clue step when the workflow does not allow it now. */
const REFUSALS: Record<Exclude<ClueEvent, 'file'>, string> = {
  transfer: 'CLUE_NOT_OPEN',
  receive: 'CLUE_NOT_TRANSFERRED',
  feedback: 'CLUE_NOT_RECEIVED',
  close: 'CLUE_NOT_OPEN',
};

/**
 * Loads a clue for one of its steps: 404 outside the actor's scope, 409 on a stale version,
 * NOT_HANDLER when another unit handles it, and the workflow's refusal (stage, guards) otherwise.
 */
async function loadFor(ctx: Ctx, id: string, version: number, event: Exclude<ClueEvent, 'file'>) {
  const c = await getClue(ctx.db, ctx.actor, id);
  if (!c) throw errors.notFound('线索');
  checkVersion(c, version);
  if (!handlesOrg(ctx.actor.roles, c.org_kind)) throw errors.gate('NOT_HANDLER', `该线索由${c.org_name}办理，只有该单位的人员可以处理`);
  requireTransition(clueWorkflow, clueWho(true), { stage: c.status as ClueStage, event, facts: clueFacts(c), code: REFUSALS[event] });
  return c;
}

type ClueRow = NonNullable<Awaited<ReturnType<typeof getClue>>>;

/**
 * One step of a clue: the versioned update (locked, 409 when someone else saved first — the
 * gates above ran on an earlier read) and its event, in the write scope's tenant.
 */
async function clueStep(
  w: WriteScope,
  id: string,
  version: number,
  step: {
    patch: Record<string, unknown>;
    action: string;
    orgId: string;
    before: Record<string, unknown>;
    after: (row: AnyRow) => Record<string, unknown>;
    note?: Record<string, unknown>;
  },
) {
  const { row } = await updateVersioned(w, {
    table: 'enf_clue',
    tenantId: w.ctx.actor.tenantId,
    id,
    version,
    label: '线索',
    ifUnchanged: 'write',
    patch: step.patch,
    audit: {
      entity: 'enforcement.clue',
      action: step.action,
      orgId: step.orgId,
      before: () => step.before,
      after: (r) => step.after(r),
      ...(step.note ? { note: step.note } : {}),
    },
  });
  return row as unknown as Omit<ClueRow, 'org_name' | 'org_kind'>;
}

/** 移送交办 — hands the clue to another unit (bureau ↔ street); feedback is due in 15 working days (unverified, configurable). */
export async function transferClue(sys: System, ctx: Ctx, id: string, input: { version: number; toOrgId: string; on?: string }) {
  const { version } = input;
  const c = await loadFor(ctx, id, version, 'transfer');
  if (input.toOrgId === c.org_id) throw errors.validation('toOrgId', '不能移送给本单位');
  const to = await orgById(ctx.db, ctx.actor.tenantId, input.toOrgId);
  if (!to) throw errors.validation('toOrgId', '接收单位不存在');
  const on = input.on ? assertDate('on', '移送日期', input.on) : ctx.clock.today();
  const due = computeDeadline({ rule: RULES.transferFeedback, start: on }, ctx.calendar).due;
  return write(ctx, async (w) => {
    const row = await clueStep(w, c.id, version, {
      patch: {
        status: 'transferred',
        from_org_id: c.org_id,
        org_id: to.id,
        transferred_on: on,
        transfer_due_on: due,
        receipt_on: null,
        feedback: null,
        feedback_on: null,
      },
      action: 'transferred',
      orgId: to.id,
      before: { org_id: c.org_id, status: c.status },
      after: () => ({ org_id: to.id, status: 'transferred', transfer_due_on: due }),
      note: { to: to.name },
    });
    await sys.calendar.track(w, ctx.actor, {
      module: 'enforcement',
      entity: 'enforcement.clue',
      entityId: c.id,
      orgId: to.id,
      title: RULES.transferFeedback.label,
      rule: RULES.transferFeedback,
      start: on,
    });
    return row;
  });
}

/** 签收 — the receiving unit acknowledges a transferred clue. */
export async function receiveClue(ctx: Ctx, id: string, input: { version: number; on?: string }) {
  const { version } = input;
  const c = await loadFor(ctx, id, version, 'receive');
  const on = input.on ? assertDate('on', '签收日期', input.on) : ctx.clock.today();
  return write(ctx, async (w) => {
    return clueStep(w, c.id, version, {
      patch: { status: 'open', receipt_on: on },
      action: 'received',
      orgId: c.org_id,
      before: { status: c.status, receipt_on: null },
      after: () => ({ status: 'open', receipt_on: on }),
    });
  });
}

/** 反馈 — the receiver reports back what it did (closes the transfer deadline). */
export async function feedbackClue(sys: System, ctx: Ctx, id: string, input: { version: number; feedback: string; on?: string }) {
  const { version } = input;
  const c = await loadFor(ctx, id, version, 'feedback');
  if (!input.feedback?.trim()) throw errors.validation('feedback', '反馈内容不能为空');
  const on = input.on ? assertDate('on', '反馈日期', input.on) : ctx.clock.today();
  return write(ctx, async (w) => {
    const row = await clueStep(w, c.id, version, {
      patch: { feedback: input.feedback.trim(), feedback_on: on },
      action: 'feedback_given',
      orgId: c.org_id,
      before: { feedback: c.feedback },
      after: (r) => ({ feedback: r.feedback, feedback_on: on }),
    });
    await sys.calendar.track(w, ctx.actor, {
      module: 'enforcement',
      entity: 'enforcement.clue',
      entityId: c.id,
      orgId: c.org_id,
      title: RULES.transferFeedback.label,
      rule: RULES.transferFeedback,
      // The workflow's guard made sure the clue was transferred.
      start: c.transferred_on ?? on,
      doneOn: on,
    });
    return row;
  });
}

/** 办结（不立案） — a clue closed without a case, with its reason. */
export async function closeClue(ctx: Ctx, id: string, input: { version: number; reason: string; on?: string }) {
  const { version } = input;
  const c = await loadFor(ctx, id, version, 'close');
  if (!input.reason?.trim()) throw errors.validation('reason', '不予立案的理由不能为空');
  const on = input.on ? assertDate('on', '办结日期', input.on) : ctx.clock.today();
  return write(ctx, async (w) => {
    return clueStep(w, c.id, version, {
      patch: { status: 'closed', closed_on: on, close_reason: input.reason.trim() },
      action: 'closed',
      orgId: c.org_id,
      before: { status: c.status },
      after: (r) => ({ status: 'closed', closed_on: on, close_reason: r.close_reason }),
    });
  });
}

/**
 * 12345 转执法线索 — takes the clue requests the hotline module queued (orders
 * the clerk flagged) and registers each as a clue with source 12345 and the order
 * number as its reference, marking the request consumed in the same transaction.
 * Only requests in the actor's data scope are taken.
 */
export async function importHotlineClues(ctx: Ctx): Promise<Array<{ clueNo: string; orderNo: string }>> {
  return write(ctx, async ({ tx }) => {
    const inTx: Ctx = { ...ctx, db: tx };
    const taken: Array<{ clueNo: string; orderNo: string }> = [];
    for (const r of await listClueRequests(inTx, { status: 'pending' })) {
      const clue = await createClue(inTx, {
        orgId: r.orgId,
        source: '12345',
        sourceRef: r.facts.orderNo,
        receivedOn: isoDateInShanghai(new Date(r.requestedAt)),
        summary: `${r.facts.title}：${r.facts.content}`.slice(0, 2000),
        location: r.facts.location,
      });
      await markClueRequestConsumed(inTx, r.id, clue.clue_no);
      taken.push({ clueNo: clue.clue_no, orderNo: r.facts.orderNo });
    }
    return taken;
  });
}
