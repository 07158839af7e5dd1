/**
 * Staff phone numbers (值班人员, 水利工程责任人) are personal identifiers like citizens':
 * stored encrypted with a blind index (core/crypto/pii.ts), shown in full only to users
 * who may see them, masked elsewhere. Declared in the manifest (`pii`) so a key rotation
 * re-encrypts them; rows from before 0003 are sealed at start-up (`sealPlaintext`).
 */
import { decryptPii, encryptPii, isEncryptedPii, piiIndex } from '../../core/crypto/pii.js';
import type { PiiColumnDef } from '../../core/module.js';
import type { AnyRow } from '../../core/persist.js';

export const ROLES = ['admin', 'tech', 'patrol'] as const;
export type PersonRole = (typeof ROLES)[number];

/** The flood module's encrypted phone columns, with their blind indexes. */
export const FLOOD_PII: readonly PiiColumnDef[] = [
  { table: 'flood_duty', column: 'phone', index: 'phone_idx', sealPlaintext: true },
  ...ROLES.map((k) => ({ table: 'flood_work', column: `${k}_phone`, index: `${k}_phone_idx`, sealPlaintext: true })),
];

/** A stored phone as plain text (a value not yet sealed reads as it is). */
export const openPhone = (stored: string | null | undefined): string | null => (!stored ? null : isEncryptedPii(stored) ? decryptPii(stored) : stored);

/** The phone column and its index for a plain phone. */
export const sealPhone = (plain: string | null | undefined): { phone: string | null; idx: string | null } => ({
  phone: encryptPii(plain ?? null),
  idx: piiIndex(plain ?? null),
});

/** The blind index of a phone, to find duty lines or works by it. */
export const phoneIndex = (plain: string): string | null => piiIndex(plain);

/**
 * A work's values with its three phones sealed. A phone equal to the stored one keeps the
 * stored ciphertext (encryption is randomised: re-encrypting would mark an unchanged row changed).
 */
export function sealWorkPhones<V extends Record<string, unknown>>(values: V, old?: AnyRow): V {
  const out: Record<string, unknown> = { ...values };
  for (const k of ROLES) {
    const plain = (values[`${k}_phone`] as string | null | undefined) ?? null;
    if (old?.[`${k}_phone_idx`] && openPhone(old[`${k}_phone`]) === plain) {
      out[`${k}_phone`] = old[`${k}_phone`];
      out[`${k}_phone_idx`] = old[`${k}_phone_idx`];
    } else {
      const s = sealPhone(plain);
      out[`${k}_phone`] = s.phone;
      out[`${k}_phone_idx`] = s.idx;
    }
  }
  return out as V;
}
