import type { ColumnType, Generated } from 'kysely';
import type { DateCol, Instant } from '../../core/db/types.js';

type Default<T> = ColumnType<T, T | undefined, T>;
type Json<T> = ColumnType<T, string | undefined, string>;
type Version = ColumnType<number, number | undefined, number>;
/** A numeric column read back as text (pg) or number (PGlite), written as a number, nullable. */
type Coord = ColumnType<string | number | null, number | null | undefined, number | null>;

/** What a multiple-based discretion level multiplies: 违法所得 or 货值金额. */
export type DiscretionBasis = 'illegal_gains' | 'goods_value';

/**
 * One level of an item's discretion benchmark (裁量基准).
 *
 * A money range: `minFen`..`maxFen` (`maxFen` null = no upper limit, "X元以上").
 * A multiple of a base (`basis` set, e.g. 违法所得一倍以上三倍以下): `minMultiple`..`maxMultiple`
 * (`maxMultiple` null = no upper limit; 百分之十 = 0.1) and the money fields are 0 / null.
 */
export interface DiscretionLevel {
  /** Stable key: 'minor' | 'light' | 'ordinary' | 'serious' | 'grave' | 'extreme' | 'first' … or the label itself */
  level: string;
  /** 情节 as written, e.g. '轻微', '一般情节', '情节较轻的' */
  label: string;
  minFen: number;
  maxFen: number | null;
  /** Set for a level whose range is a multiple of a base amount the case supplies. */
  basis?: DiscretionBasis;
  minMultiple?: number;
  maxMultiple?: number | null;
  /** 首违不罚 / 不予处罚 — a first violation at this level may go unpunished (行政处罚法第三十三条). */
  waiver?: boolean;
  note?: string;
}

/** A checklist row of 案卷评查 with its maximum points. */
export interface ChecklistItem {
  key: string;
  label: string;
  points: number;
}

