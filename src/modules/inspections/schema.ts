import type { ColumnType, Generated } from 'kysely';
import type { DateCol, Instant } from '../../core/db/types.js';
import type { DrawInput, DrawResult } from './draw.js';
import type { FollowUp, RecordKind } from './rules.js';

type V = ColumnType<number, number | undefined, number>;
type Base = { tenant_id: string; id: Generated<string>; org_id: string; created_at: Instant };
type Json<T> = ColumnType<T, string, string>;

/** 检查结果 */
export const RESULTS = ['未发现问题', '发现问题已责令整改', '发现问题已立案查处', '未找到检查对象'] as const;

export type InspectionTables = {
  insp_item: Base & { code: string; name: string; entity_kind: string; basis: string | null; method: string | null; version: V; updated_at: Instant };
  insp_entity: Base & {
    code: string;
    name: string;
    kind: string;
    uscc: string | null;
    street: string | null;
    address: string | null;
    active: ColumnType<boolean, boolean | undefined, boolean>;
    version: V;
    updated_at: Instant;
  };
  insp_inspector: Base & {
    code: string;
    name: string;
    cert_no: string | null;
    active: ColumnType<boolean, boolean | undefined, boolean>;
    version: V;
    updated_at: Instant;
  };
  insp_conflict: Base & { inspector_id: string; entity_id: string; reason: string };
  insp_plan: Base & {
    year: number;
    title: string;
    item_id: string;
    ratio_bp: number;
    per_entity: number;
    window_from: DateCol;
    window_to: DateCol;
    version: V;
    updated_at: Instant;
  };
  insp_draw: Base & {
    plan_id: string;
    seed: string;
    algorithm: string;
    drawn_on: DateCol;
    input: Json<DrawInput>;
    result: Json<DrawResult>;
    result_hash: string;
  };
  insp_task: Base & {
    draw_id: string;
    plan_id: string;
    entity_id: string;
    inspector_ids: Json<string[]>;
    inspected_on: DateCol | null;
    result: (typeof RESULTS)[number] | null;
    problems: string | null;
    publish_due_on: DateCol | null;
    published_on: DateCol | null;
    version: V;
    updated_at: Instant;
  };
  insp_annual_plan: Base & { year: number; title: string; entity_cap: number; version: V; updated_at: Instant };
  insp_annual_entry: Base & { plan_id: string; entity_id: string; kind: string; month: number; note: string | null };
  insp_record: Base & {
    record_no: string;
    inspected_on: DateCol;
    entity_id: string;
    kind: RecordKind;
    enterprise: ColumnType<boolean, boolean | undefined, boolean>;
    basis_item_id: string | null;
    basis_catalogue_id: string | null;
    basis: string;
    inspectors: Json<RecordInspector[]>;
    annual_entry_id: string | null;
    off_plan_reason: string | null;
    findings: string | null;
    follow_up: FollowUp;
    rectify_due_on: DateCol | null;
    rectified_on: DateCol | null;
    rectify_note: string | null;
    clue_id: string | null;
    case_id: string | null;
    follow_ref: string | null;
    closed_on: DateCol | null;
    task_id: string | null;
    version: V;
    updated_at: Instant;
  };
};

/** An inspector on a record: an enforcement officer (`officerId`) or, for a 双随机 result, the draw's inspector (`inspectorId`). */
export interface RecordInspector {
  officerId?: string;
  inspectorId?: string;
  name: string;
  certNo: string | null;
}
