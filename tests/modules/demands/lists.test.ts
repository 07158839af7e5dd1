/**
 * The demand lists clerks work with (issue 14 item 4): sort on a whitelist of indexed columns,
 * filters, the caller's phone through the blind index, the export of exactly the filtered rows
 * (the ledger's headers) and batch actions with a result per item.
 */
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../src/core/ledger/files.js';
import { phoneSearchKeys } from '../../../src/modules/demands/repository.js';
import { piiIndex } from '../../../src/core/crypto/pii.js';
import { serverSuite } from '../../helpers/server.js';

const env = serverSuite({ clerk: 'clerk' });

interface Item {
  id: string;
  refNo: string;
  receivedAt: string;
  dueOn: string;
  status: string;
  demandType: string | null;
  version: number;
}
const list = async (query: string): Promise<{ total: number; items: Item[] }> => {
  const r = await env.clerk.req('GET', `/api/hotline/items?${query}`);
  expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
  return r.body.data;
};
/** Every row of a list, page by page (the list's own order). */
const listAll = async (query: string): Promise<Item[]> => {
  const out: Item[] = [];
  for (let page = 1; ; page++) {
    const r = await list(`${query}&pageSize=200&page=${page}`);
    out.push(...r.items);
    if (out.length >= r.total || !r.items.length) return out;
  }
};
const push = (body: Record<string, unknown>) =>
  env.clerk.req('POST', '/api/hotline/push', {
    receivedAt: '2022-09-29 10:15',
    demandType: '投诉',
    title: '路面积水',
    content: '天河路段雨后积水严重',
    callerName: '陈伟',
    location: '天河路100号',
    unitName: '排水管理科',
    timeLimit: 3,
    ...body,
  });

// First: the later tests write (close, assign) today, which makes this year one with records.
describe('the latest year with records (year pickers open on it)', () => {
  const current = Number(new Date().toISOString().slice(0, 4));

  // The demo's 12345 orders run from 2022 into 2023 (the last ones closed in 2023); registers and the
  // open backlog count in every year, the next one too, and do not make a year "with records".
  it('is 2023 for the 12345 module, none for a module without metrics, and refuses a bad module key', async () => {
    expect((await env.clerk.req('GET', '/api/metrics/latest-year?module=hotline')).body.data).toEqual({ year: 2023, current });
    expect((await env.clerk.req('GET', '/api/metrics/latest-year?module=nosuchmodule')).body.data.year).toBeNull();
    expect((await env.clerk.req('GET', '/api/metrics/latest-year?module=Bad-Key')).status).toBe(400);
  });

  it("for all modules: a year between the demo's last and this one", async () => {
    const r = await env.clerk.req('GET', '/api/metrics/latest-year');
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.data.year).toBeGreaterThanOrEqual(2023);
    expect(r.body.data.year).toBeLessThanOrEqual(current);
  });
});

describe('sort: only the indexed columns of the whitelist', () => {
  it.each([
    ['receivedAt', 'asc'],
    ['receivedAt', 'desc'],
    ['dueOn', 'asc'],
    ['refNo', 'desc'],
  ] as const)('sorts on %s %s (server-side, across pages)', async (sort, order) => {
    const all = await list(`year=2022&sort=${sort}&order=${order}&pageSize=200`);
    const key = (i: Item) => i[sort];
    const values = all.items.map(key);
    const sorted = [...values].sort();
    expect(values).toEqual(order === 'asc' ? sorted : sorted.reverse());
    const page2 = await list(`year=2022&sort=${sort}&order=${order}&pageSize=10&page=2`);
    expect(page2.items.map((i) => i.id)).toEqual(all.items.slice(10, 20).map((i) => i.id));
  });

  it.each(['status', 'content', 'person_phone', 'org.name; drop table dm_item'])('refuses sort=%s naming the field, changing nothing', async (sort) => {
    const r = await env.clerk.req('GET', `/api/hotline/items?sort=${encodeURIComponent(sort)}`);
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'VALIDATION', field: 'sort' });
    expect(r.body.message).toContain('可排序的列');
  });

  it('refuses an order other than asc/desc', async () => {
    expect((await env.clerk.req('GET', '/api/hotline/items?sort=dueOn&order=up')).status).toBe(400);
  });
});