/** The enforcement module's tables (see migrations/0001_init.sql). */
export type EnfTables = {
  enf_item: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    code: string;
    name: string;
    legal_basis: string;
    penalty_basis: string | null;
    discretion: Json<DiscretionLevel[]>;
    discretion_text: string | null;
    delegated: Default<boolean>;
    version: Version;
    created_at: Instant;
    updated_at: Instant;
  };
  enf_officer: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    name: string;
    cert_no: string | null;
    cert_issued_on: DateCol | null;
    cert_valid_until: DateCol | null;
    exam_score: ColumnType<number | null, number | null | undefined, number | null>;
    exam_pass_line: Default<number>;
    active: Default<boolean>;
    version: Version;
    created_at: Instant;
    updated_at: Instant;
  };
  enf_clue: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    clue_no: string;
    source: string;
    source_ref: string | null;
    received_on: DateCol;
    summary: string;
    location: string | null;
    party_name: string | null;
    status: Default<'open' | 'transferred' | 'case' | 'closed'>;
    from_org_id: string | null;
    transferred_on: DateCol | null;
    transfer_due_on: DateCol | null;
    receipt_on: DateCol | null;
    feedback: string | null;
    feedback_on: DateCol | null;
    case_id: string | null;
    closed_on: DateCol | null;
    close_reason: string | null;
    /** 行政处罚法第三十六条 — the violation's date, its end (continuing/repeated), the 5-year period (0004). */
    violation_on: DateCol | null;
    violation_ended_on: DateCol | null;
    limitation_serious: Default<boolean>;
    /** 住所/地址 of the party (0004). */
    party_address: string | null;
    version: Version;
    created_at: Instant;
    updated_at: Instant;
  };
  enf_case: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    case_no: string;
    stage: string;
    procedure: Default<'general' | 'summary'>;
    source: string | null;
    source_ref: string | null;
    clue_id: string | null;
    item_id: string | null;
    item_code: string | null;
    cause: string;
    party_type: string;
    party_name: string;
    /** Encrypted (AES-256-GCM, core/crypto/pii.ts); read with `openId`. */
    party_id_no: string | null;
    party_id_index: Default<string | null>;
    filed_on: DateCol;
    major: Default<boolean>;
    officer_ids: Default<string[]>;
    officer_names: Default<string[]>;
    circumstance: string | null;
    first_violation: Default<boolean>;
    proposed_kinds: Default<string[]>;
    proposed_fine_fen: number | null;
    proposed_confiscation_fen: number | null;
    /** 违法所得 / 货值金额 (fen) for a discretion level set as a multiple of it (0002). */
    discretion_base_fen: number | null;
    notified_on: DateCol | null;
    rights_waived: Default<boolean>;
    statement: string | null;
    hearing_requested_on: DateCol | null;
    hearing_on: DateCol | null;
    hearing_notice_on: DateCol | null;
    hearing_held_on: DateCol | null;
    hearing_record: string | null;
    review_required: Default<boolean>;
    review_on: DateCol | null;
    review_result: string | null;
    review_opinion: string | null;
    review_checklist: ColumnType<Record<string, boolean> | null, string | null | undefined, string | null>;
    discussion_on: DateCol | null;
    discussion_minutes: string | null;
    extension_days: number | null;
    extension_approved_on: DateCol | null;
    extension_reason: string | null;
    decided_on: DateCol | null;
    decision_no: string | null;
    penalty_kinds: Default<string[]>;
    fine_fen: Default<number>;
    confiscation_fen: Default<number>;
    decision_facts: string | null;
    decision_basis: string | null;
    served_on: DateCol | null;
    paid_on: DateCol | null;
    late_fee_fen: Default<number>;
    executed_on: DateCol | null;
    closed_on: DateCol | null;
    close_reason: string | null;
    published_on: DateCol | null;
    archived_on: DateCol | null;
    revoked_on: DateCol | null;
    revoke_reason: string | null;
    /** 行政处罚法第三十六条 — the violation's date, its end, the 5-year period, an override's legal ground (0004). */
    violation_on: DateCol | null;
    violation_ended_on: DateCol | null;
    limitation_serious: Default<boolean>;
    limitation_override: string | null;
    /** 发现之日: the clue's received date, or the filing date (NULL on older cases: filed_on). */
    discovered_on: DateCol | null;
    /** 住所/地址 of the party, printed in the decision (行政处罚法第五十九条, 0004). */
    party_address: string | null;
    /** 行政处罚法第五十七条 — the draft submitted to the head, who decided, as head or delegated deputy (0003). */
    decision_submitted_on: DateCol | null;
    decision_approver: string | null;
    decision_approver_user_id: string | null;
    decision_approver_capacity: 'head' | 'deputy' | null;
    decision_approver_delegation: string | null;
    /** 行政处罚法第六十一条 — service method, 公告送达's publication date, 电子送达's consent date (0003). */
    service_method: string | null;
    service_notice_on: DateCol | null;
    service_consent_on: DateCol | null;
    /** 行政处罚法第五十八条第二款 — who did the 法制审核 (0003). */
    review_by_user_id: string | null;
    review_by_name: string | null;
    imported: Default<boolean>;
    version: Version;
    created_at: Instant;
    updated_at: Instant;
  };
  /** 法制审核人员 and their 法律职业资格 (0003; 行政处罚法第五十八条第二款). */
  enf_legal_reviewer: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    user_id: string;
    name: string;
    qualification_no: string | null;
    qualified_on: DateCol | null;
    version: Version;
    created_at: Instant;
    updated_at: Instant;
  };
  /** Where fines are paid, one per bureau (行政处罚法第五十九条、第六十七条; 0004). */
  enf_payment_place: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    bank: string;
    account_name: string;
    account_no: string;
    version: Version;
    created_at: Instant;
    updated_at: Instant;
  };
  enf_evidence: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    case_id: string;
    kind: string;
    title: string;
    collected_on: DateCol;
    note: string | null;
    attachment_id: string | null;
    created_at: Instant;
  };
  /** 现场取证 — a photo or video taken in the field app, as the device recorded it (0005). */
  enf_field_capture: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    case_id: string;
    key: string;
    evidence_id: string;
    attachment_id: string;
    sha256: string;
    captured_at: Instant;
    received_at: Instant;
    lat: Coord;
    lng: Coord;
    accuracy_m: Coord;
    created_by: string | null;
  };
  enf_review: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    title: string;
    year: number;
    seed: number;
    algorithm: string;
    sample_size: number;
    population: number;
    checklist: Json<ChecklistItem[]>;
    drawn_on: DateCol;
    version: Version;
    created_at: Instant;
    updated_at: Instant;
  };
  enf_review_item: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    review_id: string;
    case_id: string;
    scores: ColumnType<Record<string, number> | null, string | null | undefined, string | null>;
    score: ColumnType<number | null, number | null | undefined, number | null>;
    findings: string | null;
    rectification: string | null;
    rectified_on: DateCol | null;
    scored_on: DateCol | null;
    version: Version;
  };
};

export type CaseRow = EnfTables['enf_case'] extends infer T
  ? { [K in keyof T]: T[K] extends ColumnType<infer S, infer _I, infer _U> ? S : T[K] extends Generated<infer G> ? G : T[K] }
  : never;
