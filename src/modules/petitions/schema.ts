import type { Generated } from 'kysely';
import type { Instant } from '../../core/db/types.js';

export type PetitionsTables = {
  /** 网上信访的回执 (receipt number, secret's hash, the petitioner's details encrypted). */
  petitions_online: {
    tenant_id: string;
    id: Generated<string>;
    receipt_no: string;
    secret_hash: string;
    item_id: string;
    applicant: string | null;
    created_at: Instant;
  };
};
