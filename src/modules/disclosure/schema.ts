import type { ColumnType, Generated } from 'kysely';
import type { DateCol, Instant } from '../../core/db/types.js';

export type DisclosureTables = {
  disclosure_proactive: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    published_on: DateCol;
    section: string;
    title: string;
    platform: string | null;
    version: ColumnType<number, number | undefined, number>;
    created_at: Instant;
    updated_at: Instant;
  };
  disclosure_report_text: {
    tenant_id: string;
    year: number;
    section: string;
    body: string;
    updated_at: Instant;
  };
};
