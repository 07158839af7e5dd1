// What the tests that watch the audit log around a request share: where the log stands, and the events
// written since (across tenants, in order).
import { sql } from 'kysely';
import type { AnyDb } from '../../src/core/db/types.js';

/** The newest audit event's sequence number (0: none yet). */
export const lastSeq = async (db: AnyDb) => Number((await sql<{ s: string | null }>`SELECT max(seq)::text AS s FROM audit_event`.execute(db)).rows[0]!.s ?? 0);

/** The audit events written after `seq`, oldest first: what they are about, their unit and action. */
export const eventsAfter = async (db: AnyDb, seq: number) =>
  (
    await sql<{
      entity: string;
      entity_id: string;
      org_id: string | null;
      action: string;
    }>`SELECT entity, entity_id, org_id, action FROM audit_event WHERE seq > ${seq} ORDER BY seq`.execute(db)
  ).rows;
