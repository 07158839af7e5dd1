import { describe, expect, it } from 'vitest';
import { login } from '../../helpers/http.js';
import { history } from '../../../src/core/audit/audit.js';
import { serverSuite } from '../../helpers/server.js';

/** 目录事项: edited and deleted before the year's catalogue is published; after, refused naming why and its source. */

const env = serverSuite({ legal: 'legal', viewer: 'viewer' });

type Item = { id: string; version: number; year: number; seq: number; title: string; category: string; publishedOn: string | null; decisions: number };
const add = async (year: number, title: string): Promise<Item> => {
  const r = await env.legal.req('POST', '/api/decisions/catalogue', { year, title, category: '重要规划' });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.data;
};
const edit = (i: Item, over: Record<string, unknown> = {}) =>
  env.legal.req('PUT', `/api/decisions/catalogue/${i.id}`, { version: i.version, seq: i.seq, title: i.title, category: i.category, ...over });
const remove = (i: Item, version = i.version) => env.legal.req('DELETE', `/api/decisions/catalogue/${i.id}?version=${version}`);
const catalogue = async (year: number): Promise<Item[]> => (await env.legal.req('GET', `/api/decisions/catalogue?year=${year}`)).body.data;

describe('editing and deleting catalogue items', () => {
  it('edits an item before publication (audited), refusing a taken title or 序号 and a stale version', async () => {
    const a = await add(2031, '编制甲规划');
    const b = await add(2031, '编制乙规划');
    const r = await edit(a, { title: '编制甲专项规划', category: '重大公共政策和措施', planned: '2031年第三季度', seq: 5 });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data).toMatchObject({ title: '编制甲专项规划', category: '重大公共政策和措施', planned: '2031年第三季度', seq: 5, version: a.version + 1 });
    const events = await history(env.sys.db, env.tenantId, 'decisions.catalogue_item', a.id);
    expect(events.at(-1)).toMatchObject({
      action: 'updated',
      changes: { fields: expect.arrayContaining([expect.objectContaining({ field: 'title', before: '编制甲规划', after: '编制甲专项规划' })]) },
    });
    expect((await edit(b, { title: '编制甲专项规划' })).body).toMatchObject({ field: 'title' });
    expect((await edit(b, { seq: 5 })).body).toMatchObject({ field: 'seq' });
    expect((await edit(a)).status).toBe(409); // version read before the edit
  });

  it('deletes an item before publication (audited with the item as it was); refuses one with a decision', async () => {
    const a = await add(2032, '编制丙规划');
    const b = await add(2032, '编制丁规划');
    const d = await env.legal.req('POST', '/api/decisions', {
      year: 2032,
      title: '编制丁规划（决策）',
      catalogueItemId: b.id,
      participationRequired: true,
      expertRequired: true,
      riskRequired: true,
    });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    expect((await remove(a, a.version + 1)).status).toBe(409);
    const r = await remove(a);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data.map((i: Item) => i.title)).toEqual(['编制丁规划']);
    const events = await history(env.sys.db, env.tenantId, 'decisions.catalogue_item', a.id);
    expect(events.at(-1)).toMatchObject({ action: 'deleted' });
    const [used] = await catalogue(2032);
    const refused = await remove(used!);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'CATALOGUE_ITEM_IN_USE', message: expect.stringContaining('已登记1项决策') });
    expect(await catalogue(2032)).toHaveLength(1);
  });

  it('refuses an edit or a deletion once the catalogue is published, naming why and the source', async () => {
    const a = await add(2033, '编制戊规划');
    expect((await env.legal.req('POST', '/api/decisions/catalogue/publish', { year: 2033, publishedOn: '2033-02-01' })).status).toBe(200);
    const [item] = await catalogue(2033);
    for (const r of [await edit(item!, { title: '改名' }), await remove(item!)]) {
      expect(r.status).toBe(422);
      expect(r.body).toMatchObject({ code: 'CATALOGUE_PUBLISHED', message: expect.stringMatching(/已于2033-02-01公布.*重大行政决策程序暂行条例第三条第三款/) });
    }
    expect(await catalogue(2033)).toEqual([expect.objectContaining({ id: a.id, title: '编制戊规划', version: item!.version })]);
  });

  it('refuses hostile input naming the field, and a viewer; a street user cannot touch the bureau’s item', async () => {
    const a = await add(2034, '编制己规划');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ title: '编制\u0000规划' }, 'title'],
      [{ title: 'x'.repeat(1_000_000) }, 'title'],
      [{ seq: 1e19 }, 'seq'],
      [{ category: '不存在的类别' }, 'category'],
      [{ planned: 'x'.repeat(101) }, 'planned'],
      [{ extra: 1 }, 'extra'],
    ];
    for (const [over, field] of cases) {
      const r = await edit(a, over);
      expect(r.status, JSON.stringify(over).slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
      expect(r.body.field, JSON.stringify(r.body).slice(0, 200)).toBe(field);
    }
    expect((await env.legal.req('DELETE', `/api/decisions/catalogue/${a.id}?version=abc`)).status).toBe(400);
    expect((await env.legal.req('PUT', '/api/decisions/catalogue/not-a-uuid', { version: 1, seq: 1, title: 'x', category: '重要规划' })).status).toBe(400);
    expect((await env.viewer.req('DELETE', `/api/decisions/catalogue/${a.id}?version=${a.version}`)).status).toBe(403);
    const street = await login(env.app, 'wushan');
    expect([403, 404]).toContain((await street.req('DELETE', `/api/decisions/catalogue/${a.id}?version=${a.version}`)).status);
    expect(await catalogue(2034)).toEqual([expect.objectContaining({ id: a.id, title: '编制己规划', version: a.version })]);
  });
});
