/**
 * 现场取证 from the field app: a photo with the device's time, location and sha256, checked on
 * arrival; a retry with the same idempotency key returns the first record; another unit's case,
 * a hash mismatch, a file over the limit are refused with nothing stored; the location is optional
 * and never invented; the 执法全过程记录 carries device time, location, receipt time and hash.
 */
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../helpers/http.js';
import { isoDateInShanghai } from '../../../src/core/calendar/calendar.js';
import { FILE_LIMITS } from '../../../src/core/files/store.js';
import { captureBody, pngLike, sha256 } from '../../helpers/capture.js';
import { serverSuite } from '../../helpers/server.js';

let caseId: string;

const today = isoDateInShanghai(new Date());
const daysAgo = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);
const sha = sha256;

const photo = pngLike;
const capture = (c: Client, id: string, meta: Record<string, unknown>, file: { name: string; type: string; data: Buffer }) => {
  const m = captureBody(meta, file);
  return c.req('POST', `/api/enforcement/cases/${id}/field-evidence`, m.body, m.headers);
};

const env = serverSuite({ wushan: 'wushan', yuancun: 'yuancun' });
beforeAll(async () => {
  const street = (await env.wushan.req('GET', '/api/orgs')).body.data.find((o: any) => o.name === '五山街道');
  const mine = (await env.wushan.req('GET', `/api/enforcement/officers?orgId=${street.id}`)).body.data;
  const delegated = (await env.wushan.req('GET', '/api/enforcement/items')).body.data.find((i: any) => i.delegated);
  const made = await env.wushan.req('POST', '/api/enforcement/cases', {
    orgId: street.id,
    itemId: delegated.id,
    cause: '在河道管理范围内堆放物料（现场取证测试）',
    partyType: '法人',
    partyName: '广州市取证测试有限公司',
    filedOn: daysAgo(3),
    officerIds: [mine[0].id, mine[1].id],
  });
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  caseId = made.body.data.id;
});

