import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { Type } from '@fastify/type-provider-typebox';
import '../core/http.js';
import type { System } from '../core/system.js';
import { projectRoot } from '../core/paths.js';
import { FILE_LIMITS } from '../core/files/store.js';
import { installErrorHandler } from './errors.js';
import { installAuth } from './auth.js';
import { kernelRoutes } from './kernelRoutes.js';
import { assertCleanText, assertFiniteNumbers, boundSchema, closeBodies, isoDateFormat } from '../core/input.js';
import { installValidators } from './validation.js';
import { activity } from '../core/activity.js';
import { checkingResponses, installResponseCheck } from './responses.js';

export interface ServerOptions {
  /** Pino logger options; false in tests. */
  logger?: boolean | object;
  /** Serve the built web app from this folder (default: web/dist when it exists). */
  webDist?: string | null;
  /** Secure session cookies: always, never, or 'auto' (when the client spoke HTTPS, directly or through a trusted proxy). */
  secureCookies?: boolean | 'auto';
  /** Check every answer strictly against its route's response schema (default: under the test runner, or FAZHI_CHECK_RESPONSES=1). */
  checkResponses?: boolean;
}

/** Most bytes of one form field of an upload (the attachment's entity and record id are short). */
export const MULTIPART_FIELD_BYTES = 4096;

// Response schemas use the kernel's formats too (the serialiser's own ajv would warn on 'iso-date').
const SERIALIZER_OPTS = { ajv: { formats: { 'iso-date': isoDateFormat } } };
const defaultWebDist = path.join(projectRoot, 'web', 'dist');

/** A client's request id worth keeping in the log: a short, plain token. */
/** A build asset named by its content hash (web/dist/assets/Page-AbC123_x.js), or its compressed copy (….js.br). */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+(\.br|\.gz)?$/;
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** FAZHI_TRUST_PROXY: unset/false → no proxy; true/1 → trust X-Forwarded-*; else an address list. */
function trustProxy(v: string | undefined): boolean | string {
  if (!v || v === '0' || v === 'false') return false;
  if (v === '1' || v === 'true') return true;
  return v;
}

/**
 * Assembles the HTTP server from the system's manifests. Order matters:
 * request ids and logging → cookies and uploads → OpenAPI → errors → session
 * and CSRF → kernel routes → module routes → the web app.
 */
