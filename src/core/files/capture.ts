/**
 * Field captures — one file taken with the field app plus what the device knew, sent as a multipart
 * upload: the JSON field `meta` (before the file) and the file. Every capture's meta carries the
 * client's idempotency key, the sha256 the device computed, the device's time and, when the user
 * permitted it, the location (absent otherwise — never invented; one coordinate without the other
 * is refused). The module passes its own closed TypeBox schema (built on {@link CAPTURE_FIELDS}) and
 * the Chinese names of its fields; this file reads and checks the upload, re-hashes the bytes, and
 * runs the idempotent "first record of the key, else create" step in its transaction
 * ({@link recordCapture}). The modules keep their own tables and SQL.
 */
import crypto from 'node:crypto';
import { type Static, type TObject, type TProperties, Type } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { Value } from 'typebox/value';
import { type WriteScope, write } from '../audit/audit.js';
import type { Ctx } from '../context.js';
import type { KernelDB } from '../db/types.js';
import { AppError, errors } from '../errors.js';
import { assertCleanText } from '../input.js';
import { Opt } from '../schemas.js';
import { checkFile } from './store.js';

/** The fields every capture's meta has; a module spreads them first into its own closed schema. */
export const CAPTURE_FIELDS = {
  /** The client's idempotency key (a UUID generated when the photo was taken). */
  key: Type.String({ format: 'uuid' }),
  /** sha256 of the file as the device computed it (SubtleCrypto), lower-case hex. */
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  /** When the device took it (its own clock, ISO 8601 with offset). */
  capturedAt: Type.String({ format: 'date-time' }),
  lat: Opt(Type.Number({ minimum: -90, maximum: 90 })),
  lng: Opt(Type.Number({ minimum: -180, maximum: 180 })),
  /** The location's accuracy radius (m), as the Geolocation API reports it. */
  accuracy: Opt(Type.Number({ minimum: 0, maximum: 100000 })),
};

/** What every capture's meta holds. */
export interface CaptureBase {
  key: string;
  sha256: string;
  capturedAt: string;
  lat?: number | null;
  lng?: number | null;
  accuracy?: number | null;
}

/** The Chinese names of the location fields (the module names its own key, hash and time). */
export const LOCATION_LABELS: Record<string, string> = { lat: '纬度', lng: '经度', accuracy: '定位精度' };

/** How a module's capture is read: its meta schema, the Chinese name of each field, and its words. */
export interface CaptureSpec<S extends TObject> {
  schema: S;
  /** Field → Chinese name, for “…格式不正确” (the location fields are named already). */
  labels: Record<string, string>;
  /** What the meta is called in messages, e.g. 拍摄信息, 采样信息. */
  metaName: string;
  /** The message when no file was sent. */
  noFile: string;
}

/**
 * A module's capture declared once: its closed meta schema (the shared {@link CAPTURE_FIELDS}, then its
 * own fields), how the meta is named in messages, and the reader of its uploads.
 */
export function defineCapture<P extends TProperties>(d: Omit<CaptureSpec<TObject>, 'schema'> & { fields: P }) {
  const schema = Type.Object({ ...CAPTURE_FIELDS, ...d.fields }, { additionalProperties: false });
  const spec: CaptureSpec<typeof schema> = { schema, labels: d.labels, metaName: d.metaName, noFile: d.noFile };
  return { schema, spec, read: (req: FastifyRequest) => readCapture(req, spec) };
}

/** The upload a capture declared with {@link defineCapture} reads: its meta, the file's name, type and bytes. */
export type UploadOf<D extends { read: (req: FastifyRequest) => Promise<unknown> }> = Awaited<ReturnType<D['read']>>;

/** A capture as the route received it: the device's meta, the file's name, type and bytes. */
export interface CaptureUpload<M> {
  meta: M;
  filename: string;
  mime: string;
  data: Buffer;
}

