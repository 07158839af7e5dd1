/** The SQL of the proposals module's demo loader (the module's records live in the demands kernel's tables). */
import type { Kysely } from 'kysely';
import type { KernelDB } from '../../core/db/types.js';

/** The id of the tenant's user of a username, if any. */
export async function userIdByUsername(db: Kysely<KernelDB>, tenantId: string, username: string): Promise<string | null> {
  return (await db.selectFrom('app_user').select('id').where('tenant_id', '=', tenantId).where('username', '=', username).executeTakeFirst())?.id ?? null;
}