describe('filters', () => {
  it('demandType narrows to exactly that type; with status and year they combine', async () => {
    const all = await listAll('year=2022');
    const complaints = await list('year=2022&demandType=投诉&pageSize=200');
    expect(complaints.total).toBe(all.filter((i) => i.demandType === '投诉').length);
    expect(complaints.total).toBeGreaterThan(0);
    expect(complaints.items.every((i) => i.demandType === '投诉')).toBe(true);
    const closed = await list('status=closed&year=2022&demandType=投诉&pageSize=200');
    expect(closed.items.every((i) => i.status === 'closed' && i.demandType === '投诉')).toBe(true);
    expect(closed.total).toBeLessThanOrEqual(complaints.total);
  });

  it('the search text is matched as typed: % and _ are characters, not wildcards', async () => {
    expect((await list('q=GZ12345')).total).toBeGreaterThan(0);
    for (const q of ['GZ1_345', 'GZ%2022', '%', '_']) expect((await list(`q=${encodeURIComponent(q)}`)).total, q).toBe(0);
  });
});

describe("12345 by the caller's phone (blind index, exact)", () => {
  it('the keys of a typed number: mobiles and landlines normalised, other text not a phone', () => {
    expect(phoneSearchKeys('138 0013 8000')).toEqual([piiIndex('13800138000')]);
    expect(phoneSearchKeys('+86 13800138000')).toEqual([piiIndex('13800138000')]);
    expect(phoneSearchKeys('020-87654321')).toContain(piiIndex('020-87654321'));
    expect(phoneSearchKeys('02087654321')).toContain(piiIndex('02087654321'));
    expect(phoneSearchKeys('02087654321')).toContain(piiIndex('020-87654321'));
    expect(phoneSearchKeys('1380013800')).toBeNull();
    expect(phoneSearchKeys('GZ12345202203010001')).toBeNull();
    expect(phoneSearchKeys('天河路')).toBeNull();
  });

  it('finds the order by the number as typed (spaces, hyphens), not by a part of it', async () => {
    expect((await push({ orderNo: 'GZ-PHONE-1', callerPhone: '13912345678' })).status).toBe(201);
    expect((await push({ orderNo: 'GZ-PHONE-2', callerPhone: '020-87654321' })).status).toBe(201);
    for (const q of ['13912345678', '139 1234 5678']) {
      const r = await list(`q=${encodeURIComponent(q)}`);
      expect(r.items.map((i) => i.refNo)).toEqual(['GZ-PHONE-1']);
    }
    for (const q of ['02087654321', '020-87654321']) expect((await list(`q=${encodeURIComponent(q)}`)).items.map((i) => i.refNo)).toEqual(['GZ-PHONE-2']);
    expect((await list('q=1391234567')).total).toBe(0);
    expect((await list('q=13912345679')).total).toBe(0);
    // The list never shows the number itself.
    expect(JSON.stringify(await list('q=13912345678'))).not.toContain('13912345678');
  });
});

describe('export of exactly the filtered rows', () => {
  const exportOf = async (query: string) => {
    const r = await env.app.inject({ method: 'GET', url: `/api/hotline/items/export?${query}`, headers: { cookie: env.clerk.cookie } });
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    expect(String(r.headers['content-disposition'])).toContain('.xlsx');
    return readTable(r.rawPayload, 'list.xlsx');
  };

  it.each(['status=closed&year=2022&demandType=投诉', 'status=open', 'year=2022&sort=receivedAt&order=desc', 'q=天河'])(
    '%s: the same count and numbers, in the list order, under the ledger headers',
    async (query) => {
      const rows = await listAll(query);
      const table = await exportOf(query);
      const ledger = (await env.clerk.req('GET', '/api/ledgers')).body.data.find((l: { key: string }) => l.key === 'hotline-orders');
      expect(table.headers).toEqual(ledger.columns.map((c: { header: string }) => c.header));
      expect(rows.length).toBeGreaterThan(0);
      expect(table.rows.length).toBe(rows.length);
      expect(table.rows.map((r) => r.cells.工单编号)).toEqual(rows.map((i) => i.refNo));
    },
  );

  it('refuses a bad sort as the list does', async () => {
    const r = await env.clerk.req('GET', '/api/hotline/items/export?sort=content');
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('sort');
  });

  it('needs the read permission', async () => {
    const guest = await env.app.inject({ method: 'GET', url: '/api/hotline/items/export' });
    expect(guest.statusCode).toBe(401);
  });
});

