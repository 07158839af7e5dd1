import type { ColumnType, Generated } from 'kysely';
import type { DateCol, Instant } from '../../core/db/types.js';

/** 法律顾问工作类型 (LEDGERS.md `legal-advice`). */
export const ADVICE_KINDS = ['合同审查', '文件审核', '法律意见书', '会议', '业务研讨', '专题培训'] as const;
export type AdviceKind = (typeof ADVICE_KINDS)[number];

/** 规范性文件 / 重大行政决策 / “三重一大”事项. */
export const DOCUMENT_KINDS = ['规范性文件', '重大行政决策', '三重一大'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** One scored criterion of the annual appraisal. */
export interface Criterion {
  name: string;
  max: number;
  score: number;
}

type V = ColumnType<number, number | undefined, number>;
type Base = { tenant_id: string; id: Generated<string>; org_id: string; version: V; created_at: Instant; updated_at: Instant };

export type LegalTables = {
  legal_contract: Base & {
    firm: string;
    contract_no: string;
    start_on: DateCol;
    end_on: DateCol;
    fee_fen: number | null;
    lawyers: string | null;
    procurement: string | null;
  };
  legal_advice: Base & {
    date: DateCol;
    kind: AdviceKind;
    title: string;
    firm: string | null;
    handler: string | null;
    contract_id: string | null;
    opinion: string | null;
  };
  legal_document: Base & {
    kind: DocumentKind;
    title: string;
    submitted_on: DateCol;
    status: 'drafting' | 'commenting' | 'submitted' | 'reviewed' | 'deliberated' | 'issued' | 'published' | 'repealed';
    reviewed_on: DateCol | null;
    review_result: '同意' | '存在问题' | null;
    review_opinion: string | null;
    reviewer: string | null;
    issued_on: DateCol | null;
    doc_no: string | null;
    // 行政规范性文件 (0002): 起草, 公开征求意见, checklist, 集体审议, 统一编号, 备案, 有效期, 废止.
    drafted_on: ColumnType<string | null, string | null | undefined, string | null>;
    comment_from: ColumnType<string | null, string | null | undefined, string | null>;
    comment_until: ColumnType<string | null, string | null | undefined, string | null>;
    comment_channel: ColumnType<string | null, string | null | undefined, string | null>;
    comment_summary: ColumnType<string | null, string | null | undefined, string | null>;
    review_checklist: ColumnType<Record<string, boolean> | null, string | null | undefined, string | null>;
    deliberated_on: ColumnType<string | null, string | null | undefined, string | null>;
    deliberation: ColumnType<string | null, string | null | undefined, string | null>;
    doc_year: ColumnType<number | null, number | null | undefined, number | null>;
    doc_seq: ColumnType<number | null, number | null | undefined, number | null>;
    filing_due: ColumnType<string | null, string | null | undefined, string | null>;
    filed_on: ColumnType<string | null, string | null | undefined, string | null>;
    valid_until: ColumnType<string | null, string | null | undefined, string | null>;
    repealed_on: ColumnType<string | null, string | null | undefined, string | null>;
    repeal_reason: ColumnType<string | null, string | null | undefined, string | null>;
  };
  /** 清理 — one cleanup decision on a normative document (继续有效 / 修改 / 废止) with its date and reason. */
  legal_document_cleanup: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    document_id: string;
    cleaned_on: DateCol;
    outcome: '继续有效' | '修改' | '废止';
    reason: string;
    created_at: Instant;
  };
  legal_appraisal: Base & {
    year: number;
    contract_id: string | null;
    appraised_on: DateCol;
    self_check: string;
    criteria: ColumnType<Criterion[], string, string>;
    total: ColumnType<number, number, number>;
    grade: string;
    suggestions: string | null;
  };
};
