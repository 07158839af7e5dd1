import { beforeAll, describe, expect, it } from 'vitest';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { defineModule } from '../../src/core/module.js';
import { modules } from '../../src/modules/index.js';
import { authorize } from '../../src/core/http.js';
import { withDataScope, assertInScope } from '../../src/core/scope.js';
import { write } from '../../src/core/audit/audit.js';
import { errors } from '../../src/core/errors.js';
import { orgsByName } from '../../src/core/orgs.js';
import { serverSuite } from '../helpers/server.js';

/**
 * A minimal street-owned record type, written the way every business module is:
 * all SQL in a repository that applies `withDataScope` on every get and list.
 */
const notes = defineModule({
  key: 'notes',
  title: '测试记录',
  migrations: [
    {
      id: 'notes/0001.sql',
      sql: 'CREATE TABLE note (tenant_id uuid NOT NULL, id serial, org_id uuid NOT NULL, body text NOT NULL, PRIMARY KEY (tenant_id, id));',
    },
  ],
  permissions: { 'notes.rw': { label: '测试', roles: ['street', 'admin'] } },
  entities: {
    note: {
      label: '测试记录',
      readPermission: 'notes.rw',
      writePermission: 'notes.rw',
      async ownerOrg(db, tenantId, id) {
        if (!/^\d+$/.test(id)) return undefined;
        return (await db.selectFrom('note').select('org_id').where('tenant_id', '=', tenantId).where('id', '=', Number(id)).executeTakeFirst())?.org_id;
      },
    },
  },
  async routes(root) {
    const app = root.withTypeProvider<TypeBoxTypeProvider>();
    const repo = (ctx: ReturnType<typeof authorize>) => ({
      list: () => (ctx.db as any).selectFrom('note').selectAll().$call(withDataScope(ctx.actor)).orderBy('id').execute(),
      get: (id: number) => (ctx.db as any).selectFrom('note').selectAll().$call(withDataScope(ctx.actor)).where('id', '=', id).executeTakeFirst(),
    });
    app.get('/notes', async (req) => ({ data: await repo(authorize(req, 'notes.rw')).list() }));
    app.get('/notes/:id', { schema: { params: Type.Object({ id: Type.Integer() }) } }, async (req) => {
      const n = await repo(authorize(req, 'notes.rw')).get(req.params.id);
      if (!n) throw errors.notFound('测试记录');
      return { data: n };
    });
    app.patch('/notes/:id', { schema: { params: Type.Object({ id: Type.Integer() }), body: Type.Object({ body: Type.String() }) } }, async (req) => {
      const ctx = authorize(req, 'notes.rw');
      const n = await repo(ctx).get(req.params.id);
      if (!n) throw errors.notFound('测试记录');
      assertInScope(ctx.actor, n.org_id);
      await write(ctx, async ({ tx, audit }) => {
        await (tx as any).updateTable('note').set({ body: req.body.body }).where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', n.id).execute();
        await audit({ entity: 'note', entityId: String(n.id), action: 'updated', orgId: n.org_id, before: { body: n.body }, after: { body: req.body.body } });
      });
      return { data: { ok: true } };
    });
  },
});

const ids: Record<string, number> = {};
let yuancunOrg: string;

const env = serverSuite({ wushan: 'wushan', yuancun: 'yuancun', admin: 'admin' }, 'demo', { modules: [...modules, notes] });
beforeAll(async () => {
  const tenantId = env.tenantId;
  const orgs = await orgsByName(env.sys.db, tenantId);
  yuancunOrg = orgs.get('员村街道')!.id;
  for (const street of ['五山街道', '员村街道']) {
    const r = await (env.sys.db as any)
      .insertInto('note')
      .values({ tenant_id: tenantId, org_id: orgs.get(street)!.id, body: `${street}的记录` })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[street] = r.id;
  }
});