export async function buildServer(sys: System, opts: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    // Request ids are the server's own (they are written into the audit chain); a client's id is
    // kept in the log only when it is a short, plain token.
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    // Behind a reverse proxy (FAZHI_TRUST_PROXY=true or its address) the client's protocol and
    // address come from X-Forwarded-*; cookies are Secure whenever the client spoke HTTPS.
    trustProxy: trustProxy(process.env.FAZHI_TRUST_PROXY),
    bodyLimit: 2 * 1024 * 1024,
    serializerOpts: SERIALIZER_OPTS,
  });
  // Bodies are validated as sent (no type coercion), path and query coerced from text; every
  // schema compiled on its route's first call: validation.ts.
  installValidators(app, SERIALIZER_OPTS);
  app.decorate('sys', sys);
  // Requests in flight, for background work that steps aside while people wait (core/activity.ts).
  const counted = new WeakSet<object>();
  const done = (req: object) => {
    if (counted.delete(req)) activity.leave();
  };
  app.addHook('onRequest', async (req) => {
    counted.add(req);
    activity.enter();
  });
  app.addHook('onResponse', async (req) => done(req));
  app.addHook('onRequestAbort', async (req) => done(req));
  app.addHook('onRequest', async (req) => {
    const client = req.headers['x-request-id'];
    if (typeof client === 'string' && CLIENT_REQUEST_ID.test(client)) req.log = req.log.child({ clientRequestId: client });
  });
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  // Security headers: CSP (scripts and everything else from this origin only; Ant Design's
  // runtime styles need inline style attributes), no framing, nosniff, no referrer across origins.
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    // Plain-HTTP intranet deployments are common: HSTS only where the operator turns HTTPS on.
    hsts: process.env.FAZHI_HSTS === '1',
    crossOriginEmbedderPolicy: false,
  });

  await app.register(cookie);
  // Uploads: one file of at most 20 MB, a few short fields (a longer value is refused, not cut:
  // see the upload routes), few part headers; a boundary longer than RFC 2046's 70 characters is refused.
  await app.register(multipart, {
    limits: { fileSize: FILE_LIMITS.maxBytes, files: 1, fields: 10, parts: 11, fieldSize: MULTIPART_FIELD_BYTES, fieldNameSize: 100, headerPairs: 20 },
    throwFileSizeLimit: true,
  });
  app.addHook('onRequest', async (req, reply) => {
    const type = req.headers['content-type'];
    if (typeof type !== 'string' || !/^multipart\//i.test(type)) return;
    const boundary = /;\s*boundary=(?:"([^"]*)"|([^;\s]*))/i.exec(type);
    const b = boundary?.[1] ?? boundary?.[2] ?? '';
    if (b.length > 70)
      return reply.code(400).send({ code: 'BAD_UPLOAD', message: '上传内容格式不正确：multipart 边界（boundary）超过70个字符', field: 'file' });
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Fazhi 法治水务 API',
        version: '0.1.0',
        description: '区水务局法治工作系统接口。写操作需登录会话 Cookie 与 x-csrf-token 头。错误格式：{ code, message, field? }。',
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  let spaFallback = false;
  installErrorHandler(app, () => spaFallback);
  installInputGuard(app);
  if (opts.checkResponses ?? checkingResponses()) installResponseCheck(app);
  installAuth(app, {
    secureCookies: opts.secureCookies ?? (process.env.FAZHI_SECURE_COOKIES === '1' ? true : process.env.FAZHI_SECURE_COOKIES === '0' ? false : 'auto'),
  });

  await app.register(kernelRoutes, { prefix: '/api' });
  for (const m of sys.registry.modules) {
    if (m.routes) await app.register(async (scope) => m.routes!(scope), { prefix: '/api' });
  }

  const dist = opts.webDist === undefined ? defaultWebDist : opts.webDist;
  if (dist && fs.existsSync(path.join(dist, 'index.html'))) {
    // Files are looked up at request time, so a rebuilt web app is served without a restart. The
    // build writes each text asset also as .br and .gz: the one the browser accepts is sent. A
    // hashed asset never changes (a new build names a new file): cached for a year, immutable;
    // index.html and the icons are revalidated on every visit, so a new build is seen at once.
    await app.register(fastifyStatic, {
      root: dist,
      wildcard: true,
      index: false,
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, file) => res.setHeader('cache-control', HASHED_ASSET.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
    app.get('/', (_req, reply) => reply.sendFile('index.html'));
    spaFallback = true;
  }
  app.get('/healthz', { schema: { summary: '存活检查', response: { 200: Type.Object({ ok: Type.Literal(true) }) } } }, async () => ({ ok: true as const }));
  return app;
}

/**
 * The kernel's input guard: every route schema is bounded where it declares no bound
 * (strings a maxLength, numbers a range, YYYY-MM-DD patterns a real date), and every
 * string of params, query and JSON body is checked for NUL and lone surrogates before
 * validation, and every coerced number of params and query for Infinity after it —
 * 400 naming the field, before any SQL runs.
 */
function installInputGuard(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    const s = route.schema as Record<string, unknown> | undefined;
    if (!s) return;
    boundSchema(s.params, 'param');
    boundSchema(s.querystring, 'query');
    boundSchema(s.body, 'body');
    closeBodies(s.body);
  });
  app.addHook('preValidation', async (req) => {
    assertCleanText(req.params);
    assertCleanText(req.query);
    if (req.body !== undefined && !req.isMultipart()) assertCleanText(req.body);
  });
  app.addHook('preHandler', async (req) => {
    assertFiniteNumbers(req.params);
    assertFiniteNumbers(req.query);
  });
}
