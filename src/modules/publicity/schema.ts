import type { ColumnType, Generated } from 'kysely';
import type { DateCol, Instant } from '../../core/db/types.js';

export type DecisionKind = 'penalty' | 'permit';

export type PublicityTables = {
  pub_decision: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    kind: DecisionKind;
    source_entity: string;
    source_id: string;
    decision_no: string;
    decided_on: DateCol;
    due_on: DateCol;
    published_on: DateCol | null;
    party_name: string;
    /** 自然人 / 法人 / 其他组织 / 个体工商户 */
    party_type: string;
    party_id_no: string | null;
    title: string;
    content: string;
    basis: string | null;
    amount_fen: number | null;
    fields: ColumnType<Record<string, string>, string | undefined, string>;
    withdrawn_on: DateCol | null;
    withdraw_reason: string | null;
    version: ColumnType<number, number | undefined, number>;
    created_at: Instant;
    updated_at: Instant;
  };
};
