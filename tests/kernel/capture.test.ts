/**
 * The kernel's field-capture helper (src/core/files/capture.ts), table-driven: the multipart
 * `meta` missing, cut, not JSON or not the module's schema is refused naming the field; the file
 * over the attachment limit, of a kind the module does not take, or not hashing to what the device
 * computed is refused naming `file`; and the idempotent step answers the first record of a key.
 */
import crypto from 'node:crypto';
import { Type } from '@fastify/type-provider-typebox';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.js';
import {
  CAPTURE_FIELDS,
  type CaptureSpec,
  captureFromParts,
  captureLocation,
  captureNote,
  captureOnce,
  checkCaptureFile,
  type MetaField,
  placeText,
} from '../../src/core/files/capture.js';
import { FILE_LIMITS } from '../../src/core/files/store.js';

const Meta = Type.Object({ ...CAPTURE_FIELDS, note: Type.Optional(Type.String({ maxLength: 10 })) }, { additionalProperties: false });
const SPEC: CaptureSpec<typeof Meta> = {
  schema: Meta,
  labels: { key: '打卡编号', sha256: '照片摘要', capturedAt: '打卡时间', note: '巡查情况' },
  metaName: '打卡信息',
  noFile: '请拍摄现场照片',
};
const photo = Buffer.from('a photo');
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
const good = { key: '6f1c2a4e-8b3d-4c5e-9f70-1a2b3c4d5e6f', sha256: sha(photo), capturedAt: '2022-06-01T09:30:00+08:00' };
const parts = (meta: MetaField | undefined) => ({ meta, filename: '现场.jpg', mime: 'image/jpeg', data: photo });
const json = (v: unknown): MetaField => ({ value: JSON.stringify(v) });

function refusal(fn: () => unknown): { code: string; status: number; field?: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return { code: e.code, status: e.status, field: e.field, message: e.message };
  }
  throw new Error('not refused');
}

describe('capture meta', () => {
  it('takes a meta of the schema, with or without a location', () => {
    expect(captureFromParts(SPEC, parts(json(good))).meta).toEqual(good);
    const at = { ...good, lat: 23.12, lng: 113.36, accuracy: 8 };
    expect(captureFromParts(SPEC, parts(json(at))).meta).toEqual(at);
  });

  it.each([
    ['meta missing', undefined, 400, 'meta', '缺少打卡信息（meta 字段应在文件之前）'],
    ['meta not a string (sent after the file)', {}, 400, 'meta', '缺少打卡信息（meta 字段应在文件之前）'],
    ['meta cut by the parser', { value: '{', valueTruncated: true }, 413, 'meta', '字段“meta”过长'],
    ['meta not JSON', { value: '{key' }, 400, 'meta', '打卡信息不是有效的 JSON'],
    ['a field not in the schema', json({ ...good, extra: 1 }), 400, 'extra', '不接受的字段：extra'],
    ['the key not a UUID', json({ ...good, key: 'k1' }), 400, 'key', '打卡编号格式不正确'],
    ['the hash missing', json({ key: good.key, capturedAt: good.capturedAt }), 400, 'sha256', '缺少照片摘要'],
    ['meta not an object', json([1]), 400, 'meta', '打卡信息格式不正确'],
    ['the time not a date-time', json({ ...good, capturedAt: '2022-06-01' }), 400, 'capturedAt', '打卡时间格式不正确'],
    ['latitude out of range', json({ ...good, lat: 91, lng: 113 }), 400, 'lat', '纬度格式不正确'],
    ['latitude without longitude', json({ ...good, lat: 23.1 }), 400, 'lng', '位置应同时有经度和纬度'],
    ['longitude without latitude', json({ ...good, lng: 113.3 }), 400, 'lat', '位置应同时有经度和纬度'],
    ['the module field too long', json({ ...good, note: '一二三四五六七八九十十' }), 400, 'note', '巡查情况格式不正确'],
  ] as const)('%s is refused naming the field', (_, meta, status, field, message) => {
    expect(refusal(() => captureFromParts(SPEC, parts(meta)))).toMatchObject({ status, field, message });
  });

  it('refuses control characters in the meta and the file name', () => {
    expect(refusal(() => captureFromParts(SPEC, parts(json({ ...good, note: 'a\u0000b' })))).field).toMatch(/^meta/);
    expect(refusal(() => captureFromParts(SPEC, { ...parts(json(good)), filename: 'a\u0000.jpg' })).field).toBe('file');
  });
});

