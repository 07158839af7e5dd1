import type { ColumnType, Generated } from 'kysely';
import type { Instant } from '../../core/db/types.js';

export type HotlineTables = {
  hotline_clue_request: {
    tenant_id: string;
    id: Generated<string>;
    order_id: string;
    org_id: string;
    facts: ColumnType<unknown, string, string>;
    reason: string;
    requested_by: string;
    requested_at: Instant;
    status: ColumnType<'pending' | 'consumed', 'pending' | 'consumed' | undefined, 'pending' | 'consumed'>;
    consumed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
    clue_ref: string | null;
  };
  hotline_district_avg: {
    tenant_id: string;
    year: number;
    avg_centi: number;
    note: string | null;
    updated_at: Instant;
  };
};
