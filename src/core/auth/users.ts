import type { Kysely, Selectable } from 'kysely';
import type { KernelDB, UserTable } from '../db/types.js';
import type { Ctx } from '../context.js';
import { write } from '../audit/audit.js';
import { errors } from '../errors.js';
import { updateVersioned } from '../versioned.js';
import { inScope, ownerOrgForCreate } from '../scope.js';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password.js';
import { isRoleKey, type RoleKey } from './roles.js';

/** A user as presented to clients (never the hash). */
export interface User {
  id: string;
  username: string;
  displayName: string;
  orgId: string;
  roles: RoleKey[];
  mustChangePassword: boolean;
  lockedUntil: string | null;
  disabled: boolean;
  version: number;
}

type UserRow = Selectable<UserTable>;

export const presentUser = (r: UserRow): User => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  orgId: r.org_id,
  roles: r.roles as User['roles'],
  mustChangePassword: r.must_change_password,
  lockedUntil: r.locked_until ? new Date(r.locked_until).toISOString() : null,
  disabled: r.disabled,
  version: r.version,
});

export interface UserInput {
  username: string;
  displayName: string;
  orgId: string;
  roles: string[];
  password: string;
  /** false only for demo accounts: everyone else changes the initial password at first login. */
  mustChangePassword?: boolean;
}

function validateRoles(roles: string[]): RoleKey[] {
  if (!roles.length) throw errors.validation('roles', '至少选择一个角色');
  for (const r of roles) if (!isRoleKey(r)) throw errors.validation('roles', `未知角色：${r}`);
  return roles as RoleKey[];
}

