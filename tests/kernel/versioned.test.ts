import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testSystem } from '../helpers/system.js';
import type { System } from '../../src/core/system.js';
import { systemActor, type Ctx } from '../../src/core/context.js';
import { history, write } from '../../src/core/audit/audit.js';
import { AppError } from '../../src/core/errors.js';
import { listTenants } from '../../src/core/tenant.js';
import { currentStates, recordStateOf } from '../../src/core/audit/records.js';
import { checkVersion, updateVersioned } from '../../src/core/versioned.js';

/** `updateVersioned` — the one optimistic update (lock, 404, 409, write, event after the write). */

let sys: System;
let ctx: Ctx;
let tenantId = '';
let orgId = '';
let orgName = '';

beforeAll(async () => {
  sys = await testSystem('demo');
  tenantId = (await listTenants(sys.db))[0]!.id;
  ctx = sys.ctx(systemActor(tenantId));
  const o = await sys.db
    .selectFrom('org')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'department')
    .orderBy('name')
    .executeTakeFirstOrThrow();
  orgId = o.id;
  orgName = o.name;
});
afterAll(async () => {
  await sys?.close();
});

const current = () => sys.db.selectFrom('org').selectAll().where('tenant_id', '=', tenantId).where('id', '=', orgId).executeTakeFirstOrThrow();
const events = async () => (await history(sys.db, tenantId, 'org', orgId)).filter((e) => e.action === 'renamed');

type Case = {
  name: string;
  id?: () => string;
  version: (v: number) => number | undefined;
  patch: () => Record<string, unknown>;
  ifUnchanged?: 'skip' | 'write';
  inScope?: boolean;
  status?: number;
  code?: string;
  changed?: boolean;
  fields?: string[];
};

const cases: Case[] = [
  { name: 'a stale version answers 409 CONFLICT and writes nothing', version: (v) => v - 1, patch: () => ({ sort: 99 }), status: 409, code: 'CONFLICT' },
  {
    name: 'an unknown id answers 404',
    id: () => '00000000-0000-4000-8000-00000000abcd',
    version: (v) => v,
    patch: () => ({ sort: 99 }),
    status: 404,
    code: 'NOT_FOUND',
  },
  { name: 'a record out of scope answers 404, not 409', version: (v) => v - 1, patch: () => ({ sort: 99 }), inScope: false, status: 404, code: 'NOT_FOUND' },
  { name: 'a patch that changes nothing is neither written nor audited', version: (v) => v, patch: () => ({ name: orgName }), changed: false },
  {
    name: 'a change writes version + 1 and one event with only the changed fields',
    version: (v) => v,
    patch: () => ({ name: `${orgName}（改）`, kind: 'department' }),
    changed: true,
    fields: ['name'],
  },
  { name: 'no version (a historical import) skips the check', version: () => undefined, patch: () => ({ name: orgName }), changed: true, fields: ['name'] },
  {
    name: "ifUnchanged 'write' bumps the version and records an event without fields",
    version: (v) => v,
    patch: () => ({ name: orgName }),
    ifUnchanged: 'write',
    changed: true,
    fields: [],
  },
];

describe('updateVersioned', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const old = await current();
      const n = (await events()).length;
      const run = write(ctx, (w) =>
        updateVersioned(w, {
          table: 'org',
          tenantId,
          id: c.id?.() ?? orgId,
          version: c.version(old.version),
          label: '单位',
          ...(c.inScope === false ? { inScope: () => false } : {}),
          patch: c.patch(),
          audit: { entity: 'org', action: 'renamed', orgId: (_b, a) => String(a.id) },
          ...(c.ifUnchanged ? { ifUnchanged: c.ifUnchanged } : {}),
        }),
      );
      if (c.status) {
        const e = await run.then(
          () => undefined,
          (err) => err,
        );
        expect(e).toBeInstanceOf(AppError);
        expect([e.status, e.code]).toEqual([c.status, c.code]);
        if (c.code === 'CONFLICT') expect(e.message).toBe('记录已被他人修改，请刷新后重试');
        expect((await current()).version).toBe(old.version);
        expect((await events()).length).toBe(n);
        return;
      }
      const r = await run;
      expect(r.changed).toBe(c.changed);
      const now = await current();
      const evs = await events();
      if (!c.changed) {
        expect(now.version).toBe(old.version);
        expect(r.row.version).toBe(old.version);
        expect(evs.length).toBe(n);
        return;
      }
      expect(now.version).toBe(old.version + 1);
      expect(r.row.version).toBe(old.version + 1);
      expect(now.updated_at.getTime()).toBeGreaterThan(old.updated_at.getTime());
      expect(evs.length).toBe(n + 1);
      const ev = evs[evs.length - 1]!;
      expect(ev.changes.fields.map((f) => f.field)).toEqual(c.fields);
      expect(ev.orgId).toBe(orgId);
      // The event is written after the change: it stores the record's state as written.
      const def = recordStateOf('org');
      expect(def).toBeDefined();
      expect(ev.stateHash).toBe((await currentStates(sys.db, tenantId, def!, [orgId])).get(orgId));
    });
  }

  it('checkVersion: undefined skips, a mismatch is 409', () => {
    expect(() => checkVersion({ version: 3 }, undefined)).not.toThrow();
    expect(() => checkVersion({ version: 3 }, 3)).not.toThrow();
    expect(() => checkVersion({ version: 3 }, 2)).toThrow(/已被他人修改/);
    expect(() => checkVersion({ version: 3 }, 2, '该段落已被他人修改')).toThrow(/该段落/);
  });

  it('two writers with the same version: one succeeds, the other answers 409, no lost update', async () => {
    for (let round = 0; round < 5; round++) {
      const old = await current();
      const attempt = (sort: number) =>
        write(ctx, (w) =>
          updateVersioned(w, {
            table: 'org',
            tenantId,
            id: orgId,
            version: old.version,
            label: '单位',
            patch: { sort },
            audit: { entity: 'org', action: 'renamed', orgId },
          }),
        ).then(
          () => 200,
          (e) => (e instanceof AppError ? e.status : 500),
        );
      const statuses = await Promise.all([attempt(1000 + round), attempt(2000 + round)]);
      expect(statuses.sort()).toEqual([200, 409]);
      const now = await current();
      expect(now.version).toBe(old.version + 1);
      expect([1000 + round, 2000 + round]).toContain(now.sort);
    }
  });
});
