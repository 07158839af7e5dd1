/**
 * 网上申请 — a demand submitted by a citizen online, without a staff session (政府信息公开条例
 * 第二十九条 网络申请; 信访工作条例第十七条、第十八条 网上信访). What the demand modules share:
 *
 * - the applicant's identity, checked field by field (居民身份证号 and 统一社会信用代码 by their
 *   check characters), every bad field named at once;
 * - attachments: at most {@link ONLINE_LIMITS}.maxFiles files of at most maxBytes each, of the
 *   listed types (the content must look like its type);
 * - the receipt: an unguessable receipt number (kind prefix + 16 characters of a readable
 *   alphabet, 80 random bits) and a secret shown once, of which only the sha256 is kept and
 *   compared in constant time; a wrong number and a wrong secret get the same answer;
 * - the write: the kind's ordinary {@link intake} with channel 网络 (the same rules and clock as
 *   the desk), the receipt row and the attachments in one transaction — nothing is kept on any error;
 * - the public routes (`onlineRoutes`), rate-limited per IP.
 *
 * The receipts live in each kind module's own table, behind an {@link OnlineStore}.
 */
import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { Type, type TSchema, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import { systemActor, type Ctx } from '../../core/context.js';
import { write } from '../../core/audit/audit.js';
import { AppError, errors } from '../../core/errors.js';
import { addAttachment } from '../../core/files/attachments.js';
import { publicTenant } from '../../core/tenant.js';
import { idCardProblem, usccProblem } from '../../core/ledger/validators.js';
import type { KernelDB } from '../../core/db/types.js';
import type { System } from '../../core/system.js';
import { encryptPii, decryptPii } from '../../core/crypto/pii.js';
import { Data, FileDownload, Nullable, OptText } from '../../core/schemas.js';
import { authorize, sendFile } from '../../core/http.js';
import type { DemandKindDef, FieldError } from './kinds.js';
import { intake, throwFieldErrors, type IntakeInput } from './service.js';
import { getItem, type ItemRow } from './repository.js';
import { presentItem } from './presenters.js';

// ── Receipt numbers and secrets ──

/** 31 characters that cannot be misread for one another (no 0/O, 1/I/L). */
export const RECEIPT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
/** Random characters of a receipt number (after the kind's prefix) and of a secret. */
export const RECEIPT_CHARS = 16;
export const SECRET_CHARS = 12;

function randomChars(n: number): string {
  // Rejection sampling keeps every character equally likely (256 is not a multiple of 31).
  const out: string[] = [];
  const limit = 256 - (256 % RECEIPT_ALPHABET.length);
  while (out.length < n) {
    for (const b of crypto.randomBytes(n * 2)) {
      if (b < limit && out.length < n) out.push(RECEIPT_ALPHABET[b % RECEIPT_ALPHABET.length]!);
    }
  }
  return out.join('');
}

/** A new receipt number: the kind's two-letter prefix and 16 random characters (16 × log2 31 ≈ 79 bits). */
export const newReceiptNo = (prefix: string): string => `${prefix}${randomChars(RECEIPT_CHARS)}`;
/** A new secret (查询码), shown to the applicant once. */
export const newSecret = (): string => randomChars(SECRET_CHARS);
/** A code as typed: upper case, without spaces and hyphens. */
export const normaliseCode = (s: string): string => s.toUpperCase().replace(/[\s-]/g, '');
/** What is stored of a secret. */
export const hashSecret = (secret: string): string => crypto.createHash('sha256').update(normaliseCode(secret)).digest('hex');
/** Whether a typed secret matches the stored hash, in constant time. */
export function secretMatches(secret: string, hash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(/^[0-9a-f]{64}$/.test(hash) ? hash : '0'.repeat(64), 'hex');
  return crypto.timingSafeEqual(a, b);
}

// ── The applicant ──

export const APPLICANT_KINDS = ['自然人', '法人或其他组织'] as const;
export const ID_TYPES = ['居民身份证', '护照', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '其他有效证件'] as const;

/** The applicant as the public form sends it. */
export interface OnlineApplicant {
  kind: string;
  name: string;
  idType?: string | null;
  idNo?: string | null;
  /** An organisation's 统一社会信用代码. */
  uscc?: string | null;
  legalRep?: string | null;
  contact?: string | null;
  phone: string;
  address?: string | null;
  postcode?: string | null;
  email?: string | null;
}

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8}|\d{7,8})$/;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,200}\.[A-Za-z]{2,}$/;
const s = (v: string | null | undefined) => (typeof v === 'string' ? v.trim() : '');