/** Creates a user with an initial password (audit: `user.created`; the password is never logged). */
export async function createUser(
  ctx: Ctx,
  input: UserInput,
  opts: { /** `fazhi demo` only: the demo accounts' shared, documented password. */ demoAccount?: boolean } = {},
): Promise<User> {
  if (!/^[A-Za-z0-9_.-]{3,32}$/.test(input.username ?? '')) throw errors.validation('username', '用户名为3–32位字母、数字、下划线、点或连字符');
  if (!input.displayName?.trim()) throw errors.validation('displayName', '姓名不能为空');
  const roles = validateRoles(input.roles ?? []);
  const policy = opts.demoAccount ? undefined : checkPasswordPolicy(input.password ?? '', { username: input.username });
  if (policy) throw errors.validation('password', policy);
  const passwordHash = await hashPassword(input.password);
  return write(ctx, async ({ tx, audit }) => {
    // Scope on create: the unit must exist and lie within the actor's scope (404 otherwise).
    const orgId = await ownerOrgForCreate({ db: tx, actor: ctx.actor }, input.orgId, '所属单位');
    const dup = await tx.selectFrom('app_user').select('id').where('username', '=', input.username).executeTakeFirst();
    if (dup) throw errors.duplicate('username', `用户名“${input.username}”已被使用`);
    const row = await tx
      .insertInto('app_user')
      .values({
        tenant_id: ctx.actor.tenantId,
        username: input.username,
        display_name: input.displayName.trim(),
        org_id: orgId,
        roles,
        password_hash: passwordHash,
        must_change_password: input.mustChangePassword ?? true,
        locked_until: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const u = presentUser(row);
    await audit({ entity: 'user', entityId: u.id, action: 'created', orgId: u.orgId, after: { ...u, lockedUntil: undefined } });
    return u;
  });
}

export async function listUsers(ctx: Ctx): Promise<User[]> {
  const rows = await ctx.db
    .selectFrom('app_user')
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .$if(!ctx.actor.scope.all, (q) => q.where('org_id', 'in', ctx.actor.scope.all ? [] : [...ctx.actor.scope.orgIds]))
    .orderBy('username')
    .execute();
  return rows.map(presentUser);
}

export interface UserPatch {
  displayName?: string;
  orgId?: string;
  roles?: string[];
  disabled?: boolean;
  /** An admin's reset: sets a new initial password that must be changed at next login, and unlocks. */
  resetPassword?: string;
}

/** Updates a user (admin). Optimistic: `version` must match. */
export async function updateUser(ctx: Ctx, id: string, version: number, patch: UserPatch): Promise<User> {
  const roles = patch.roles ? validateRoles(patch.roles) : undefined;
  let hash: string | undefined;
  if (patch.resetPassword !== undefined) {
    const policy = checkPasswordPolicy(patch.resetPassword, {
      username: (await ctx.db.selectFrom('app_user').select('username').where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', id).executeTakeFirst())
        ?.username,
    });
    if (policy) throw errors.validation('resetPassword', policy);
    hash = await hashPassword(patch.resetPassword);
  }
  return write(ctx, async (w) => {
    const { row } = await updateVersioned<UserRow>(w, {
      table: 'app_user',
      tenantId: ctx.actor.tenantId,
      id,
      version,
      label: '用户',
      inScope: (before) => inScope(ctx.actor, before.org_id),
      patch: async () => {
        // Moving a user to another unit: the unit must lie within the actor's scope.
        if (patch.orgId) await ownerOrgForCreate({ db: w.tx, actor: ctx.actor }, patch.orgId, '所属单位');
        if (patch.displayName !== undefined && !patch.displayName.trim()) throw errors.validation('displayName', '姓名不能为空');
        return {
          ...(patch.displayName !== undefined ? { display_name: patch.displayName.trim() } : {}),
          ...(patch.orgId ? { org_id: patch.orgId } : {}),
          ...(roles ? { roles } : {}),
          ...(patch.disabled !== undefined ? { disabled: patch.disabled } : {}),
          ...(hash ? { password_hash: hash, must_change_password: true, failed_attempts: 0, locked_until: null } : {}),
        };
      },
      audit: { entity: 'user', action: hash ? 'password_reset' : 'updated', view: (r) => ({ ...presentUser(r as UserRow) }) },
      ifUnchanged: 'write',
    });
    if (hash || patch.disabled) await w.tx.deleteFrom('app_session').where('tenant_id', '=', ctx.actor.tenantId).where('user_id', '=', id).execute();
    return presentUser(row as UserRow);
  });
}

/** The user changes their own password (the old one must match; the policy applies). */
/**
 * Changes the signed-in user's password. Every other session of the user ends (a password
 * changed because it leaked must lock out whoever holds it); `keepSession` (the sha256 of
 * the current session's token) stays signed in.
 */
export async function changeOwnPassword(ctx: Ctx, oldPassword: string, newPassword: string, keepSession?: string): Promise<void> {
  const userId = ctx.actor.userId;
  if (!userId) throw errors.unauthenticated();
  const row = await ctx.db.selectFrom('app_user').selectAll().where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', userId).executeTakeFirst();
  if (!row) throw errors.unauthenticated();
  if (!(await verifyPassword(row.password_hash, oldPassword ?? ''))) throw errors.validation('oldPassword', '原密码不正确');
  const policy = checkPasswordPolicy(newPassword ?? '', { username: row.username });
  if (policy) throw errors.validation('newPassword', policy);
  if (oldPassword === newPassword) throw errors.validation('newPassword', '新密码不能与原密码相同');
  const hash = await hashPassword(newPassword);
  await write(ctx, async (w) => {
    const { tx, audit } = w;
    // The password the user proved is the one stored: a change made meanwhile (elsewhere) answers 409.
    await updateVersioned(w, {
      table: 'app_user',
      tenantId: ctx.actor.tenantId,
      id: userId,
      version: row.version,
      label: '用户',
      ifUnchanged: 'write',
      conflictMessage: '密码刚刚已被修改，请重新登录后再试',
      patch: { password_hash: hash, must_change_password: false },
      audit: false, // the event below: no field (the hash is never copied), a note
    });
    const ended = await tx
      .deleteFrom('app_session')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('user_id', '=', userId)
      .$if(!!keepSession, (q) => q.where('id_hash', '!=', keepSession!))
      .executeTakeFirst();
    await audit({
      entity: 'user',
      entityId: userId,
      action: 'password_changed',
      orgId: row.org_id,
      note: { by: 'self', otherSessionsEnded: Number(ended.numDeletedRows ?? 0) },
    });
  });
}

export async function findUserByUsername(db: Kysely<KernelDB>, username: string) {
  return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}
