/**
 * The applicant's (plaintiff's) identity: a natural person's ID number is stored encrypted with a
 * blind index (core/crypto/pii.ts, declared in the manifest's `pii` so key rotation re-encrypts
 * it); lists, the audit log and import provenance show the name and number masked.
 */
import { decryptPii } from '../../core/crypto/pii.js';
import { maskIdNo } from '../../core/ledger/validators.js';
import type { AnyRow } from '../../core/persist.js';

/** A natural person's name as lists show it: the surname and a mask (张**). */
export const maskName = (name: string): string => (name.length <= 1 ? name : `${name[0]}${'*'.repeat(Math.min(name.length - 1, 3))}`);

/** The ID number in clear (server side only), or null. */
export const openIdNo = (stored: string | null | undefined): string | null => (stored ? decryptPii(stored) : null);

/** How the applicant appears where personal data must not: the name masked for a natural person, the number masked. */
export function maskedClaimant(r: { claimant_type: string; claimant_name: string; claimant_id_no: string | null }): { name: string; idNo: string | null } {
  const natural = r.claimant_type === '自然人';
  const id = openIdNo(r.claimant_id_no);
  return { name: natural ? maskName(r.claimant_name) : r.claimant_name, idNo: id ? maskIdNo(id, { naturalPerson: natural }) : null };
}

/** A case row as the audit log and import provenance keep it (optionally only some columns): no clear identity, no ciphertext. */
export function caseAuditView(r: AnyRow, keys?: readonly string[]): Record<string, unknown> {
  const pick = keys ?? Object.keys(r).filter((k) => !['tenant_id', 'id', 'version', 'created_at', 'updated_at'].includes(k));
  const out: Record<string, unknown> = {};
  const m =
    'claimant_name' in r && 'claimant_type' in r ? maskedClaimant(r as { claimant_type: string; claimant_name: string; claimant_id_no: string | null }) : null;
  for (const k of pick) {
    if (k === 'claimant_id_index') continue;
    if (k === 'claimant_id_no') out.claimant_id_no = m?.idNo ?? null;
    else if (k === 'claimant_name') out.claimant_name = m?.name ?? r[k];
    else out[k] = r[k];
  }
  return out;
}
