import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { KernelDB } from '../db/types.js';
import type { Actor } from '../context.js';
import { recordAudit } from '../audit/audit.js';
import { AppError, errors } from '../errors.js';
import { AUTH_POLICY, hashPassword, verifyPassword } from './password.js';
import { scopeFor, type RoleKey } from './roles.js';
import { findUserByUsername } from './users.js';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** How a session token is stored (and looked up): its sha256. */
export const sessionHash = sha256;

/** The one answer for a wrong password and an unknown user alike (no username enumeration). */
const BAD_CREDENTIALS = '用户名或密码错误';

/** Maps roles to the permissions modules granted them. Built once from the manifests. */
export type PermissionResolver = (roles: readonly RoleKey[]) => ReadonlySet<string>;

/** Where a sign-in came from: the request's address and user agent (kept on the session and in the audit note). */
export interface LoginClient {
  ip?: string | undefined;
  userAgent?: string | undefined;
}

/** The note a sign-in event carries about its client (登录地址, 浏览器), only what is known. */
function clientNote(c: LoginClient | undefined): Record<string, string> {
  const note: Record<string, string> = {};
  if (c?.ip) note.ip = c.ip.slice(0, 64);
  if (c?.userAgent) note.userAgent = c.userAgent.slice(0, 300);
  return note;
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  actor: Actor;
  mustChangePassword: boolean;
}

// A hash to verify against when the user does not exist, so timing does not reveal usernames.
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword('Dummy-password-1'));

/**
 * Password login. 5 failures lock the account for 15 minutes (locked accounts are refused
 * even with the right password). Each attempt first takes one of the account's attempts
 * atomically (`failed_attempts + 1` in one UPDATE), so parallel guesses cannot check more
 * than 5 passwords before the lock; a right password gives the attempt back. A wrong password
 * and an unknown user get the same answer after the same argon2 work. Failures, logins and
 * attempts refused while locked (`login_refused`, no password checked) are audited, with the client's address and user agent (`client`) in the note; the session keeps
 * them too. `now`: the instant of the attempt (the lock and the new session reckon from it).
 */