describe('data scope: a street reads and writes only its own records', () => {
  it('lists only its own street', async () => {
    const res = await env.wushan.req('GET', '/api/notes');
    expect(res.body.data.map((n: any) => n.body)).toEqual(['五山街道的记录']);
  });

  it("gets another street's record as 404, not an empty 200", async () => {
    const res = await env.wushan.req('GET', `/api/notes/${ids.员村街道}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    expect((await env.yuancun.req('GET', `/api/notes/${ids.员村街道}`)).status).toBe(200);
  });

  it("cannot write another street's record, and nothing changes", async () => {
    const res = await env.wushan.req('PATCH', `/api/notes/${ids.员村街道}`, { body: '改了' });
    expect(res.status).toBe(404);
    const n = await (env.sys.db as any).selectFrom('note').select('body').where('id', '=', ids.员村街道).executeTakeFirst();
    expect(n.body).toBe('员村街道的记录');
    expect((await env.wushan.req('PATCH', `/api/notes/${ids.五山街道}`, { body: '五山改了' })).status).toBe(200);
  });

  it("cannot read another street's history", async () => {
    expect((await env.wushan.req('GET', `/api/history/note/${ids.员村街道}`)).status).toBe(404);
    const own = await env.wushan.req('GET', `/api/history/note/${ids.五山街道}`);
    expect(own.status).toBe(200);
    expect(own.body.data.at(-1).changes.fields).toEqual([{ field: 'body', before: '五山街道的记录', after: '五山改了' }]);
  });

  it("cannot see another street's org, users or metrics", async () => {
    expect((await env.wushan.req('GET', `/api/orgs/${yuancunOrg}`)).status).toBe(404);
    expect((await env.wushan.req('GET', '/api/orgs')).body.data.map((o: any) => o.name)).toEqual(['五山街道']);
    expect((await env.wushan.req('GET', `/api/metrics?year=2022&orgId=${yuancunOrg}`)).status).toBe(404);
  });

  it('serves an attachment only to users whose scope covers the owning record', async () => {
    const boundary = '----fazhi';
    const body = [
      `--${boundary}\r\nContent-Disposition: form-data; name="entity"\r\n\r\nnote`,
      `--${boundary}\r\nContent-Disposition: form-data; name="entityId"\r\n\r\n${ids.员村街道}`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="现场照片说明.txt"\r\nContent-Type: text/plain\r\n\r\n现场检查记录`,
      `--${boundary}--\r\n`,
    ].join('\r\n');
    const up = await env.yuancun.req('POST', '/api/attachments', body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(up.status).toBe(201);
    const id = up.body.data.id;
    expect(up.body.data.sha256).toMatch(/^[0-9a-f]{64}$/);
    const own = await env.yuancun.req('GET', `/api/attachments/${id}/content`);
    expect(own.status).toBe(200);
    expect(own.body).toBe('现场检查记录');
    expect((await env.admin.req('GET', `/api/attachments/${id}/content`)).status).toBe(200);
    expect((await env.wushan.req('GET', `/api/attachments/${id}/content`)).status).toBe(404);
    expect((await env.wushan.req('GET', `/api/attachments?entity=note&entityId=${ids.员村街道}`)).status).toBe(404);
    // Uploading onto another street's record is refused the same way.
    const cross = await env.wushan.req('POST', '/api/attachments', body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(cross.status).toBe(404);
  });

  it('rejects a file type outside the limits, naming the field', async () => {
    const boundary = '----fazhi2';
    const body = [
      `--${boundary}\r\nContent-Disposition: form-data; name="entity"\r\n\r\nnote`,
      `--${boundary}\r\nContent-Disposition: form-data; name="entityId"\r\n\r\n${ids.五山街道}`,
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.exe"\r\nContent-Type: application/x-msdownload\r\n\r\nMZ`,
      `--${boundary}--\r\n`,
    ].join('\r\n');
    const res = await env.wushan.req('POST', '/api/attachments', body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION', field: 'file' });
  });
});