/**
 * Every problem of an applicant (field `applicant.<name>`): a natural person's name, ID type and
 * number (a 居民身份证号 by its check character, GB 11643), phone; an organisation's name,
 * 统一社会信用代码 (check character, GB 32100), legal representative and contact; the address
 * and e-mail when `need` says so. Pure.
 */
export function applicantProblems(a: OnlineApplicant, need: { address: boolean }): FieldError[] {
  const errs: FieldError[] = [];
  const f = (field: string, message: string) => errs.push({ field: `applicant.${field}`, message });
  if (!(APPLICANT_KINDS as readonly string[]).includes(a.kind)) f('kind', '请选择申请人类型（自然人 / 法人或其他组织）');
  const natural = a.kind === '自然人';
  const name = s(a.name);
  if (!name) f('name', natural ? '请填写姓名' : '请填写组织名称');
  else if (name.length > 100) f('name', '名称过长（不超过100字）');
  if (natural) {
    const idType = s(a.idType);
    const idNo = s(a.idNo).toUpperCase();
    if (!(ID_TYPES as readonly string[]).includes(idType)) f('idType', '请选择证件类型');
    if (!idNo) f('idNo', '请填写证件号码');
    else if (idType === '居民身份证') {
      const p = idCardProblem(idNo);
      if (p) f('idNo', p);
    } else if (idNo.length > 30) f('idNo', '证件号码过长（不超过30个字符）');
  } else if (a.kind === '法人或其他组织') {
    const uscc = s(a.uscc).toUpperCase();
    if (!uscc) f('uscc', '请填写统一社会信用代码');
    else {
      const p = usccProblem(uscc);
      if (p) f('uscc', p);
    }
    if (!s(a.legalRep)) f('legalRep', '请填写法定代表人或负责人');
    else if (s(a.legalRep).length > 50) f('legalRep', '法定代表人姓名过长（不超过50字）');
    if (!s(a.contact)) f('contact', '请填写联系人');
    else if (s(a.contact).length > 50) f('contact', '联系人姓名过长（不超过50字）');
  }
  const phone = s(a.phone).replace(/\s/g, '');
  if (!phone) f('phone', '请填写联系电话');
  else if (!PHONE.test(phone)) f('phone', '联系电话格式不正确（手机号11位，或带区号的固定电话）');
  const address = s(a.address);
  if (need.address && !address) f('address', '请填写通信地址');
  else if (address.length > 200) f('address', '通信地址过长（不超过200字）');
  if (s(a.postcode) && !/^\d{6}$/.test(s(a.postcode))) f('postcode', '邮政编码应为6位数字');
  if (s(a.email) && (s(a.email).length > 200 || !EMAIL.test(s(a.email)))) f('email', '电子邮箱格式不正确');
  return errs;
}

/** The identity columns of the demand: name, phone and number (stored encrypted by the intake). */
export function applicantIdentity(a: OnlineApplicant): Pick<IntakeInput, 'personName' | 'personPhone' | 'personIdNo'> {
  const natural = a.kind === '自然人';
  return {
    personName: s(a.name),
    personPhone: s(a.phone).replace(/\s/g, ''),
    personIdNo: (natural ? s(a.idNo) : s(a.uscc)).toUpperCase() || null,
  };
}

/** The applicant's remaining details, as the module's table keeps them (encrypted). */
export function applicantDetails(a: OnlineApplicant): Record<string, string | null> {
  const natural = a.kind === '自然人';
  return {
    kind: a.kind,
    idType: natural ? s(a.idType) : null,
    legalRep: natural ? null : s(a.legalRep),
    contact: natural ? null : s(a.contact),
    address: s(a.address) || null,
    postcode: s(a.postcode) || null,
    email: s(a.email) || null,
  };
}

// ── Attachments ──

/** The public form's attachment limits. */
export const ONLINE_LIMITS = {
  maxFiles: 3,
  maxBytes: 5 * 1024 * 1024,
  /** Accepted types, with how their content begins. */
  types: new Map<string, { label: string; magic: (b: Buffer) => boolean }>([
    ['application/pdf', { label: 'PDF', magic: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' }],
    ['image/jpeg', { label: 'JPEG 图片', magic: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff }],
    ['image/png', { label: 'PNG 图片', magic: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) }],
    [
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      { label: 'Word 文档（docx）', magic: (b) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) },
    ],
  ]),
};

