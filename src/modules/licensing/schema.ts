import type { ColumnType, Generated } from 'kysely';
import type { DateCol, Instant } from '../../core/db/types.js';

/** 许可类别 */
export type PermitCategory = '水利' | '排水' | '工程建设';
export const CATEGORIES: readonly PermitCategory[] = ['水利', '排水', '工程建设'];

/** 办件状态 — received 已收件, correction 待补正, accepted 已受理, not_accepted 不予受理, decided 已决定, certified 已发证, published 已公示. */
export type PermitStatus = 'received' | 'correction' | 'accepted' | 'not_accepted' | 'decided' | 'certified' | 'published';

export interface PausePeriod {
  from: string;
  to: string;
  /** 听证 / 检测 / 检验 / 检疫 / 鉴定 / 专家评审 / 招标 / 拍卖 */
  reason: string;
}

export type LicensingTables = {
  lic_item: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    code: string;
    name: string;
    category: PermitCategory;
    statutory_days: number;
    committed_days: number;
    cloud_window: ColumnType<boolean, boolean | undefined, boolean>;
    basis: string | null;
    version: ColumnType<number, number | undefined, number>;
    created_at: Instant;
    updated_at: Instant;
  };
  lic_permit: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    case_no: string;
    item_id: string;
    applicant: string;
    applicant_type: ColumnType<string, string | undefined, string>;
    applicant_uscc: string | null;
    channel: '网上' | '窗口' | null;
    visits: number | null;
    status: PermitStatus;
    received_on: DateCol;
    correction_notice_on: DateCol | null;
    correction_items: string | null;
    corrected_on: DateCol | null;
    accepted_on: DateCol | null;
    clock_start_on: DateCol | null;
    deemed_accepted: ColumnType<boolean, boolean | undefined, boolean>;
    not_accepted_on: DateCol | null;
    not_accepted_reason: string | null;
    pauses: ColumnType<PausePeriod[], string | undefined, string>;
    extension_days: number | null;
    extension_approved_on: DateCol | null;
    extension_reason: string | null;
    due_on: DateCol | null;
    statutory_due_on: DateCol | null;
    decided_on: DateCol | null;
    result: '准予许可' | '不予许可' | null;
    decision_no: string | null;
    decision_note: string | null;
    certificate_no: string | null;
    certificate_on: DateCol | null;
    published_on: DateCol | null;
    version: ColumnType<number, number | undefined, number>;
    created_at: Instant;
    updated_at: Instant;
  };
};