/** Checks a parsed `meta` against the module's schema, naming the first field at fault. */
export function checkCaptureMeta<S extends TObject>(spec: Pick<CaptureSpec<S>, 'schema' | 'labels' | 'metaName'>, v: unknown): Static<S> {
  if (Value.Check(spec.schema, v)) {
    const m = v as Static<S> & CaptureBase;
    if ((m.lat == null) !== (m.lng == null)) throw errors.validation(m.lat == null ? 'lat' : 'lng', '位置应同时有经度和纬度');
    return m;
  }
  const first = Value.Errors(spec.schema, v).find((e) => e.keyword !== 'boolean');
  const params = first?.params as { additionalProperties?: string[]; requiredProperties?: string[] } | undefined;
  const extra = params?.additionalProperties?.[0];
  const missing = params?.requiredProperties?.[0];
  const field = extra ?? missing ?? first?.instancePath.split('/').pop() ?? 'meta';
  const label = spec.labels[field] ?? LOCATION_LABELS[field] ?? field;
  if (extra) throw errors.validation(extra, `不接受的字段：${extra}`);
  if (missing) throw errors.validation(missing, `缺少${label}`);
  throw errors.validation(field || 'meta', `${label || spec.metaName}格式不正确`);
}

/**
 * Reads a capture upload: the JSON field `meta` (sent before the file) and one file. A field cut
 * by the parser (413), a meta missing, not JSON or not the schema, or control characters are refused.
 */
export async function readCapture<S extends TObject>(req: FastifyRequest, spec: CaptureSpec<S>): Promise<CaptureUpload<Static<S>>> {
  const part = await req.file();
  if (!part) throw errors.validation('file', spec.noFile);
  const data = await part.toBuffer();
  return captureFromParts(spec, { meta: part.fields.meta as MetaField | undefined, filename: part.filename, mime: part.mimetype, data });
}

/** The multipart field `meta` as the parser hands it. */
export interface MetaField {
  value?: unknown;
  valueTruncated?: boolean;
}

/** A capture from the parts of the upload: `meta` parsed and checked, the file name clean. */
export function captureFromParts<S extends TObject>(
  spec: CaptureSpec<S>,
  parts: { meta: MetaField | undefined; filename: string; mime: string; data: Buffer },
): CaptureUpload<Static<S>> {
  const f = parts.meta;
  if (f?.valueTruncated) throw new AppError('TOO_LARGE', '字段“meta”过长', 413, { field: 'meta' });
  if (typeof f?.value !== 'string') throw errors.validation('meta', `缺少${spec.metaName}（meta 字段应在文件之前）`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(f.value);
  } catch {
    throw errors.validation('meta', `${spec.metaName}不是有效的 JSON`);
  }
  assertCleanText(parsed, 'meta');
  assertCleanText(parts.filename, 'file');
  return { meta: checkCaptureMeta(spec, parsed), filename: parts.filename, mime: parts.mime, data: parts.data };
}

/** Refuses a file whose bytes do not hash to what the device computed (`noun`: 文件, 照片 — nothing is stored). */
export function checkCaptureHash(c: { meta: { sha256: string }; filename: string; data: Buffer }, noun = '文件'): void {
  const got = crypto.createHash('sha256').update(c.data).digest('hex');
  if (got !== c.meta.sha256)
    throw errors.validation('file', `${noun}“${c.filename}”在传输中不完整或已被改动（SHA-256 与设备计算的不一致），未保存，请重新上传`);
}

/**
 * Checks a capture's file: the attachment limits (size, type), the kinds the module takes (MIME
 * prefixes, e.g. `image/`; `refused` is the message otherwise), then the hash.
 */
export function checkCaptureFile(
  c: { meta: { sha256: string }; filename: string; mime: string; data: Buffer },
  accept: { prefixes: string[]; refused: string; noun: string },
): void {
  checkFile({ size: c.data.length, mime: c.mime, filename: c.filename });
  if (!accept.prefixes.some((p) => c.mime.startsWith(p))) throw errors.validation('file', accept.refused);
  checkCaptureHash(c, accept.noun);
}

/** A place as a record prints it: “纬度, 经度（±精度 m）”, or null when the device gave none. */
export function placeText(m: { lat?: number | null; lng?: number | null; accuracy?: number | null }): string | null {
  if (m.lat == null || m.lng == null) return null;
  return `${m.lat.toFixed(6)}, ${m.lng.toFixed(6)}${m.accuracy == null ? '' : `（±${Math.round(m.accuracy)} 米）`}`;
}

/**
 * What a capture's audit event notes (in the 执法全过程记录 and the records' histories): the device's
 * time, its place or that it gave none, the server's receipt time and the hash the bytes matched.
 */
