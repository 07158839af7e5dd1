import type { ColumnType, Generated } from 'kysely';
import type { DateCol, Instant } from '../../core/db/types.js';
import type { DECISION_STAGE_LABELS } from './labels.js';

/** 决策事项类别 — the five kinds of 重大行政决策事项 (重大行政决策程序暂行条例第三条第一款). */
export const CATEGORIES = ['重大公共政策和措施', '重要规划', '自然资源和文化资源开发利用保护', '重大公共建设项目', '其他重大事项'] as const;
export type Category = (typeof CATEGORIES)[number];

/** 公众参与方式 (第十四条). */
export const PARTICIPATION_METHODS = ['向社会公开征求意见', '座谈会', '听证会', '实地走访', '书面征求意见', '问卷调查', '民意调查'] as const;
export type ParticipationMethod = (typeof PARTICIPATION_METHODS)[number];

/** 合法性审查意见 — the legal office's conclusion (第二十五条、第二十八条). */
export const REVIEW_RESULTS = ['同意', '修改后同意', '不同意'] as const;
export type ReviewResult = (typeof REVIEW_RESULTS)[number];

/** 集体讨论决定 — what the head decides on the basis of the discussion (第三十条). */
export const DISCUSSION_RESULTS = ['同意', '暂缓', '不同意'] as const;
export type DiscussionResult = (typeof DISCUSSION_RESULTS)[number];

/** 风险等级 of a risk assessment (第二十二条至第二十四条). */
export const RISK_LEVELS = ['低风险', '中风险', '高风险'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/**
 * 决策状态 — drafting 拟定草案 (public participation, expert argument, risk assessment),
 * in_review 合法性审查中, reviewed 审查通过待集体讨论, made 已作出决定, published 已公布,
 * archived 已归档, rejected 决定不予实施 (the head decided against it).
 */
export type DecisionStatus = keyof typeof DECISION_STAGE_LABELS;

export type DecisionsTables = {
  dec_catalogue_item: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    year: number;
    seq: number;
    title: string;
    category: Category;
    /** 计划完成时间 as the catalogue states it (e.g. 2022年第三季度). */
    planned: string | null;
    note: string | null;
    /** The day the year's catalogue was published (第三条第三款): on the public page from then on. */
    published_on: DateCol | null;
    version: ColumnType<number, number | undefined, number>;
    created_at: Instant;
    updated_at: Instant;
  };
  dec_decision: {
    tenant_id: string;
    id: Generated<string>;
    /** 承办单位 (data scope: a street sees its own). */
    org_id: string;
    year: number;
    title: string;
    catalogue_item_id: string | null;
    summary: string | null;
    /** 分管局领导 */
    leader: string | null;
    /** 承办人 */
    handler: string | null;
    status: DecisionStatus;
    participation_required: boolean;
    participation_na_reason: string | null;
    participation_methods: string | null;
    participation_from: DateCol | null;
    participation_to: DateCol | null;
    participation_short_reason: string | null;
    participation_on: DateCol | null;
    participation_record: string | null;
    expert_required: boolean;
    expert_na_reason: string | null;
    expert_on: DateCol | null;
    expert_experts: string | null;
    expert_record: string | null;
    risk_required: boolean;
    risk_na_reason: string | null;
    risk_on: DateCol | null;
    risk_level: RiskLevel | null;
    risk_record: string | null;
    review_submitted_on: DateCol | null;
    review_on: DateCol | null;
    review_result: ReviewResult | null;
    review_opinion: string | null;
    discussion_on: DateCol | null;
    discussion_meeting: string | null;
    discussion_attendees: string | null;
    discussion_result: DiscussionResult | null;
    discussion_content: string | null;
    discussion_dissent: string | null;
    discussion_head_reason: string | null;
    discussion_short_review_reason: string | null;
    publication_required: boolean;
    publication_na_reason: string | null;
    publication_on: DateCol | null;
    publication_channel: string | null;
    publication_ref: string | null;
    evaluation_required: boolean;
    evaluation_na_reason: string | null;
    evaluation_on: DateCol | null;
    evaluation_by: string | null;
    evaluation_record: string | null;
    archived_on: DateCol | null;
    version: ColumnType<number, number | undefined, number>;
    created_at: Instant;
    updated_at: Instant;
  };
};
