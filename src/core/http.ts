import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx } from './context.js';
import type { SessionInfo } from './auth/sessions.js';
import type { System } from './system.js';
import { errors } from './errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    sys: System;
  }
  interface FastifyRequest {
    session?: SessionInfo;
    /** The machine client's key, when the request authenticated with one (`Authorization: Bearer`). */
    apiKey?: { id: string; name: string };
  }
}

/** The service context of a signed-in request; 401 when there is no session. */
export function ctxOf(req: FastifyRequest): Ctx {
  if (!req.session) throw errors.unauthenticated();
  return req.server.sys.ctx(req.session.actor, { requestId: String(req.id) });
}

/** The context, after checking the actor holds a permission (403 otherwise). */
export function authorize(req: FastifyRequest, permission: string): Ctx {
  const ctx = ctxOf(req);
  if (!ctx.actor.permissions.has(permission)) throw errors.forbidden();
  return ctx;
}

/** Sends a file download with a UTF-8 filename. */
export function sendFile(reply: FastifyReply, data: Buffer, filename: string, mime: string) {
  return reply
    .header('content-type', mime)
    .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(data);
}
