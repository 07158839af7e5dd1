import type { Actor } from '../../core/context.js';
import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import type { AuditInput, WriteScope } from '../../core/audit/audit.js';
import { insertMany } from '../../core/db/bulk.js';
import type { CalendarService } from '../../core/calendar/service.js';
import { computeDeadline } from '../../core/calendar/deadline.js';
import { isIsoDate } from '../../core/calendar/calendar.js';
import { errors } from '../../core/errors.js';
import { updateVersioned } from '../../core/versioned.js';
import { encryptPii } from '../../core/crypto/pii.js';
import type { DecisionKind, PublicityTables } from './schema.js';
import { PUBLICATION_RULE } from './rules.js';
import { decisionIdOf, decisionOf, decisionsOfSources } from './repository.js';

/** A decision to be published, as the deciding module describes it. */
export interface DecisionInput {
  kind: DecisionKind;
  orgId: string;
  /** The deciding record, e.g. `enforcement.case` + its id. */
  sourceEntity: string;
  sourceId: string;
  decisionNo: string;
  decidedOn: string;
  partyName: string;
  partyType: string;
  partyIdNo?: string | null;
  /** 违法行为类型 / 许可事项 */
  title: string;
  /** 处罚内容 / 许可内容 */
  content: string;
  basis?: string | null;
  amountFen?: number | null;
  /** Extra columns of the credit platform's layout, by header. */
  fields?: Record<string, string>;
  /** Already published (imports of past years). */
  publishedOn?: string | null;
}

/**
 * Records a decision for publication: due within 7 working days of the decision
 * (the deadline is tracked). Re-recording the same source updates it.
 */
export async function recordDecision(w: WriteScope, calendar: CalendarService, input: DecisionInput): Promise<{ id: string; dueOn: string }> {
  return (await recordDecisions(w, calendar, [input]))[0]!;
}

/**
 * Records many decisions for publication at once (ledger imports: one look-up, bulk writes,
 * one statement for their tracked terms). `audit: false` for a historical import, whose
 * provenance already names the decided records: no event per decision.
 */
export async function recordDecisions(
  w: WriteScope,
  calendar: CalendarService,
  inputs: readonly DecisionInput[],
  opts: { audit?: boolean } = {},
): Promise<Array<{ id: string; dueOn: string }>> {
  if (!inputs.length) return [];
  const actor = w.ctx.actor;
  for (const input of inputs) {
    if (!input.decisionNo?.trim()) throw errors.validation('decisionNo', '决定文书号不能为空');
    if (!isIsoDate(input.decidedOn)) throw errors.validation('decidedOn', '决定日期无效');
    if (!input.partyName?.trim()) throw errors.validation('partyName', '当事人名称不能为空');
  }
  const existing = new Map(
    (
      await decisionsOfSources(
        w.tx,
        actor.tenantId,
        inputs.map((i) => i.sourceId),
      )
    ).map((r) => [`${r.source_entity}|${r.source_id}`, r]),
  );
  const out: Array<{ id: string; dueOn: string }> = [];
  const fresh: Array<Record<string, unknown>> = [];
  const audits: AuditInput[] = [];
  for (const input of inputs) {
    const due = computeDeadline({ rule: PUBLICATION_RULE, start: input.decidedOn }, calendar.current).due;
    const values = {
      org_id: input.orgId,
      kind: input.kind,
      decision_no: input.decisionNo.trim(),
      decided_on: input.decidedOn,
      due_on: due,
      published_on: input.publishedOn ?? null,
      party_name: input.partyName.trim(),
      party_type: input.partyType,
      // 居民身份证号 and other identifiers are stored encrypted (ARCHITECTURE.md, Data).
      party_id_no: encryptPii(input.partyIdNo ?? null),
      title: input.title,
      content: input.content,
      basis: input.basis ?? null,
      amount_fen: input.amountFen ?? null,
    };
    const before = existing.get(`${input.sourceEntity}|${input.sourceId}`);
    let id: string;
    if (before) {
      id = before.id;
      // Re-recording always bumped the version; the event is the note-only one below (with the batch's).
      await updateVersioned(w, {
        table: 'pub_decision',
        tenantId: actor.tenantId,
        id,
        version: undefined,
        label: '公示记录',
        ifUnchanged: 'write',
        patch: { ...values, fields: JSON.stringify(input.fields ?? {}) },
        audit: false,
      });
    } else {
      id = crypto.randomUUID();
      fresh.push({ tenant_id: actor.tenantId, id, source_entity: input.sourceEntity, source_id: input.sourceId, ...values, fields: input.fields ?? {} });
    }
    audits.push({
      entity: input.sourceEntity,
      entityId: input.sourceId,
      action: before ? 'publication_updated' : 'publication_recorded',
      orgId: input.orgId,
      note: { decisionNo: values.decision_no, dueOn: due, publishedOn: values.published_on },
    });
    out.push({ id, dueOn: due });
  }
  await insertMany(w.tx, 'pub_decision', fresh);
  if (opts.audit !== false) await w.auditMany(audits);
  await calendar.trackMany(
    w,
    actor,
    inputs.map((input) => ({
      module: 'publicity',
      entity: input.sourceEntity,
      entityId: input.sourceId,
      orgId: input.orgId,
      title: PUBLICATION_RULE.label,
      rule: PUBLICATION_RULE,
      start: input.decidedOn,
      doneOn: input.publishedOn ?? null,
    })),
  );
  return out;
}

