import type { ColumnType } from 'kysely';
import type { Instant } from '../../core/db/types.js';

export type Rounding = 'exact' | 'yu10' | 'yu100' | 'yu1000' | 'yu_over10' | 'yu_over100';

export type ReportTables = {
  report_narrative: {
    tenant_id: string;
    report: string;
    year: number;
    section: string;
    version: number;
    body: string;
    author_id: string | null;
    author: string;
    created_at: Instant;
  };
  report_figure_option: {
    tenant_id: string;
    report: string;
    year: number;
    metric: string;
    rounding: ColumnType<Rounding, Rounding | undefined, Rounding>;
    state_yoy: ColumnType<boolean, boolean | undefined, boolean>;
    include_in_report: ColumnType<boolean, boolean | undefined, boolean>;
    version: ColumnType<number, number | undefined, number>;
    updated_at: Instant;
  };
};