/** An attachment as the public form sends it (content in base64). */
export interface OnlineFile {
  filename: string;
  mime: string;
  data: string;
}

/** A checked attachment. */
export interface CheckedFile {
  filename: string;
  mime: string;
  data: Buffer;
}

const typeNames = () => [...ONLINE_LIMITS.types.values()].map((t) => t.label).join('、');

/**
 * Checks the attachments; an oversize file is a 413 naming it (`attachments.<i>`), every other
 * problem a 400 naming the field. Returns the decoded files.
 */
export function checkOnlineFiles(files: readonly OnlineFile[] | undefined): CheckedFile[] {
  const list = files ?? [];
  if (list.length > ONLINE_LIMITS.maxFiles) throw errors.validation('attachments', `附件最多${ONLINE_LIMITS.maxFiles}个，本次提交了${list.length}个`);
  return list.map((f, i) => {
    const field = `attachments.${i}`;
    const filename = s(f.filename).replace(/[\\/]/g, '_');
    if (!filename) throw errors.validation(field, `第${i + 1}个附件没有文件名`);
    const type = ONLINE_LIMITS.types.get(f.mime);
    if (!type) throw errors.validation(field, `附件“${filename}”的类型不支持（可上传 ${typeNames()}）`);
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(f.data)) throw errors.validation(field, `附件“${filename}”的内容编码无效`);
    if (Math.floor((f.data.length * 3) / 4) > ONLINE_LIMITS.maxBytes + 3)
      throw new AppError('FILE_TOO_LARGE', `附件“${filename}”超过${ONLINE_LIMITS.maxBytes / 1024 / 1024} MB`, 413, { field });
    const data = Buffer.from(f.data, 'base64');
    if (data.length > ONLINE_LIMITS.maxBytes)
      throw new AppError('FILE_TOO_LARGE', `附件“${filename}”超过${ONLINE_LIMITS.maxBytes / 1024 / 1024} MB`, 413, { field });
    if (!data.length) throw errors.validation(field, `附件“${filename}”是空文件`);
    if (!type.magic(data)) throw errors.validation(field, `附件“${filename}”的内容与其类型（${type.label}）不符`);
    return { filename, mime: f.mime, data };
  });
}

// ── Storage and the write ──

/** A kind module's receipts table (its repository). */
export interface OnlineStore {
  insert(db: Kysely<KernelDB>, row: { tenantId: string; receiptNo: string; secretHash: string; itemId: string; applicant: string | null }): Promise<void>;
  byReceipt(
    db: Kysely<KernelDB>,
    q: { tenantId: string; receiptNo: string },
  ): Promise<{ item_id: string; secret_hash: string; receipt_no: string } | undefined>;
  byItem(db: Kysely<KernelDB>, q: { tenantId: string; itemId: string }): Promise<{ receipt_no: string; applicant: string | null } | undefined>;
}

/** A kind's online intake: its prefix, store, and how a form becomes an intake. */
export interface OnlineKind<F> {
  def: DemandKindDef;
  /** Two capital letters opening the kind's receipt numbers (GK 公开, XF 信访). */
  prefix: string;
  /** Prefix of the demand's 编号 (网申-20221130-…). */
  refPrefix: string;
  /** The system actor's name in the audit trail. */
  actorName: string;
  store: OnlineStore;
  /** Every field problem of the form, beyond the applicant's (pure). */
  check(form: F): FieldError[];
  applicant(form: F): OnlineApplicant;
  /** The intake's fields beyond the identity (title, content, type, attrs; channel is set here). */
  toIntake(form: F): Pick<IntakeInput, 'title' | 'content' | 'demandType' | 'attrs' | 'location'>;
  /** Whether the address is required. */
  needAddress: boolean;
  /** The choices of the kind's own fields (field → allowed values), as its `check` accepts them; the form endpoint serves them. */
  choices: Record<string, readonly string[]>;
}

/** What the applicant is given once. */
export interface OnlineReceipt {
  receiptNo: string;
  secret: string;
  refNo: string;
  receivedAt: string;
  dueOn: string;
  firstDueOn: string | null;
}

/**
 * Submits a form: checks everything (every bad field named), then — in one transaction — the
 * kind's intake with channel 网络 (waiting for dispatch, held by the bureau), the receipt row and
 * the attachments. Returns the receipt with the secret (never stored in clear).
 */