type DecisionRow = Selectable<PublicityTables['pub_decision']>;

/** The decision recorded for a source (404 when none); its row is then locked and re-read by `updateVersioned`. */
async function idOf(w: WriteScope, actor: Actor, sourceEntity: string, sourceId: string): Promise<string> {
  const id = await decisionIdOf(w.tx, actor.tenantId, { entity: sourceEntity, id: sourceId });
  if (!id) throw errors.notFound('公示记录');
  return id;
}

/** What one change of a source's decision does: its audit action, its gate on the locked row, its patch and audited values. */
interface DecisionChange {
  action: string;
  check: (r: DecisionRow) => void;
  patch: Partial<DecisionRow>;
  before: (r: DecisionRow) => Record<string, unknown>;
  after: () => Record<string, unknown>;
}

/** Changes the decision recorded for a source: its row locked, re-read and gated, then patched and audited on the source. */
async function changeDecision(w: WriteScope, actor: Actor, source: { sourceEntity: string; sourceId: string }, change: DecisionChange) {
  const id = await idOf(w, actor, source.sourceEntity, source.sourceId);
  return updateVersioned<DecisionRow>(w, {
    table: 'pub_decision',
    tenantId: actor.tenantId,
    id,
    version: undefined,
    label: '公示记录',
    ifUnchanged: 'write',
    check: change.check,
    patch: change.patch,
    audit: {
      entity: source.sourceEntity,
      entityId: source.sourceId,
      action: change.action,
      orgId: (r) => r.org_id,
      before: change.before,
      after: change.after,
    },
  });
}

/** Marks a recorded decision as published on a date (audit: `published`; closes the tracked deadline). */
export async function publishDecision(
  w: WriteScope,
  actor: Actor,
  calendar: CalendarService,
  args: { sourceEntity: string; sourceId: string; publishedOn: string },
): Promise<void> {
  if (!isIsoDate(args.publishedOn)) throw errors.validation('publishedOn', '公示日期无效');
  // Gates on the locked row: a concurrent withdrawal is seen, not overwritten.
  const { before: r } = await changeDecision(w, actor, args, {
    action: 'published',
    check: (r) => {
      if (r.withdrawn_on) throw errors.gate('PUBLICATION_WITHDRAWN', '该决定的公示已撤回，不能再次公示');
      if (args.publishedOn < r.decided_on) throw errors.validation('publishedOn', '公示日期不能早于决定日期');
    },
    patch: { published_on: args.publishedOn },
    before: (r) => ({ published_on: r.published_on }),
    after: () => ({ published_on: args.publishedOn }),
  });
  await calendar.track(w, actor, {
    module: 'publicity',
    entity: args.sourceEntity,
    entityId: args.sourceId,
    orgId: r.org_id,
    title: PUBLICATION_RULE.label,
    rule: PUBLICATION_RULE,
    start: r.decided_on,
    doneOn: args.publishedOn,
  });
}

/**
 * 行政处罚法第四十八条第二款 for another module (an act revoked on reconsideration or in court): withdraws
 * the source's decision when one is recorded and not yet withdrawn; returns whether it did.
 */
export async function withdrawDecisionIfRecorded(
  w: WriteScope,
  actor: Actor,
  args: { sourceEntity: string; sourceId: string; withdrawnOn: string; reason: string },
): Promise<boolean> {
  const d = await decisionOf(w.tx, actor.tenantId, { entity: args.sourceEntity, id: args.sourceId });
  if (!d || d.withdrawn_on) return false;
  await withdrawDecision(w, actor, args);
  return true;
}

/**
 * Withdraws a published decision that was changed or revoked (行政处罚法 art. 48):
 * it leaves the public page; the withdrawal and its reason are recorded.
 */
export async function withdrawDecision(
  w: WriteScope,
  actor: Actor,
  args: { sourceEntity: string; sourceId: string; withdrawnOn: string; reason: string },
): Promise<void> {
  if (!isIsoDate(args.withdrawnOn)) throw errors.validation('withdrawnOn', '撤回日期无效');
  if (!args.reason?.trim()) throw errors.validation('reason', '撤回原因不能为空');
  const reason = args.reason.trim();
  // The gate on the locked row: of two simultaneous withdrawals the second is refused (one event).
  await changeDecision(w, actor, args, {
    action: 'publication_withdrawn',
    check: (r) => {
      if (r.withdrawn_on) throw errors.gate('PUBLICATION_WITHDRAWN', '该决定的公示已撤回');
    },
    patch: { withdrawn_on: args.withdrawnOn, withdraw_reason: reason },
    before: () => ({ withdrawn_on: null }),
    after: () => ({ withdrawn_on: args.withdrawnOn, withdraw_reason: reason }),
  });
}