export function captureNote(m: CaptureBase, receivedAt: Date) {
  return {
    capturedAt: new Date(m.capturedAt).toISOString(),
    location: placeText(m) ?? '未获取（设备未授权定位）',
    receivedAt: receivedAt.toISOString(),
    sha256: m.sha256,
  };
}

/**
 * The columns every capture row has: the tenant, the client's key, the hash the bytes matched, the
 * device's time, the server's receipt time, the location and who sent it.
 */
export function captureColumns(ctx: Ctx, m: CaptureBase, receivedAt: Date) {
  return {
    tenant_id: ctx.actor.tenantId,
    key: m.key,
    sha256: m.sha256,
    captured_at: new Date(m.capturedAt),
    received_at: receivedAt,
    ...captureLocation(m),
    created_by: ctx.actor.userId,
  };
}

/** The capture row's location columns: the accuracy only when there is a location. */
export function captureLocation(m: CaptureBase): { lat: number | null; lng: number | null; accuracy_m: number | null } {
  return { lat: m.lat ?? null, lng: m.lng ?? null, accuracy_m: m.lat == null ? null : (m.accuracy ?? null) };
}

const num = (v: string | number | null | undefined) => (v === null || v === undefined ? null : Number(v));

/** A stored location as the API answers it (numeric columns may come back as strings). */
export function presentLocation(r: { lat: string | number | null; lng: string | number | null; accuracy_m: string | number | null }) {
  return { lat: num(r.lat), lng: num(r.lng), accuracy: num(r.accuracy_m) };
}

/**
 * Idempotent capture by its client key: the first record of the key when there is one (`replay`,
 * `created: false`); otherwise `check` (refusals before anything is written; what it returns is
 * handed to `create`) and `create` (the module's transaction). When `create` fails and a record of
 * the key now exists, the same key arrived twice at once: the other request's record stands, and
 * is the answer.
 */
export async function captureOnce<R, V, C = void>(steps: {
  find: () => Promise<R | null | undefined>;
  replay: (first: R) => V | Promise<V>;
  check: () => C | Promise<C>;
  create: (checked: C) => Promise<{ view: V; created: boolean }>;
}): Promise<{ view: V; created: boolean }> {
  const first = await steps.find();
  if (first) return { view: await steps.replay(first), created: false };
  const checked = await steps.check();
  try {
    return await steps.create(checked);
  } catch (e) {
    const won = await steps.find();
    if (!won) throw e;
    return { view: await steps.replay(won), created: false };
  }
}

/**
 * Records a capture once per client key, in the module's terms: the first record of the key when
 * there is one (`replay` refuses what the actor may not have — another record's key, out of scope —
 * else it is the answer, `created: false`); otherwise `check` (refusals before anything is written),
 * then one transaction: `lock` (what serialises captures of one record), the key looked up again
 * (a retry that waited on the lock gets the first record), `store` (the module's rows, attachment
 * and audit event, with the server's receipt time) and the stored row presented.
 */
export async function recordCapture<R, C = void>(
  ctx: Ctx,
  key: string,
  steps: {
    /** The capture row of a client key in the tenant, read through `db`. */
    byKey: (db: Kysely<KernelDB>, tenantId: string, key: string) => Promise<R | null | undefined>;
    /** Refuses the first record of the key when the actor may not have it (throws); `ctx` is the one to read with. */
    replay: (ctx: Ctx, first: R) => void | Promise<void>;
    check: () => C | Promise<C>;
    lock?: (w: WriteScope) => Promise<void>;
    store: (w: WriteScope, checked: C, receivedAt: Date) => Promise<void>;
  },
): Promise<{ row: R; created: boolean }> {
  const tenantId = ctx.actor.tenantId;
  const replayed = async (c: Ctx, first: R) => {
    await steps.replay(c, first);
    return first;
  };
  const { view, created } = await captureOnce<R, R, C>({
    find: () => steps.byKey(ctx.db, tenantId, key),
    replay: (first) => replayed(ctx, first),
    check: steps.check,
    create: (checked) =>
      write(ctx, async (w) => {
        await steps.lock?.(w);
        const raced = await steps.byKey(w.tx, tenantId, key);
        if (raced) return { view: await replayed(w.ctx, raced), created: false };
        await steps.store(w, checked, ctx.clock.now());
        return { view: (await steps.byKey(w.tx, tenantId, key)) as R, created: true };
      }),
  });
  return { row: view, created };
}
