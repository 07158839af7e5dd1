/** All SQL of the petitions module's own tables: the receipts of petitions submitted online. */
import type { Kysely } from 'kysely';
import type { KernelDB } from '../../core/db/types.js';
import { onlineReceiptStore } from '../demands/index.js';
import type { PetitionsTables } from './schema.js';

/** 网上信访的回执 — the online store of the petition kind (receipt number → petition), over its own table. */
export const petitionsOnlineStore = onlineReceiptStore<PetitionsTables>('petitions_online');

// ── The demo bureau's loads (demo.ts) ──

/** The id of the tenant's user of a username, if any. */
export async function userIdByUsername(db: Kysely<KernelDB>, tenantId: string, username: string): Promise<string | null> {
  return (await db.selectFrom('app_user').select('id').where('tenant_id', '=', tenantId).where('username', '=', username).executeTakeFirst())?.id ?? null;
}
