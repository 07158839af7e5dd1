import type { ColumnType, Generated } from 'kysely';
import type { DateCol, Instant } from '../../core/db/types.js';

/** The four kinds of demand that share one lifecycle. */
export type DemandKind = 'hotline' | 'petition' | 'proposal' | 'disclosure';

/**
 * 办理状态 — the shared lifecycle:
 * received 待分派 → assigned 待签收/待受理 → handling 办理中 (⇄ paused 中止计时) → replied 已答复 → closed 已办结.
 */
export type DemandStatus = 'received' | 'assigned' | 'handling' | 'paused' | 'replied' | 'closed';

type Json<T> = ColumnType<T, string | undefined, string>;
type InstantOrNull = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type DemandsTables = {
  dm_item: {
    tenant_id: string;
    id: Generated<string>;
    kind: DemandKind;
    ref_no: string;
    org_id: string;
    assignee_id: string | null;
    status: DemandStatus;
    title: ColumnType<string, string | undefined, string>;
    content: ColumnType<string, string | undefined, string>;
    demand_type: string | null;
    channel: string | null;
    person_name: string | null;
    person_phone: string | null;
    person_id_no: string | null;
    /** Keyed blind index of the phone (kernel PII helper): equality lookups without the number. */
    person_phone_idx: string | null;
    location: string | null;
    received_at: Instant;
    first_due_on: DateCol | null;
    first_done_at: InstantOrNull;
    clock_start: DateCol;
    rule: Json<unknown>;
    pauses: Json<unknown>;
    extensions: Json<unknown>;
    restart_on: DateCol | null;
    paused_since: DateCol | null;
    pause_reason: string | null;
    due_on: DateCol;
    replied_at: InstantOrNull;
    reply: string | null;
    result: string | null;
    closed_at: InstantOrNull;
    satisfaction: string | null;
    evaluated_at: InstantOrNull;
    attrs: Json<unknown>;
    version: ColumnType<number, number | undefined, number>;
    created_at: Instant;
    updated_at: Instant;
  };
  /** 督办总览's open counts, kept by dm_item's triggers (migrations/0006_open_tally.sql). */
  dm_open_tally: {
    tenant_id: string;
    kind: DemandKind;
    org_id: string;
    due_on: DateCol;
    paused: boolean;
    replied: boolean;
    /** The writing transaction's id; 0 for the folded count. */
    xid: ColumnType<string, string | number, string | number>;
    n: number;
  };
  dm_link: {
    tenant_id: string;
    id: Generated<string>;
    from_id: string;
    to_id: string;
    reason: string;
    created_at: Instant;
  };
};
