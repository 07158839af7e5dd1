/**
 * 巡查打卡: a street officer checks in at a flood-risk point of its street with a photo, a note, the
 * device's time and location; a retry with the same key returns the first check-in; another
 * street's point is not found; a hash mismatch is refused naming the photo, nothing stored.
 */
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { testSystem } from '../../helpers/system.js';
import { login, testServer, type Client } from '../../helpers/http.js';
import { captureBody, pngLike, sha256 } from '../../helpers/capture.js';
import type { System } from '../../../src/core/system.js';

let sys: System;
let app: FastifyInstance;
let wushan: Client;
let mine: any;
let theirs: any;

const send = (c: Client, pointId: string, meta: Record<string, unknown>, data: Buffer, name = 'patrol.png') => {
  const m = captureBody(meta, { name, type: 'image/png', data });
  return c.req('POST', `/api/flood/risk-points/${pointId}/checkins`, m.body, m.headers);
};

beforeAll(async () => {
  sys = await testSystem('demo');
  app = await testServer(sys);
  wushan = await login(app, 'wushan');
  const flood = await login(app, 'flood');
  const all = (await flood.req('GET', '/api/flood/risk-points')).body.data;
  mine = (await wushan.req('GET', '/api/flood/risk-points')).body.data[0];
  theirs = all.find((p: any) => p.orgId !== mine.orgId);
});
afterAll(async () => {
  await app.close();
  await sys.close();
});

describe('巡查打卡 (a patrol check-in at a risk point)', () => {
  const photo = pngLike('patrol');
  const key = crypto.randomUUID();
  const capturedAt = new Date().toISOString();

  it('records the check-in with its photo, note, device time, location and receipt time; today’s list shows it', async () => {
    expect(mine).toBeTruthy();
    const r = await send(wushan, mine.id, { key, sha256: sha256(photo), capturedAt, lat: 23.14, lng: 113.34, accuracy: 20, note: '排水口通畅，无积水' }, photo);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.data).toMatchObject({ key, pointId: mine.id, note: '排水口通畅，无积水', lat: 23.14, lng: 113.34, by: '周五山' });
    expect(r.body.data.checkedAt).toBe(capturedAt);
    const atts = (await wushan.req('GET', `/api/attachments?entity=flood.checkin&entityId=${r.body.data.id}`)).body.data;
    expect(atts.map((a: any) => a.sha256)).toEqual([sha256(photo)]);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const list = (await wushan.req('GET', `/api/flood/checkins?on=${today}`)).body.data;
    expect(list.map((c: any) => c.key)).toContain(key);
  });

  it('a retry with the same key returns the first check-in, nothing new', async () => {
    const r = await send(wushan, mine.id, { key, sha256: sha256(photo), capturedAt }, photo);
    expect(r.status).toBe(200);
    expect((await wushan.req('GET', `/api/flood/checkins?pointId=${mine.id}`)).body.data.filter((c: any) => c.key === key)).toHaveLength(1);
  });

  it('refuses another street’s point, a hash mismatch naming the photo and half a location; nothing stored', async () => {
    const before = (await wushan.req('GET', `/api/flood/checkins?pointId=${mine.id}`)).body.data.length;
    const fresh = { key: crypto.randomUUID(), sha256: sha256(photo), capturedAt };
    expect((await send(wushan, theirs.id, fresh, photo)).status).toBe(404);
    const bad = await send(wushan, mine.id, fresh, pngLike('other'), 'IMG_9.png');
    expect(bad.body).toMatchObject({ code: 'VALIDATION', field: 'file' });
    expect(bad.body.message).toContain('IMG_9.png');
    expect((await send(wushan, mine.id, { ...fresh, lat: 23.1 }, photo)).body).toMatchObject({ code: 'VALIDATION', field: 'lng' });
    expect((await wushan.req('GET', `/api/flood/checkins?pointId=${mine.id}`)).body.data).toHaveLength(before);
  });
});