export async function submitOnline<F>(sys: System, ctx: Ctx, k: OnlineKind<F>, sub: { form: F; files?: readonly OnlineFile[] }): Promise<OnlineReceipt> {
  const applicant = k.applicant(sub.form);
  throwFieldErrors([...applicantProblems(applicant, { address: k.needAddress }), ...k.check(sub.form)]);
  const files = checkOnlineFiles(sub.files);
  const channel = k.def.channels?.find((c) => c === '网络' || c === '网上信访') ?? '网络';
  const receiptNo = newReceiptNo(k.prefix);
  const secret = newSecret();
  const now = ctx.clock.now();
  const day = ctx.clock.today().replaceAll('-', '');
  return write(ctx, async (w) => {
    const inner: Ctx = { ...ctx, db: w.tx };
    const row = await intake(sys, inner, k.def, {
      input: {
        ...k.toIntake(sub.form),
        ...applicantIdentity(applicant),
        refNo: `${k.refPrefix}-${day}-${randomChars(6)}`,
        receivedAt: now.toISOString(),
        channel,
      },
      via: '网上申请',
    });
    await k.store.insert(w.tx, {
      tenantId: ctx.actor.tenantId,
      receiptNo,
      secretHash: hashSecret(secret),
      itemId: row.id,
      applicant: encryptPii(JSON.stringify(applicantDetails(applicant))),
    });
    for (const f of files) await addAttachment(sys, inner, { entity: k.def.entity, entityId: row.id, filename: f.filename, mime: f.mime, data: f.data });
    return {
      receiptNo,
      secret,
      refNo: row.ref_no,
      receivedAt: new Date(row.received_at).toISOString(),
      dueOn: row.due_on,
      firstDueOn: row.first_due_on,
    };
  });
}

/** The one answer to a wrong receipt number or secret (no way to tell which). */
export const wrongPair = () => new AppError('NOT_FOUND', '受理编号或查询码不正确，请核对后重试', 404);

/** The record a receipt number and secret open, or the generic 404 (the hash is compared even when the number is unknown). */
export async function openReceipt<F>(ctx: Ctx, k: OnlineKind<F>, pair: { receiptNo: string; secret: string }): Promise<ItemRow> {
  const receiptNo = normaliseCode(pair.receiptNo);
  const found = /^[A-Z]{2}[2-9A-Z]{16}$/.test(receiptNo) ? await k.store.byReceipt(ctx.db, { tenantId: ctx.actor.tenantId, receiptNo }) : undefined;
  const ok = secretMatches(pair.secret, found?.secret_hash ?? '');
  if (!found || !ok) throw wrongPair();
  const r = await getItem(ctx, k.def.kind, found.item_id);
  if (!r) throw wrongPair();
  return r;
}

/** What the applicant sees of the record. */
export interface OnlineStatus {
  kindLabel: string;
  receiptNo: string;
  refNo: string;
  status: string;
  statusLabel: string;
  receivedAt: string;
  firstDueOn: string | null;
  firstDoneAt: string | null;
  dueOn: string;
  dueRule: string;
  extendedDays: number;
  paused: boolean;
  repliedAt: string | null;
  closedAt: string | null;
  reply: string | null;
  result: string | null;
  hasDocument: boolean;
}

/** The status as the applicant sees it: the clock's due date (with its extensions and pauses), the reply once given. */
export function onlineStatus(ctx: Ctx, k: { def: DemandKindDef; receiptNo: string; row: ItemRow }): OnlineStatus {
  const v = presentItem(k.def, k.row, ctx.calendar, { today: ctx.clock.today(), showPersonal: false, canWrite: false });
  const replied = !!v.repliedAt;
  return {
    kindLabel: k.def.label,
    receiptNo: k.receiptNo,
    refNo: v.refNo,
    status: v.status,
    statusLabel: v.statusLabel,
    receivedAt: v.receivedAt,
    firstDueOn: v.firstDueOn,
    firstDoneAt: v.firstDoneAt,
    dueOn: v.dueOn,
    dueRule: v.clock.rule.source ?? v.clock.rule.label,
    extendedDays: v.clock.extensions.reduce((n, x) => n + x.n, 0),
    paused: v.status === 'paused',
    repliedAt: v.repliedAt,
    closedAt: v.closedAt,
    reply: replied ? v.reply : null,
    result: replied ? v.result : null,
    hasDocument: replied && !!v.reply,
  };
}

// ── Routes ──