export async function login(
  db: Kysely<KernelDB>,
  resolve: PermissionResolver,
  { username, password, client }: { username: string; password: string; client?: LoginClient },
  now = new Date(),
): Promise<LoginResult> {
  const user = await findUserByUsername(db, username ?? '');
  if (!user || user.disabled) {
    await verifyPassword(await dummy(), password ?? '');
    throw errors.unauthenticated(BAD_CREDENTIALS);
  }
  const sys: Actor = {
    tenantId: user.tenant_id,
    userId: user.id,
    name: user.display_name,
    orgId: user.org_id,
    roles: [],
    scope: { all: false, orgIds: [] },
    permissions: new Set(),
  };
  const lockedMessage = (until: Date) =>
    `密码连续错误${AUTH_POLICY.maxFailures}次，账号已锁定，请${Math.ceil((until.getTime() - now.getTime()) / 60000)}分钟后再试`;
  // Take an attempt: only while the account is not locked and has attempts left.
  const taken = await db
    .updateTable('app_user')
    // An expired lock left its count behind: the first attempt after it counts as 1.
    .set((eb) => ({
      failed_attempts: eb
        .case()
        .when(eb.and([eb('locked_until', 'is not', null), eb('locked_until', '<=', now)]))
        .then(1)
        .else(eb('failed_attempts', '+', 1))
        .end(),
      locked_until: null,
    }))
    .where('tenant_id', '=', user.tenant_id)
    .where('id', '=', user.id)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .where((eb) => eb.or([eb('failed_attempts', '<', AUTH_POLICY.maxFailures), eb('locked_until', '<=', now)]))
    .returning(['failed_attempts'])
    .executeTakeFirst();
  if (!taken) {
    const fresh = await db.selectFrom('app_user').select(['locked_until']).where('tenant_id', '=', user.tenant_id).where('id', '=', user.id).executeTakeFirst();
    const until = fresh?.locked_until && fresh.locked_until > now ? fresh.locked_until : new Date(now.getTime() + AUTH_POLICY.lockMinutes * 60000);
    // Every attempt on a locked account is on the record too (等保: all sign-in attempts audited), password unchecked.
    await db.transaction().execute((tx) =>
      recordAudit(tx, sys, {
        entity: 'user',
        entityId: user.id,
        action: 'login_refused',
        orgId: user.org_id,
        note: { lockedUntil: until.toISOString(), ...clientNote(client) },
      }),
    );
    throw new AppError('ACCOUNT_LOCKED', lockedMessage(until), 423);
  }
  const ok = await verifyPassword(user.password_hash, password ?? '');
  if (!ok) {
    // The count was taken above; a failure never writes it back (a parallel guess that took a
    // later attempt would be undone), only the attempt that took the last one sets the lock.
    const failures = Number(taken.failed_attempts);
    const lock = failures >= AUTH_POLICY.maxFailures;
    await db.transaction().execute(async (tx) => {
      if (lock) {
        await tx
          .updateTable('app_user')
          .set({ locked_until: new Date(now.getTime() + AUTH_POLICY.lockMinutes * 60000) })
          .where('tenant_id', '=', user.tenant_id)
          .where('id', '=', user.id)
          .execute();
      }
      await recordAudit(tx, sys, {
        entity: 'user',
        entityId: user.id,
        action: lock ? 'locked' : 'login_failed',
        orgId: user.org_id,
        note: { failures, ...clientNote(client) },
      });
    });
    throw errors.unauthenticated(BAD_CREDENTIALS);
  }
  const token = crypto.randomBytes(32).toString('base64url');
  const csrfToken = crypto.randomBytes(24).toString('base64url');
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('app_user')
      .set({ failed_attempts: 0, locked_until: null })
      .where('tenant_id', '=', user.tenant_id)
      .where('id', '=', user.id)
      .execute();
    await tx
      .insertInto('app_session')
      .values({
        id_hash: sha256(token),
        tenant_id: user.tenant_id,
        user_id: user.id,
        csrf_token: csrfToken,
        created_at: now,
        last_seen_at: now,
        ip: clientNote(client).ip ?? null,
        user_agent: clientNote(client).userAgent ?? null,
      })
      .execute();
    const note = clientNote(client);
    await recordAudit(tx, sys, { entity: 'user', entityId: user.id, action: 'login', orgId: user.org_id, ...(Object.keys(note).length ? { note } : {}) });
  });
  const roles = user.roles as RoleKey[];
  return {
    token,
    csrfToken,
    mustChangePassword: user.must_change_password,
    actor: {
      tenantId: user.tenant_id,
      userId: user.id,
      name: user.display_name,
      orgId: user.org_id,
      roles,
      scope: scopeFor(roles, user.org_id),
      permissions: resolve(roles),
    },
  };
}

export interface SessionInfo {
  actor: Actor;
  csrfToken: string;
  mustChangePassword: boolean;
  username: string;
}

/**
 * Resolves a session token. Sessions idle for more than 30 minutes end; activity
 * slides the window (written at most once a minute).
 */
export async function resolveSession(db: Kysely<KernelDB>, resolve: PermissionResolver, token: string, now = new Date()): Promise<SessionInfo | undefined> {
  const idHash = sessionHash(token);
  const row = await db
    .selectFrom('app_session as s')
    .innerJoin('app_user as u', (j) => j.onRef('u.tenant_id', '=', 's.tenant_id').onRef('u.id', '=', 's.user_id'))
    .select([
      's.id_hash',
      's.csrf_token',
      's.last_seen_at',
      'u.tenant_id',
      'u.id',
      'u.username',
      'u.display_name',
      'u.org_id',
      'u.roles',
      'u.disabled',
      'u.must_change_password',
    ])
    .where('s.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row || row.disabled) return undefined;
  const idleMs = now.getTime() - new Date(row.last_seen_at).getTime();
  if (idleMs > AUTH_POLICY.idleMinutes * 60000) {
    await db.deleteFrom('app_session').where('id_hash', '=', idHash).execute();
    return undefined;
  }
  if (idleMs > 60000) await db.updateTable('app_session').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
  const roles = row.roles as RoleKey[];
  return {
    csrfToken: row.csrf_token,
    mustChangePassword: row.must_change_password,
    username: row.username,
    actor: {
      tenantId: row.tenant_id,
      userId: row.id,
      name: row.display_name,
      orgId: row.org_id,
      roles,
      scope: scopeFor(roles, row.org_id),
      permissions: resolve(roles),
    },
  };
}

/** Signs a session out: the session ends and the sign-out is audited (登录日志's 退出). */
export async function logout(db: Kysely<KernelDB>, token: string): Promise<void> {
  const idHash = sha256(token);
  const row = await db
    .selectFrom('app_session as s')
    .innerJoin('app_user as u', (j) => j.onRef('u.tenant_id', '=', 's.tenant_id').onRef('u.id', '=', 's.user_id'))
    .select(['u.tenant_id', 'u.id', 'u.display_name', 'u.org_id'])
    .where('s.id_hash', '=', idHash)
    .executeTakeFirst();
  if (!row) return;
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('app_session').where('id_hash', '=', idHash).execute();
    const actor: Actor = {
      tenantId: row.tenant_id,
      userId: row.id,
      name: row.display_name,
      orgId: row.org_id,
      roles: [],
      scope: { all: false, orgIds: [] },
      permissions: new Set(),
    };
    await recordAudit(tx, actor, { entity: 'user', entityId: row.id, action: 'logout', orgId: row.org_id, note: { session: sessionId(idHash) } });
  });
}

