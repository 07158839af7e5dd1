/**
 * 外勤水质采样: a street officer records a sample on site with a photo, the device's time and
 * location, the photo's sha256 checked on arrival; a retry with the same key returns the first
 * record; another street's river is not found; a hash mismatch or a non-image is refused, nothing
 * stored; without a location none is recorded.
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
let river: any;
let other: any;

const send = (c: Client, meta: Record<string, unknown>, file: { name: string; type: string; data: Buffer }) => {
  const m = captureBody(meta, file);
  return c.req('POST', '/api/water-samples/field', m.body, m.headers);
};
const samplesOf = async (c: Client, riverId: string) => (await c.req('GET', `/api/water-samples?riverId=${riverId}`)).body.data.length;

beforeAll(async () => {
  sys = await testSystem('demo');
  app = await testServer(sys);
  wushan = await login(app, 'wushan');
  const flood = await login(app, 'flood');
  const rivers = (await flood.req('GET', '/api/rivers')).body.data;
  river = rivers.find((r: any) => r.owner === '五山街道');
  other = rivers.find((r: any) => r.owner !== '五山街道');
});
afterAll(async () => {
  await app.close();
  await sys.close();
});

describe('外勤水质采样 (a water sample recorded in the field)', () => {
  const key = crypto.randomUUID();
  const photo = pngLike('sample-photo');
  const meta = {
    key,
    sha256: sha256(photo),
    capturedAt: '2023-06-01T10:20:00+08:00',
    lat: 23.15,
    lng: 113.35,
    accuracy: 8,
    sample: { riverId: '', doMgl: 5.5, nh3nMgl: 1.2, tpMgl: 0.15, transparencyCm: 50, orpMv: 150 },
  };

  it('records the sample (classified as the form does) with its photo, device time, location and receipt time', async () => {
    const before = await samplesOf(wushan, river.id);
    const r = await send(wushan, { ...meta, sample: { ...meta.sample, riverId: river.id } }, { name: 'sample.png', type: 'image/png', data: photo });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.data).toMatchObject({
      key,
      riverId: river.id,
      sampledOn: '2023-06-01',
      gbClass: 'IV',
      lat: 23.15,
      lng: 113.35,
      accuracy: 8,
      sha256: sha256(photo),
    });
    expect(await samplesOf(wushan, river.id)).toBe(before + 1);
    const atts = (await wushan.req('GET', `/api/attachments?entity=rivers.sample&entityId=${r.body.data.sampleId}`)).body.data;
    expect(atts).toHaveLength(1);
    const events = (await wushan.req('GET', `/api/history/rivers.sample/${r.body.data.sampleId}`)).body.data;
    expect(events.find((e: any) => e.action === 'field_recorded').changes.note).toMatchObject({
      location: '23.150000, 113.350000（±8 米）',
      sha256: sha256(photo),
    });
  });

  it('a retry with the same key returns the first record, nothing new', async () => {
    const before = await samplesOf(wushan, river.id);
    const r = await send(wushan, { ...meta, sample: { ...meta.sample, riverId: river.id } }, { name: 'sample.png', type: 'image/png', data: photo });
    expect(r.status).toBe(200);
    expect(r.body.data.key).toBe(key);
    expect(await samplesOf(wushan, river.id)).toBe(before);
  });

  it('refuses a hash mismatch naming the photo, another street’s river, a non-image; nothing stored', async () => {
    const before = await samplesOf(wushan, river.id);
    const fresh = { ...meta, key: crypto.randomUUID(), capturedAt: '2023-06-02T10:20:00+08:00', sample: { ...meta.sample, riverId: river.id } };
    const bad = await send(wushan, fresh, { name: 'IMG_7.png', type: 'image/png', data: pngLike('changed') });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ code: 'VALIDATION', field: 'file' });
    expect(bad.body.message).toContain('IMG_7.png');
    const pdf = await send(wushan, { ...fresh, sha256: sha256(photo) }, { name: 'x.pdf', type: 'application/pdf', data: photo });
    expect(pdf.body).toMatchObject({ code: 'VALIDATION', field: 'file' });
    const extra = await send(wushan, { ...fresh, sample: { ...fresh.sample, grade: 'I' } }, { name: 's.png', type: 'image/png', data: photo });
    expect(extra.body).toMatchObject({ code: 'VALIDATION', field: 'grade' });
    // A reading out of range (a 20-digit number) is named as the form names it, never by its key.
    const huge = await send(wushan, { ...fresh, sample: { ...fresh.sample, doMgl: 1e19 } }, { name: 's.png', type: 'image/png', data: photo });
    expect(huge.body).toMatchObject({ code: 'VALIDATION', field: 'doMgl', message: '溶解氧 (mg/L)格式不正确' });
    expect(await samplesOf(wushan, river.id)).toBe(before);
    const elsewhere = await send(wushan, { ...fresh, sample: { ...fresh.sample, riverId: other.id } }, { name: 's.png', type: 'image/png', data: photo });
    expect(elsewhere.status).toBe(404);
  });

  it('without a location none is recorded', async () => {
    const r = await send(
      wushan,
      { key: crypto.randomUUID(), sha256: sha256(photo), capturedAt: '2023-06-03T09:00:00+08:00', sample: { ...meta.sample, riverId: river.id } },
      { name: 'sample.png', type: 'image/png', data: photo },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.data).toMatchObject({ lat: null, lng: null, accuracy: null, sampledOn: '2023-06-03' });
  });
});
