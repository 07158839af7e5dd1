/**
 * What the audit routes answer (a record's history, the audit viewer, the chain check), described
 * with TypeBox; `auditEventView` presents an event as the schema says (its instant as a string).
 */
import { type Static, Type } from '@fastify/type-provider-typebox';
import { Instant, Nullable } from '../schemas.js';
import type { AuditEvent } from './audit.js';

const Str = Type.String();
const NStr = Nullable(Str);
const Int = Type.Integer();

/** One audit event: who changed what, field by field, and the chain hashes. */
export const AuditEventView = Type.Object(
  {
    tenantId: Str,
    seq: Int,
    at: Instant,
    actorId: NStr,
    actorName: Str,
    orgId: NStr,
    entity: Str,
    entityId: Str,
    action: Str,
    changes: Type.Object({
      /** Before and after of each field: any JSON value the record held. */
      fields: Type.Array(Type.Object({ field: Str, before: Type.Unknown(), after: Type.Unknown() })),
      /** Extra facts of the event (reason, attachment ids …): a free-form map. */
      note: Type.Optional(Type.Record(Str, Type.Unknown())),
    }),
    requestId: NStr,
    stateHash: Type.Optional(NStr),
    prevHash: Str,
    hash: Str,
  },
  { description: '审计事件' },
);
export type AuditEventView = Static<typeof AuditEventView>;
export const AuditEventList = Type.Array(AuditEventView);

/** An event as the API presents it. */
export const auditEventView = (e: AuditEvent): AuditEventView => ({ ...e, at: e.at.toISOString() });

/** The result of walking the chain from its last checkpoint. */
export const ChainCheckView = Type.Object(
  {
    ok: Type.Boolean(),
    tenantId: Str,
    events: Int,
    lastHash: Type.Optional(Str),
    brokenAt: Type.Optional(Int),
    reason: Type.Optional(Str),
    fromSeq: Int,
    checked: Int,
    checkpoint: Nullable(Int),
  },
  { description: '审计链校验结果' },
);
