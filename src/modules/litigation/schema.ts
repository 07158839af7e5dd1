import type { ColumnType, Generated } from 'kysely';
import type { DateCol, Instant } from '../../core/db/types.js';
import type { CASE_STAGE_LABELS } from './labels.js';

/** 案件类别 — 行政复议 (the bureau as 被申请人) or 行政诉讼 (the bureau as 被告). */
export const CASE_KINDS = ['复议', '诉讼'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** 审级 of a lawsuit (两审终审, 行政诉讼法第七条); null for a reconsideration. */
export const INSTANCES = ['一审', '二审'] as const;
export type Instance = (typeof INSTANCES)[number];

/** 被申请（被诉）行为的种类. */
export const ACT_KINDS = ['行政处罚', '行政许可', '政府信息公开答复', '信访处理意见', '行政检查', '其他'] as const;
export type ActKind = (typeof ACT_KINDS)[number];

/** 申请人（原告）类别: a natural person's name and ID number are personal data. */
export const CLAIMANT_TYPES = ['自然人', '法人', '其他组织'] as const;
export type ClaimantType = (typeof CLAIMANT_TYPES)[number];

/** Who appealed (上诉人). */
export const APPELLANTS = ['本局', '对方当事人'] as const;
export type Appellant = (typeof APPELLANTS)[number];

/**
 * 出庭（参加听证）的负责人 — 正职、副职负责人 and 参与分管的其他负责人 are the agency's
 * 负责人 (最高人民法院关于适用《中华人民共和国行政诉讼法》的解释第一百二十八条第一款).
 */
export const HEAD_ROLES = ['正职负责人', '副职负责人', '参与分管的其他负责人'] as const;
export type HeadRole = (typeof HEAD_ROLES)[number];

/** 案件状态 — received 已收案, replied 已答复/答辩, heard 已开庭/听证, concluded 已审结, appealed 上诉中, closed 已结案. */
export type CaseStatus = keyof typeof CASE_STAGE_LABELS;

export type LitigationTables = {
  lit_case: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    case_no: string;
    kind: CaseKind;
    instance: Instance | null;
    status: CaseStatus;
    claimant_type: ClaimantType;
    claimant_name: string;
    /** 身份证号 (encrypted, core/crypto/pii.ts) and its blind index. */
    claimant_id_no: string | null;
    claimant_id_index: string | null;
    act_kind: ActKind;
    act_title: string;
    /** The record the challenged act concerns: `<module>.<entity>` and its id (a reference, no foreign key). */
    act_entity: string | null;
    act_record_id: string | null;
    /** 复议机关 / 人民法院 */
    body: string;
    /** 收到申请书副本 / 起诉状副本之日 — the reply clock starts here. */
    received_on: DateCol;
    reply_due_on: DateCol;
    reply_filed_on: DateCol | null;
    outcome: string | null;
    outcome_on: DateCol | null;
    outcome_served_on: DateCol | null;
    /** 调解 / 撤诉 / 终止 after the bureau changed (withdrew, amended) the challenged act. */
    outcome_act_changed: ColumnType<boolean, boolean | undefined, boolean>;
    outcome_note: string | null;
    /** The first-instance outcome, kept when the case goes to appeal. */
    first_outcome: string | null;
    first_outcome_on: DateCol | null;
    first_outcome_served_on: DateCol | null;
    appeal_due_on: DateCol | null;
    appealed_on: DateCol | null;
    appellant: Appellant | null;
    handler: string | null;
    agent: string | null;
    rectification: string | null;
    rectified_on: DateCol | null;
    closed_on: DateCol | null;
    version: ColumnType<number, number | undefined, number>;
    created_at: Instant;
    updated_at: Instant;
  };
  lit_hearing: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    case_id: string;
    instance: Instance | null;
    held_on: DateCol;
    head_role: HeadRole | null;
    head_name: string | null;
    absence_reason: string | null;
    note: string | null;
    /** The ledger import that added it; null when recorded at the desk. */
    import_id: string | null;
    created_at: Instant;
  };
};