/** Per-IP limits of the public routes. */
export const ONLINE_RATE = {
  submit: { max: 10, timeWindow: '1 hour' },
  status: { max: 30, timeWindow: '1 minute' },
};

/** The 429 in Chinese, saying when to try again. */
export function waitText(ms: number): string {
  const sec = Math.max(1, Math.ceil(ms / 1000));
  if (sec < 60) return `${sec}秒`;
  if (sec < 3600) return `${Math.ceil(sec / 60)}分钟`;
  return `${Math.ceil(sec / 3600)}小时`;
}
const tooMany = (_req: unknown, c: { ttl: number }) => new AppError('RATE_LIMITED', `操作过于频繁，请${waitText(c.ttl)}后再试`, 429);

const Applicant = Type.Object({
  kind: Type.String({ maxLength: 20 }),
  name: Type.String({ maxLength: 200 }),
  idType: OptText(30),
  idNo: OptText(40),
  uscc: OptText(40),
  legalRep: OptText(100),
  contact: OptText(100),
  phone: Type.String({ maxLength: 40 }),
  address: OptText(400),
  postcode: OptText(20),
  email: OptText(300),
});
const FileBody = Type.Object({
  filename: Type.String({ maxLength: 200 }),
  mime: Type.String({ maxLength: 200 }),
  data: Type.String({ maxLength: Math.ceil((ONLINE_LIMITS.maxBytes * 4) / 3) + 4096 }),
});
/** The JSON schema of a public form: the applicant, the kind's fields, the attachments. */
export const onlineBody = (fields: Record<string, TSchema>) =>
  Type.Object({ applicant: Applicant, ...fields, attachments: Type.Optional(Type.Array(FileBody, { maxItems: 20 })) });

const ReceiptView = Type.Object({
  receiptNo: Type.String(),
  secret: Type.String(),
  refNo: Type.String(),
  receivedAt: Type.String(),
  dueOn: Type.String(),
  firstDueOn: Nullable(Type.String()),
});
const StatusView = Type.Object({
  kindLabel: Type.String(),
  receiptNo: Type.String(),
  refNo: Type.String(),
  status: Type.String(),
  statusLabel: Type.String(),
  receivedAt: Type.String(),
  firstDueOn: Nullable(Type.String()),
  firstDoneAt: Nullable(Type.String()),
  dueOn: Type.String(),
  dueRule: Type.String(),
  extendedDays: Type.Integer(),
  paused: Type.Boolean(),
  repliedAt: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  reply: Nullable(Type.String()),
  result: Nullable(Type.String()),
  hasDocument: Type.Boolean(),
});
const FormInfo = Type.Object({
  bureau: Type.String(),
  maxFiles: Type.Integer(),
  maxBytes: Type.Integer(),
  types: Type.Array(Type.Object({ mime: Type.String(), label: Type.String() })),
  /** The allowed values of each choice field (`applicant.kind`, `applicant.idType` and the kind's own): the web form's options. */
  choices: Type.Record(Type.String(), Type.Array(Type.String())),
});
const OnlineApplicantView = Type.Object({
  receiptNo: Type.String(),
  details: Type.Record(Type.String(), Nullable(Type.String())),
});
const Pair = Type.Object({ receiptNo: Type.String({ maxLength: 40 }), secret: Type.String({ maxLength: 40 }) });

/** The tenant a public request is for: `?tenant=` or the only one. */
async function publicCtx(sys: System, tenant: string | undefined, name: string): Promise<{ ctx: Ctx; bureau: string }> {
  const t = await publicTenant(sys.db, tenant);
  if (!t) throw errors.notFound('单位');
  return { ctx: sys.ctx(systemActor(t.id, name)), bureau: t.name };
}

/**
 * Mounts a kind's public routes under `/public/<module>`: the form's limits, the submission
 * (201 with the receipt), the status by receipt number and secret, the reply document. No
 * session; rate-limited per IP (429 in Chinese).
 */
