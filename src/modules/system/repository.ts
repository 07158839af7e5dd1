import type { Kysely } from 'kysely';
import type { KernelDB } from '../../core/db/types.js';

/** An org's id if it exists in the tenant (undefined when not). */
export async function orgIdOf(db: Kysely<KernelDB>, tenantId: string, id: string): Promise<string | undefined> {
  const r = await db.selectFrom('org').select('id').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return r?.id;
}

/** The org a user belongs to (undefined when there is no such user). */
export async function userOrgOf(db: Kysely<KernelDB>, tenantId: string, id: string): Promise<string | undefined> {
  const r = await db.selectFrom('app_user').select('org_id').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  return r?.org_id;
}

/** Every org of a tenant (the orgs ledger matches an import's rows by name). */
export function tenantOrgs(db: Kysely<KernelDB>, tenantId: string) {
  return db.selectFrom('org').selectAll().where('tenant_id', '=', tenantId).execute();
}