describe('batch actions: each item on its own, a result per item', () => {
  it('批量办结 closes the replied orders and names why each other one is refused; nothing else changes', async () => {
    for (const no of ['GZ-CLOSE-1', 'GZ-CLOSE-2', 'GZ-CLOSE-3', 'GZ-CLOSE-4', 'GZ-CLOSE-5']) expect((await push({ orderNo: no })).status).toBe(201);
    const made = (await list('q=GZ-CLOSE&sort=refNo')).items;
    for (const i of made) {
      const signed = await env.clerk.req('POST', `/api/hotline/items/${i.id}/sign`, { version: i.version, at: '2022-09-29 11:00' });
      expect(signed.status, JSON.stringify(signed.body).slice(0, 300)).toBe(200);
      if (i.refNo > 'GZ-CLOSE-2') {
        const r = await env.clerk.req('POST', `/api/hotline/items/${i.id}/reply`, {
          version: signed.body.data.version,
          content: '已疏通',
          at: '2022-09-30 10:00',
        });
        expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
      }
    }
    const replied = (await list('q=GZ-CLOSE&status=replied&sort=refNo')).items;
    const handling = (await list('q=GZ-CLOSE&status=handling&sort=refNo')).items;
    expect(replied.length).toBe(3);
    expect(replied.length).toBeGreaterThan(0);
    expect(handling.length).toBeGreaterThan(0);
    const stale = { id: replied[0]!.id, version: replied[0]!.version - 1 };
    const items = [...replied.slice(1), ...handling, stale].map((i) => ({ id: i.id, version: i.version }));
    const r = await env.clerk.req('POST', '/api/hotline/items/batch/close', { items, at: '2022-10-08 10:00' });
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    const results = r.body.data.results as Array<{ id: string; ok: boolean; message: string | null; refNo: string }>;
    expect(results.map((x) => x.id)).toEqual(items.map((i) => i.id));
    for (const x of results) {
      const wasReplied = replied.slice(1).some((i) => i.id === x.id);
      expect(x.ok, `${x.refNo}: ${x.message}`).toBe(wasReplied);
      if (!x.ok) expect(x.message).toBeTruthy();
    }
    expect(r.body.data).toMatchObject({ done: replied.length - 1, failed: handling.length + 1 });
    for (const i of handling) expect((await env.clerk.req('GET', `/api/hotline/items/${i.id}`)).body.data.status).toBe('handling');
    expect((await env.clerk.req('GET', `/api/hotline/items/${stale.id}`)).body.data.status).toBe('replied');
    for (const i of replied.slice(1)) expect((await env.clerk.req('GET', `/api/hotline/items/${i.id}`)).body.data.status).toBe('closed');
  });

  it('批量分派 assigns each received order to the unit; an unknown field or no unit is refused before anything', async () => {
    for (const refNo of ['GZ-BATCH-1', 'GZ-BATCH-2']) {
      const made = await env.clerk.req('POST', '/api/hotline/items', {
        refNo,
        receivedAt: '2022-09-29 10:15',
        demandType: '投诉',
        title: '路面积水',
        content: '积水',
      });
      expect(made.status, JSON.stringify(made.body).slice(0, 300)).toBe(201);
    }
    const received = (await list('status=received&q=GZ-BATCH&pageSize=10')).items;
    expect(received.map((i) => i.refNo).sort()).toEqual(['GZ-BATCH-1', 'GZ-BATCH-2']);
    const items = received.map((i) => ({ id: i.id, version: i.version }));
    const noUnit = await env.clerk.req('POST', '/api/hotline/items/batch/assign', { items });
    expect(noUnit.status).toBe(400);
    expect(noUnit.body.field).toBe('orgId');
    expect((await env.clerk.req('POST', '/api/hotline/items/batch/assign', { items, orgId: received[0]!.id, extra: 1 })).status).toBe(400);
    expect((await list('status=received&q=GZ-BATCH')).total).toBe(2);
    const overview = (await env.clerk.req('GET', '/api/demands/overview')).body.data;
    const orgId = overview.byUnit[0].orgId as string;
    const r = await env.clerk.req('POST', '/api/hotline/items/batch/assign', { items, orgId });
    expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(200);
    expect(r.body.data).toMatchObject({ done: 2, failed: 0 });
    expect((await list('status=assigned&q=GZ-BATCH')).total).toBe(2);
  });

  it('an unreadable time (2023-02-30) refuses the batch before any item, naming at; nothing changes', async () => {
    const open = (await list('status=open&pageSize=2')).items;
    const items = open.map((i) => ({ id: i.id, version: i.version }));
    const orgId = (await env.clerk.req('GET', '/api/demands/overview')).body.data.byUnit[0].orgId as string;
    for (const [action, extra] of [
      ['close', {}],
      ['assign', { orgId }],
    ] as const) {
      const r = await env.clerk.req('POST', `/api/hotline/items/batch/${action}`, { items, at: '2023-02-30', ...extra });
      expect(r.status, JSON.stringify(r.body).slice(0, 300)).toBe(400);
      expect(r.body).toMatchObject({ code: 'VALIDATION', field: 'at' });
    }
    const after = (await list('status=open&pageSize=2')).items;
    expect(after.map((i) => [i.id, i.version])).toEqual(open.map((i) => [i.id, i.version]));
  });

  it('refuses an action that is not a batch action', async () => {
    expect((await env.clerk.req('POST', '/api/hotline/items/batch/reply', { items: [] })).status).toBe(400);
  });
});
