import type { ColumnType, Generated } from 'kysely';
import type { DateCol, Instant } from '../../core/db/types.js';
import type { OnlineReceiptRow } from '../demands/index.js';

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
  /** 网络申请的回执 (receipt number, secret's hash, the applicant's details encrypted). */
  disclosure_online: OnlineReceiptRow;
};
