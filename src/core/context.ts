import type { Kysely } from 'kysely';
import type { KernelDB } from './db/types.js';
import type { DataScope, RoleKey } from './auth/roles.js';

/** Who is acting: a signed-in user, or the system (CLI, demo loader, jobs). */
export interface Actor {
  tenantId: string;
  userId: string | null;
  name: string;
  orgId: string | null;
  roles: readonly RoleKey[];
  scope: DataScope;
  permissions: ReadonlySet<string>;
}

/** What every service call receives: the database (or transaction) and the actor. */
export interface Ctx {
  db: Kysely<KernelDB>;
  actor: Actor;
  requestId?: string;
}

/** The system actor, used by the CLI, imports run from the command line and the demo loader. */
export function systemActor(tenantId: string, name = '系统', permissions: ReadonlySet<string> = ALL): Actor {
  return { tenantId, userId: null, name, orgId: null, roles: ['admin'], scope: { all: true }, permissions };
}

/** A permission set that holds every permission (system actor). */
export const ALL: ReadonlySet<string> = new (class extends Set<string> {
  override has() {
    return true;
  }
})();
