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
  additionalProperties: '不是可接受的字段',
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
      const at = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
      const field =
        (v.keyword === 'required'
          ? String(v.params.missingProperty ?? '')
          : v.keyword === 'additionalProperties'
            ? [at, String(v.params.additionalProperty ?? '')].filter(Boolean).join('.')
            : at) || undefined;
      const what =
        v.keyword === 'format' && v.params.format === 'iso-date'
          ? '不是有效的日期（应为YYYY-MM-DD格式的真实日期）'
          : (VALIDATION_MESSAGES[v.keyword] ?? '不符合要求');
      return reply.code(400).send({ code: 'VALIDATION', message: field ? `字段“${field}”${what}` : `请求${what}`, field });
    }
    const db = databaseError(err);
    if (db) {
      // A schema bound or check should have caught it before SQL ran: worth knowing.
      req.log.warn({ err }, 'database error answered as a client error');
      return reply.code(db.status).send({ code: db.code, message: db.message, field: db.field });
    }
    const mp = multipartError(err, String(req.headers['content-type'] ?? ''));
    if (mp) return reply.code(mp.status).send({ code: mp.code, message: mp.message, field: mp.field });
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

/** snake_case column → the camelCase field the API speaks. */
const fieldOf = (column: string | undefined) => column?.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
/** Columns every table carries that are never what a user typed. */
const SCOPE_COLUMNS = new Set(['tenant_id', 'org_id', 'deleted_at']);

/** The column a unique or foreign-key violation is about, from its detail: `Key (org_id, name)=(…) already exists.` */
function keyColumn(detail: string | undefined): string | undefined {
  const m = /Key \(([^)]*)\)/.exec(detail ?? '');
  if (!m) return undefined;
  const cols = m[1]!
    .split(',')
    .map((c) => c.trim().replace(/^lower\(|\)$|"/g, ''))
    .filter(Boolean);
  return cols.filter((c) => !SCOPE_COLUMNS.has(c)).at(-1) ?? cols.at(-1);
}

interface ClientError {
  status: number;
  code: string;
  message: string;
  field?: string;
}

/**
 * A database error that bad input caused, as the client error it is (the transaction
 * has rolled back, so nothing changed): unique 23505 → 409, foreign key 23503 → 409,
 * bad text/date/number/length → 400. Null for anything else (a 500 stays a 500).
 */
export function databaseError(err: unknown): ClientError | null {
  const e = err as { code?: unknown; column?: string; constraint?: string; detail?: string; severity?: unknown };
  if (typeof e?.code !== 'string' || !/^[0-9A-Z]{5}$/.test(e.code) || e.severity === undefined) return null;
  const field = fieldOf(e.column ?? keyColumn(e.detail));
  const bad = (message: string): ClientError => ({ status: 400, code: 'VALIDATION', message: field ? `字段“${field}”${message}` : message, field });
  switch (e.code) {
    case '23505':
      return { status: 409, code: 'DUPLICATE', message: field ? `字段“${field}”的值已存在` : '该值已存在', field };
    case '23503':
      return /is still referenced/.test(e.detail ?? '')
        ? { status: 409, code: 'CONFLICT', message: '该记录仍被其他记录引用，不能删除或修改', field }
        : { status: 400, code: 'VALIDATION', message: field ? `字段“${field}”引用的记录不存在` : '引用的记录不存在', field };
    case '23502':
      return bad('不能为空');
    case '23514':
      return bad('不符合取值要求');
    case '22P02':
      return bad('格式不正确');
    case '22007':
    case '22008':
      return bad('不是有效的日期或时间');
    case '22003':
      return bad('数值超出范围');
    case '22001':
      return bad('过长');
    case '54000':
      return bad('内容过长，无法保存');
    case '22021':
    case '22P05':
    case '22023':
      return bad('含有不允许的字符');
    default:
      return null;
  }
}

/** Errors of the upload parser (@fastify/multipart and busboy): bad boundary, truncated body, limits. */
export function multipartError(err: unknown, contentType: string): ClientError | null {
  const e = err as { code?: unknown; message?: unknown; statusCode?: number };
  const code = typeof e?.code === 'string' ? e.code : '';
  if (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') {
    return {
      status: 413,
      code: 'TOO_LARGE',
      message: code === 'FST_REQ_FILE_TOO_LARGE' ? '上传的文件过大' : '上传的文件或字段过多（每次只能上传一个文件）',
      field: 'file',
    };
  }
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
    return { status: 415, code: 'BAD_UPLOAD', message: '请以 multipart/form-data 方式上传文件', field: 'file' };
  if (code === 'FST_PROTO_VIOLATION' || code === 'FST_INVALID_JSON_FIELD_ERROR' || code === 'FST_MP_PREMATURE_CLOSE')
    return { status: 400, code: 'BAD_UPLOAD', message: '上传内容格式不正确', field: 'file' };
  if (!/^multipart\//i.test(contentType) || code) return null;
  const message = typeof e?.message === 'string' ? e.message : '';
  if (/boundary|multipart|needle|malformed|unexpected end|content type|terminated early/i.test(message)) {
    return { status: 400, code: 'BAD_UPLOAD', message: '上传内容格式不正确（multipart 边界缺失、过长或内容被截断）', field: 'file' };
  }
  return null;
}
