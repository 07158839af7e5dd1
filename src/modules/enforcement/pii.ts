/** Party identifiers of cases: stored encrypted with a blind index (core/crypto/pii.ts), masked in audit events and lists. */
import { decryptPii, encryptPii, piiIndex } from '../../core/crypto/pii.js';
import { maskIdNo } from '../../core/ledger/validators.js';

/** The columns that store an identifier. */
export const sealId = (plain: string | null | undefined) => ({ party_id_no: encryptPii(plain ?? null), party_id_index: piiIndex(plain ?? null) });

/** The identifier in clear (server side only: documents, exports, publication). */
export const openId = (stored: string | null | undefined): string | null => (stored ? decryptPii(stored) : null);

/** How an identifier appears in lists and in the audit log. */
export const maskedId = (plain: string | null | undefined, partyType: string): string | null =>
  plain ? maskIdNo(plain, { naturalPerson: partyType === '自然人' }) : null;