describe('现场取证 (field evidence capture)', () => {
  const first = { key: crypto.randomUUID(), data: photo('first') };

  it('a photo with the device time and location becomes evidence; the server records its receipt time', async () => {
    const capturedAt = `${daysAgo(1)}T09:15:00+08:00`;
    const r = await capture(
      env.wushan,
      caseId,
      { key: first.key, sha256: sha(first.data), capturedAt, lat: 23.1291, lng: 113.3644, accuracy: 12 },
      { name: 'IMG_0001.png', type: 'image/png', data: first.data },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.data).toMatchObject({ key: first.key, kind: 'photo', sha256: sha(first.data), lat: 23.1291, lng: 113.3644, accuracy: 12 });
    expect(r.body.data.capturedAt).toBe(new Date(capturedAt).toISOString());
    expect(Date.parse(r.body.data.receivedAt)).toBeGreaterThan(Date.now() - 60_000);
    const c = (await env.wushan.req('GET', `/api/enforcement/cases/${caseId}`)).body.data;
    expect(c.evidence).toHaveLength(1);
    expect(c.evidence[0]).toMatchObject({ kind: 'photo', collectedOn: daysAgo(1), attachmentId: r.body.data.attachmentId });
  });

  it('a retry with the same key returns the first record and creates nothing', async () => {
    const r = await capture(
      env.wushan,
      caseId,
      { key: first.key, sha256: sha(first.data), capturedAt: `${daysAgo(1)}T09:15:00+08:00`, lat: 23.1291, lng: 113.3644 },
      { name: 'IMG_0001.png', type: 'image/png', data: first.data },
    );
    expect(r.status).toBe(200);
    expect(r.body.data.key).toBe(first.key);
    const c = (await env.wushan.req('GET', `/api/enforcement/cases/${caseId}`)).body.data;
    expect(c.evidence).toHaveLength(1);
    expect((await env.wushan.req('GET', `/api/attachments?entity=enforcement.case&entityId=${caseId}`)).body.data).toHaveLength(1);
  });

  it('two retries at once still make one record', async () => {
    const data = photo('concurrent');
    const meta = { key: crypto.randomUUID(), sha256: sha(data), capturedAt: new Date().toISOString() };
    const [a, b] = await Promise.all([0, 1].map(() => capture(env.wushan, caseId, meta, { name: 'IMG_0002.png', type: 'image/png', data })));
    expect([a!.status, b!.status].sort()).toEqual([200, 201]);
    expect(a!.body.data.id).toBe(b!.body.data.id);
    expect((await env.wushan.req('GET', `/api/enforcement/cases/${caseId}`)).body.data.evidence).toHaveLength(2);
  });

  it('without a location the capture has none (never invented)', async () => {
    const data = photo('no-location');
    const r = await capture(
      env.wushan,
      caseId,
      { key: crypto.randomUUID(), sha256: sha(data), capturedAt: new Date().toISOString(), lat: null, lng: null },
      { name: 'IMG_0003.png', type: 'image/png', data },
    );
    expect(r.status).toBe(201);
    expect(r.body.data).toMatchObject({ lat: null, lng: null, accuracy: null });
    const half = await capture(
      env.wushan,
      caseId,
      { key: crypto.randomUUID(), sha256: sha(data), capturedAt: new Date().toISOString(), lat: 23.1 },
      { name: 'IMG_0004.png', type: 'image/png', data },
    );
    expect(half.status).toBe(400);
    expect(half.body.field).toBe('lng');
  });

  it('a file whose hash does not match is refused naming it, nothing stored', async () => {
    const before = (await env.wushan.req('GET', `/api/enforcement/cases/${caseId}`)).body.data.evidence.length;
    const data = photo('tampered');
    const r = await capture(
      env.wushan,
      caseId,
      { key: crypto.randomUUID(), sha256: sha(photo('original')), capturedAt: new Date().toISOString() },
      { name: 'IMG_0099.png', type: 'image/png', data },
    );
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'VALIDATION', field: 'file' });
    expect(r.body.message).toContain('IMG_0099.png');
    expect((await env.wushan.req('GET', `/api/enforcement/cases/${caseId}`)).body.data.evidence).toHaveLength(before);
  });

  it('another unit’s case is not found; a file over the limit, a bad meta field or a document are refused', async () => {
    const data = photo('other');
    const meta = { key: crypto.randomUUID(), sha256: sha(data), capturedAt: new Date().toISOString() };
    const other = await capture(env.yuancun, caseId, meta, { name: 'x.png', type: 'image/png', data });
    expect(other.status).toBe(404);
    const big = Buffer.alloc(FILE_LIMITS.maxBytes + 1, 1);
    const over = await capture(env.wushan, caseId, { ...meta, sha256: sha(big) }, { name: 'big.png', type: 'image/png', data: big });
    expect(over.status).toBe(413);
    const extra = await capture(env.wushan, caseId, { ...meta, officer: 'x' }, { name: 'x.png', type: 'image/png', data });
    expect(extra.body).toMatchObject({ code: 'VALIDATION', field: 'officer' });
    const badTime = await capture(env.wushan, caseId, { ...meta, capturedAt: '昨天' }, { name: 'x.png', type: 'image/png', data });
    expect(badTime.body).toMatchObject({ code: 'VALIDATION', field: 'capturedAt' });
    const pdf = await capture(env.wushan, caseId, meta, { name: 'x.pdf', type: 'application/pdf', data });
    expect(pdf.body).toMatchObject({ code: 'VALIDATION', field: 'file' });
    expect((await env.wushan.req('GET', `/api/enforcement/cases/${caseId}`)).body.data.evidence).toHaveLength(3);
  });

  it('the list and the 执法全过程记录 show each capture in order with device time, location, receipt time and hash', async () => {
    const list = (await env.wushan.req('GET', `/api/enforcement/cases/${caseId}/field-evidence`)).body.data;
    expect(list).toHaveLength(3);
    expect(list[0].key).toBe(first.key);
    expect(list.map((x: any) => x.capturedAt)).toEqual([...list.map((x: any) => x.capturedAt)].sort());
    const events = (await env.wushan.req('GET', `/api/history/enforcement.case/${caseId}`)).body.data.filter((e: any) => e.action === 'evidence_captured');
    expect(events).toHaveLength(3);
    const note = events.map((e: any) => e.changes.note).find((n: any) => n.sha256 === sha(first.data));
    expect(note).toMatchObject({ location: '23.129100, 113.364400（±12 米）', filename: 'IMG_0001.png' });
    expect(note.capturedAt).toBe(new Date(`${daysAgo(1)}T09:15:00+08:00`).toISOString());
    expect(events.some((e: any) => e.changes.note.location.startsWith('未获取'))).toBe(true);
    expect((await env.yuancun.req('GET', `/api/enforcement/cases/${caseId}/field-evidence`)).status).toBe(404);
  });
});
