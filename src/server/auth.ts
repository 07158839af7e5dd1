import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Static, Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { listOwnSessions, login, logout, resolveSession, revokeOwnSessions, sessionHash } from '../core/auth/sessions.js';
import { recentEvents } from '../core/audit/audit.js';
import { recordApiKeyUse, resolveApiKey } from '../core/auth/apiKeys.js';
import { changeOwnPassword } from '../core/auth/users.js';
import { ctxOf } from '../core/http.js';
import { AppError, errors } from '../core/errors.js';
import { ROLES } from '../core/auth/roles.js';
import { Data, Instant, Nullable } from '../core/schemas.js';

export const SESSION_COOKIE = 'fazhi_session';

const Str = Type.String();
/** The signed-in user as the web app reads it: who, where, which roles, scope and permissions, the CSRF token. */
const MeView = Type.Object(
  {
    userId: Nullable(Str),
    username: Str,
    name: Str,
    org: Type.Optional(Type.Object({ id: Str, name: Str, kind: Str })),
    // watermark: the bureau's 屏幕水印 setting (PUT /api/system/settings), drawn by the desktop app.
    tenant: Type.Optional(Type.Object({ id: Str, name: Str, watermark: Type.Boolean() })),
    roles: Type.Array(Type.Object({ key: Str, label: Str })),
    scope: Type.Union([Type.Object({ all: Type.Literal(true) }), Type.Object({ all: Type.Literal(false), orgIds: Type.Array(Str) })]),
    permissions: Type.Array(Str),
    csrfToken: Str,
    mustChangePassword: Type.Boolean(),
    modules: Type.Array(Type.Object({ key: Str, title: Str })),
  },
  { description: '当前用户' },
);
const OkView = Type.Object({ ok: Type.Literal(true) });
/** One of the caller's sessions (个人中心 → 我的会话): an opaque id, never the token or its hash. */
const SessionView = Type.Object(
  {
    id: Type.String({ description: '会话编号（令牌哈希的前16位，仅在本人的会话中匹配）' }),
    createdAt: Instant,
    lastSeenAt: Instant,
    ip: Nullable(Str),
    userAgent: Nullable(Str),
    current: Type.Boolean({ description: '是否为本次请求所用的会话' }),
  },
  { description: '登录会话' },
);
/** One of the caller's sign-in events (个人中心 → 最近登录). */
const SignInView = Type.Object(
  {
    seq: Type.Integer(),
    at: Instant,
    action: Str,
    ip: Nullable(Str),
    userAgent: Nullable(Str),
  },
  { description: '登录记录' },
);
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Routes a user with a forced password change may still call. */
const ALLOWED_BEFORE_CHANGE = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout']);

/**
 * Sessions: an httpOnly SameSite=Strict cookie holds a random token (only its hash
 * is stored); writes must echo the session's CSRF token in `x-csrf-token`; a user
 * whose password must change can do nothing else until it is changed.
 */
