import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from '../core/errors.js';

const VALIDATION_MESSAGES: Record<string, string> = {
  required: '缺少必填字段',
  type: '类型不正确',
  format: '格式不正确',
  minLength: '长度不足',
  maxLength: '长度超出',
  pattern: '格式不正确',
  minimum: '数值过小',
  maximum: '数值过大',
  enum: '不是可选值',
  const: '不是可选值',
  anyOf: '不是可选值',
};

/**
 * The one error handler: domain errors become `{ code, message, field?, details? }`
 * with their status; schema failures name the field; 5xx messages are hidden.
 */
export function installErrorHandler(app: FastifyInstance, spa: () => boolean = () => false) {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) {
      return reply.code(err.status).send({ code: err.code, message: err.message, field: err.field, details: err.details });
    }
    const fe = err as FastifyError & { validation?: Array<{ instancePath: string; keyword: string; params: Record<string, unknown>; message?: string }> };
    if (fe.validation?.length) {
      const v = fe.validation[0]!;
      const field = (v.keyword === 'required' ? String(v.params.missingProperty ?? '') : v.instancePath.replace(/^\//, '').replace(/\//g, '.')) || undefined;
      const what = VALIDATION_MESSAGES[v.keyword] ?? '不符合要求';
      return reply.code(400).send({ code: 'VALIDATION', message: field ? `字段“${field}”${what}` : `请求${what}`, field });
    }
    if (fe.statusCode && fe.statusCode < 500) {
      const message = fe.statusCode === 413 ? '上传内容过大' : fe.statusCode === 415 ? '不支持的内容类型' : fe.statusCode === 404 ? '资源不存在' : '请求无效';
      return reply.code(fe.statusCode).send({ code: fe.code ?? 'BAD_REQUEST', message });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send({ code: 'INTERNAL', message: '服务器内部错误，请稍后重试或联系管理员' });
  });
  app.setNotFoundHandler((req, reply) => {
    // The single-page app answers every other GET path with its index (client-side routes).
    if (spa() && req.method === 'GET' && !req.url.startsWith('/api/')) return reply.sendFile('index.html');
    return reply.code(404).send({ code: 'NOT_FOUND', message: `接口不存在：${req.method} ${req.url}` });
  });
}