describe('capture file', () => {
  const accept = { prefixes: ['image/'], refused: '打卡照片应为图片：现场', noun: '照片' };
  const over = Buffer.alloc(FILE_LIMITS.maxBytes + 1);
  const atLimit = Buffer.alloc(FILE_LIMITS.maxBytes);
  it.each([
    ['the bytes as the device hashed them', photo, good.sha256, 'image/jpeg', null],
    ['a file at the size limit', atLimit, sha(atLimit), 'image/jpeg', null],
    ['a file over the size limit', over, sha(over), 'image/jpeg', '文件超过 20 MB 上限'],
    ['an empty file', Buffer.alloc(0), sha(Buffer.alloc(0)), 'image/jpeg', '文件为空'],
    ['a kind the module does not take', photo, good.sha256, 'application/pdf', '打卡照片应为图片：现场'],
    [
      'bytes changed in transit (hash mismatch)',
      Buffer.from('a photX'),
      good.sha256,
      'image/jpeg',
      '照片“现场.jpg”在传输中不完整或已被改动（SHA-256 与设备计算的不一致），未保存，请重新上传',
    ],
  ] as const)('%s', (_, data, sha256, mime, refused) => {
    const run = () => checkCaptureFile({ meta: { sha256 }, filename: '现场.jpg', mime, data }, accept);
    if (refused === null) expect(run).not.toThrow();
    else expect(refusal(run)).toMatchObject({ status: 400, field: 'file', message: refused });
  });
});

describe('capture location', () => {
  it.each([
    [{}, null, { lat: null, lng: null, accuracy_m: null }],
    [{ lat: 23.1, lng: 113.3 }, '23.100000, 113.300000', { lat: 23.1, lng: 113.3, accuracy_m: null }],
    [{ lat: 23.1, lng: 113.3, accuracy: 7.6 }, '23.100000, 113.300000（±8 米）', { lat: 23.1, lng: 113.3, accuracy_m: 7.6 }],
    [{ accuracy: 5 }, null, { lat: null, lng: null, accuracy_m: null }],
  ])('%j', (m, text, columns) => {
    expect(placeText(m)).toBe(text);
    expect(captureLocation({ ...good, ...m })).toEqual(columns);
    const receivedAt = new Date('2023-06-01T02:30:00Z');
    expect(captureNote({ ...good, ...m }, receivedAt)).toEqual({
      capturedAt: new Date(good.capturedAt).toISOString(),
      location: text ?? '未获取（设备未授权定位）',
      receivedAt: '2023-06-01T02:30:00.000Z',
      sha256: good.sha256,
    });
  });
});

describe('captureOnce', () => {
  const store = () => {
    const rows = new Map<string, string>();
    return { rows, find: async () => rows.get('k') };
  };

  it('creates when the key is new, after the checks', async () => {
    const s = store();
    const out = await captureOnce({
      find: s.find,
      replay: (r) => `replay ${r}`,
      check: () => 'checked',
      create: async (c) => {
        s.rows.set('k', 'row');
        return { view: `created ${c}`, created: true };
      },
    });
    expect(out).toEqual({ view: 'created checked', created: true });
  });

  it('answers the first record of a known key without checking or creating', async () => {
    const s = store();
    s.rows.set('k', 'first');
    const out = await captureOnce({
      find: s.find,
      replay: (r) => `replay ${r}`,
      check: () => {
        throw new Error('checked');
      },
      create: () => Promise.reject(new Error('created')),
    });
    expect(out).toEqual({ view: 'replay first', created: false });
  });

  it('answers the winner when the create lost a race on the key, and rethrows otherwise', async () => {
    const s = store();
    const raced = await captureOnce({
      find: s.find,
      replay: (r) => `replay ${r}`,
      check: () => undefined,
      create: async () => {
        s.rows.set('k', 'winner');
        throw new Error('duplicate key');
      },
    });
    expect(raced).toEqual({ view: 'replay winner', created: false });
    const t = store();
    await expect(captureOnce({ find: t.find, replay: (r) => r, check: () => undefined, create: () => Promise.reject(new Error('boom')) })).rejects.toThrow(
      'boom',
    );
  });

  it('a refusal in the checks is not turned into a replay', async () => {
    const s = store();
    await expect(
      captureOnce({
        find: s.find,
        replay: (r) => r,
        check: () => {
          throw new AppError('VALIDATION', 'bad', 400, { field: 'file' });
        },
        create: () => Promise.resolve({ view: 'x', created: true }),
      }),
    ).rejects.toMatchObject({ field: 'file' });
  });
});