export function installAuth(app: FastifyInstance, opts: { secureCookies: boolean | 'auto' }) {
  const sys = app.sys;
  app.addHook('onRequest', async (req) => {
    // A machine client: `Authorization: Bearer <key>` — the key's permissions, no session, no CSRF
    // (no cookie is read or set), never the sign-in or password routes.
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (bearer) {
      const route = req.routeOptions.url ?? '';
      if (!route.startsWith('/api/')) return;
      if (route.startsWith('/api/auth/')) throw new AppError('API_KEY_NOT_ALLOWED', '接口密钥不能用于登录和账号操作', 403);
      const k = await resolveApiKey(sys.db, bearer[1]!);
      if (!k) throw new AppError('API_KEY_INVALID', '接口密钥无效、已过期或已吊销', 401);
      req.session = { actor: k.actor, csrfToken: '', mustChangePassword: false, username: '' };
      req.apiKey = k.key;
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (token) req.session = await resolveSession(sys.db, sys.registry.resolvePermissions, token);
    // Decide on the route the router matched (it decodes and normalises the path), never on the
    // raw URL: `/%61pi/orgs` runs the `/api/orgs` route and must meet the same checks.
    const route = req.routeOptions.url ?? '';
    if (!route.startsWith('/api/')) return;
    if (req.session && !SAFE.has(req.method) && route !== '/api/auth/login') {
      if (req.headers['x-csrf-token'] !== req.session.csrfToken) throw new AppError('CSRF', '请求缺少有效的防伪令牌（CSRF），请刷新页面后重试', 403);
    }
    if (req.session?.mustChangePassword && !ALLOWED_BEFORE_CHANGE.has(route)) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED', '首次登录须先修改初始密码', 403);
    }
  });

  // Every use of a key is audited with its name, the route and the answer, before the answer goes out.
  app.addHook('onSend', async (req, reply) => {
    if (!req.apiKey || !req.session) return;
    await recordApiKeyUse(sys.ctx(req.session.actor, { requestId: String(req.id) }), {
      keyId: req.apiKey.id,
      method: req.method,
      route: req.routeOptions.url ?? req.url,
      status: reply.statusCode,
    });
  });

  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['登录'];
  const cookieOpts = (req: FastifyRequest) => ({
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: opts.secureCookies === 'auto' ? req.protocol === 'https' : opts.secureCookies,
  });

  api.post(
    '/api/auth/login',
    {
      schema: {
        tags,
        summary: '用户名密码登录',
        body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) }),
        response: { 200: Data(MeView) },
      },
    },
    async (req, reply) => {
      const client = { ip: req.ip, userAgent: req.headers['user-agent'] };
      const r = await login(sys.db, sys.registry.resolvePermissions, { ...req.body, client });
      reply.setCookie(SESSION_COOKIE, r.token, cookieOpts(req));
      return { data: await me({ actor: r.actor, csrfToken: r.csrfToken, mustChangePassword: r.mustChangePassword, username: req.body.username }) };
    },
  );
  api.post('/api/auth/logout', { schema: { tags, summary: '退出登录', response: { 200: Data(OkView) } } }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await logout(sys.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { data: { ok: true as const } };
  });
  api.get('/api/auth/me', { schema: { tags, summary: '当前用户、权限与防伪令牌', response: { 200: Data(MeView) } } }, async (req) => {
    if (!req.session) throw errors.unauthenticated();
    return { data: await me(req.session) };
  });
  api.post(
    '/api/auth/password',
    {
      schema: {
        tags,
        summary: '修改本人密码',
        body: Type.Object({ oldPassword: Type.String({ maxLength: 256 }), newPassword: Type.String({ maxLength: 256 }) }),
        response: { 200: Data(OkView) },
      },
    },
    async (req) => {
      const token = req.cookies[SESSION_COOKIE];
      await changeOwnPassword(ctxOf(req), req.body.oldPassword, req.body.newPassword, token ? sessionHash(token) : undefined);
      return { data: { ok: true as const } };
    },
  );

  // ── 个人中心: the caller's own sessions and sign-ins ──
  api.get(
    '/api/auth/sessions',
    { schema: { tags, summary: '本人的登录会话（当前有效的；标明本次会话）', response: { 200: Data(Type.Array(SessionView)) } } },
    async (req) => {
      if (!req.session) throw errors.unauthenticated();
      const rows = await listOwnSessions(sys.db, req.session.actor, req.cookies[SESSION_COOKIE]);
      return { data: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), lastSeenAt: r.lastSeenAt.toISOString() })) };
    },
  );
  api.delete(
    '/api/auth/sessions/:id',
    {
      schema: {
        tags,
        summary: '注销本人的一个会话（他人的会话一律404）；记入审计日志',
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        response: { 200: Data(Type.Object({ revoked: Type.Integer() })) },
      },
    },
    async (req) => {
      if (!req.session) throw errors.unauthenticated();
      return { data: { revoked: await revokeOwnSessions(sys.db, req.session.actor, { id: req.params.id }, String(req.id)) } };
    },
  );
  api.post(
    '/api/auth/sessions/revoke-others',
    {
      schema: { tags, summary: '退出其他设备：注销本人除本次以外的全部会话；记入审计日志', response: { 200: Data(Type.Object({ revoked: Type.Integer() })) } },
    },
    async (req) => {
      if (!req.session) throw errors.unauthenticated();
      const revoked = await revokeOwnSessions(sys.db, req.session.actor, { allBut: req.cookies[SESSION_COOKIE] }, String(req.id));
      return { data: { revoked } };
    },
  );
  api.get(
    '/api/auth/logins',
    {
      schema: {
        tags,
        summary: '本人最近的登录记录（登录、登录失败、锁定、退出），最新在前',
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) }),
        response: { 200: Data(Type.Array(SignInView)) },
      },
    },
    async (req) => {
      const userId = req.session?.actor.userId;
      if (!req.session || !userId) throw errors.unauthenticated();
      const events = await recentEvents(sys.db, req.session.actor.tenantId, {
        entity: 'user',
        entityId: userId,
        actions: ['login', 'login_failed', 'locked', 'login_refused', 'logout'],
        limit: req.query.limit ?? 20,
      });
      const text = (v: unknown) => (typeof v === 'string' ? v : null);
      return {
        data: events.map((e) => ({
          seq: e.seq,
          at: e.at.toISOString(),
          action: e.action,
          ip: text(e.changes.note?.ip),
          userAgent: text(e.changes.note?.userAgent),
        })),
      };
    },
  );

  async function me(s: NonNullable<FastifyRequest['session']>): Promise<Static<typeof MeView>> {
    const org = await sys.db
      .selectFrom('org')
      .select(['id', 'name', 'kind'])
      .where('tenant_id', '=', s.actor.tenantId)
      .where('id', '=', s.actor.orgId!)
      .executeTakeFirst();
    const tenant = await sys.db.selectFrom('tenant').select(['id', 'name', 'watermark']).where('id', '=', s.actor.tenantId).executeTakeFirst();
    return {
      userId: s.actor.userId,
      username: s.username,
      name: s.actor.name,
      org,
      tenant,
      roles: s.actor.roles.map((r) => ({ key: r, label: ROLES[r].label })),
      scope: s.actor.scope.all ? { all: true as const } : { all: false as const, orgIds: [...s.actor.scope.orgIds] },
      permissions: [...s.actor.permissions].sort(),
      csrfToken: s.csrfToken,
      mustChangePassword: s.mustChangePassword,
      modules: sys.registry.modules.map((m) => ({ key: m.key, title: m.title })),
    };
  }
}