/**
 * The id a session is shown and revoked by (个人中心's 我的会话): the first 16 hex digits of its
 * token's hash — never the token, nor the whole hash (which is what a session is looked up by).
 * It is matched only among the caller's own sessions.
 */
export const sessionId = (idHash: string) => idHash.slice(0, 16);

/** One of the caller's live sessions as 个人中心 lists it. */
export interface OwnSession {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  userAgent: string | null;
  current: boolean;
}

/** The caller's own sessions that are still live (idle less than the policy's minutes), newest sign-in first; `token`: the caller's, marked current. */
export async function listOwnSessions(db: Kysely<KernelDB>, actor: Actor, token: string | undefined, now = new Date()): Promise<OwnSession[]> {
  if (!actor.userId) return [];
  const current = token ? sessionHash(token) : '';
  const rows = await db
    .selectFrom('app_session')
    .select(['id_hash', 'created_at', 'last_seen_at', 'ip', 'user_agent'])
    .where('tenant_id', '=', actor.tenantId)
    .where('user_id', '=', actor.userId)
    .where('last_seen_at', '>', new Date(now.getTime() - AUTH_POLICY.idleMinutes * 60000))
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: sessionId(r.id_hash),
    createdAt: new Date(r.created_at),
    lastSeenAt: new Date(r.last_seen_at),
    ip: r.ip,
    userAgent: r.user_agent,
    current: r.id_hash === current,
  }));
}

/**
 * Ends sessions of the caller: the one shown as `id` (404 when none of the caller's own sessions
 * has it — another user's session is never found; `session_revoked`), or every session but the
 * caller's current one (`allBut`: the caller's token; 退出其他设备, `other_sessions_revoked` with how
 * many). Audited on the user.
 * Returns how many sessions ended.
 */
export async function revokeOwnSessions(
  db: Kysely<KernelDB>,
  actor: Actor,
  which: { id: string } | { allBut: string | undefined },
  requestId?: string,
): Promise<number> {
  if (!actor.userId) throw errors.notFound('会话');
  const userId = actor.userId;
  return db.transaction().execute(async (tx) => {
    let q = tx.deleteFrom('app_session').where('tenant_id', '=', actor.tenantId).where('user_id', '=', userId);
    if ('id' in which) {
      if (!/^[0-9a-f]{16}$/.test(which.id)) throw errors.notFound('会话');
      q = q.where('id_hash', 'like', `${which.id}%`);
    } else if (which.allBut) q = q.where('id_hash', '<>', sessionHash(which.allBut));
    const gone = await q.returning('id_hash').execute();
    if ('id' in which && !gone.length) throw errors.notFound('会话');
    if (gone.length)
      await recordAudit(
        tx,
        actor,
        {
          entity: 'user',
          entityId: userId,
          action: 'id' in which ? 'session_revoked' : 'other_sessions_revoked',
          orgId: actor.orgId,
          note: 'id' in which ? { session: which.id } : { sessions: gone.length },
        },
        requestId,
      );
    return gone.length;
  });
}