export function onlineRoutes<F>(
  k: OnlineKind<F>,
  spec: { fields: Record<string, TSchema>; document?: (ctx: Ctx, row: ItemRow) => Promise<{ data: Buffer; filename: string }> },
) {
  return async (root: FastifyInstance) =>
    root.register(async (scope) => {
      await scope.register(rateLimit, { global: false, errorResponseBuilder: tooMany });
      const app = scope.withTypeProvider<TypeBoxTypeProvider>();
      const base = `/public/${k.def.module}`;
      const tags = ['网上申请（公开）'];
      const Tenant = Type.Object({ tenant: Type.Optional(Type.String({ format: 'uuid' })) });
      const submit = { rateLimit: ONLINE_RATE.submit };
      const status = { rateLimit: ONLINE_RATE.status };

      app.get(
        `${base}/form`,
        { schema: { tags, summary: `网上${k.def.label}：表单说明、选项与附件限制（无需登录）`, querystring: Tenant, response: { 200: Data(FormInfo) } } },
        async (req) => {
          const { bureau } = await publicCtx(req.server.sys, req.query.tenant, k.actorName);
          return {
            data: {
              bureau,
              maxFiles: ONLINE_LIMITS.maxFiles,
              maxBytes: ONLINE_LIMITS.maxBytes,
              types: [...ONLINE_LIMITS.types].map(([mime, t]) => ({ mime, label: t.label })),
              choices: { 'applicant.kind': [...APPLICANT_KINDS], 'applicant.idType': [...ID_TYPES], ...k.choices },
            },
          };
        },
      );

      app.post(
        `${base}/submit`,
        {
          config: submit,
          bodyLimit: ONLINE_LIMITS.maxFiles * Math.ceil((ONLINE_LIMITS.maxBytes * 4) / 3) + 256 * 1024,
          schema: {
            tags,
            summary: `网上提交${k.def.label}（无需登录；返回受理编号和查询码，查询码只显示一次）`,
            querystring: Tenant,
            body: onlineBody(spec.fields),
            response: { 201: Data(ReceiptView) },
          },
        },
        async (req, reply) => {
          const { ctx } = await publicCtx(req.server.sys, req.query.tenant, k.actorName);
          const { attachments, ...form } = req.body as { attachments?: OnlineFile[] } & Record<string, unknown>;
          const receipt = await submitOnline(req.server.sys, { ...ctx, requestId: String(req.id) }, k, { form: form as F, files: attachments });
          return reply.code(201).send({ data: receipt });
        },
      );

      app.post(
        `${base}/status`,
        {
          config: status,
          schema: { tags, summary: '凭受理编号和查询码查询办理进度（无需登录）', querystring: Tenant, body: Pair, response: { 200: Data(StatusView) } },
        },
        async (req) => {
          const { ctx } = await publicCtx(req.server.sys, req.query.tenant, k.actorName);
          const row = await openReceipt(ctx, k, req.body);
          return { data: onlineStatus(ctx, { def: k.def, receiptNo: normaliseCode(req.body.receiptNo), row }) };
        },
      );

      if (spec.document) {
        const document = spec.document;
        app.post(
          `${base}/status/document`,
          {
            config: status,
            schema: { tags, summary: '凭受理编号和查询码下载答复文书（DOCX）', querystring: Tenant, body: Pair, response: { 200: FileDownload } },
          },
          async (req, reply) => {
            const { ctx } = await publicCtx(req.server.sys, req.query.tenant, k.actorName);
            const row = await openReceipt(ctx, k, req.body);
            if (!row.replied_at || !row.reply) throw errors.gate('NO_REPLY', '尚未答复，暂无答复文书');
            const { data, filename } = await document(ctx, row);
            return sendFile(reply, data, filename, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
          },
        );
      }

      app.get(
        `/${k.def.module}/items/:id/online`,
        {
          schema: {
            tags: [k.def.label],
            summary: '网上申请的受理编号与申请人完整信息（地址、邮编、邮箱等；需查看个人信息权限）',
            params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
            response: { 200: Data(Nullable(OnlineApplicantView)) },
          },
        },
        async (req) => {
          const ctx = authorize(req, k.def.permissions.personal);
          if (!(await getItem(ctx, k.def.kind, req.params.id))) throw errors.notFound(k.def.label);
          return { data: await onlineApplicant(ctx, k, req.params.id) };
        },
      );
    });
}

/** The applicant's details kept with an online record (staff with the kind's personal permission). */
export async function onlineApplicant<F>(
  ctx: Ctx,
  k: OnlineKind<F>,
  itemId: string,
): Promise<{ receiptNo: string; details: Record<string, string | null> } | null> {
  const r = await k.store.byItem(ctx.db, { tenantId: ctx.actor.tenantId, itemId });
  if (!r) return null;
  return { receiptNo: r.receipt_no, details: r.applicant ? (JSON.parse(decryptPii(r.applicant) ?? '{}') as Record<string, string | null>) : {} };
}
