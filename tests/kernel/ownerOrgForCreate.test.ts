import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { testSystem } from '../helpers/system.js';
import type { System } from '../../src/core/system.js';
import { systemActor, type Actor } from '../../src/core/context.js';
import { bureauOrgId, ownerOrgForCreate } from '../../src/core/scope.js';
import { AppError } from '../../src/core/errors.js';
import { listTenants } from '../../src/core/tenant.js';
import { orgsByName } from '../../src/core/orgs.js';

/** `ownerOrgForCreate` — the owner org of a new record, row by row, on the demo bureau. */

let sys: System;
let tenantId = '';
const org: Record<string, string> = {};
let otherTenantOrg = '';

beforeAll(async () => {
  sys = await testSystem('demo');
  tenantId = (await listTenants(sys.db))[0]!.id;
  for (const [name, o] of await orgsByName(sys.db, tenantId)) org[name] = o.id;
  // A second tenant with an org of its own: existence is checked within the actor's tenant.
  const t = await sql<{ id: string }>`INSERT INTO tenant (name) VALUES ('另一个水务局') RETURNING id`.execute(sys.db);
  otherTenantOrg = (
    await sql<{ id: string }>`INSERT INTO org (tenant_id, name, kind) VALUES (${t.rows[0]!.id}, '另一个水务局', 'bureau') RETURNING id`.execute(sys.db)
  ).rows[0]!.id;
});
afterAll(async () => {
  await sys?.close();
});

const user = (orgName: string, scope: 'all' | 'own'): Actor => ({
  tenantId,
  userId: '00000000-0000-4000-8000-000000000001',
  name: '测试',
  orgId: org[orgName]!,
  roles: [scope === 'all' ? 'clerk' : 'street'],
  scope: scope === 'all' ? { all: true } : { all: false, orgIds: [org[orgName]!] },
  permissions: new Set(),
});

type Row =
  | { name: string; actor: () => Actor; requested: () => string | null | undefined; expect: () => string }
  | { name: string; actor: () => Actor; requested: () => string | null | undefined; refused: true };

const ROWS: Row[] = [
  { name: 'street user, none requested → own street', actor: () => user('五山街道', 'own'), requested: () => undefined, expect: () => org.五山街道! },
  { name: 'street user, null requested → own street', actor: () => user('五山街道', 'own'), requested: () => null, expect: () => org.五山街道! },
  {
    name: 'street user, own street requested → own street',
    actor: () => user('五山街道', 'own'),
    requested: () => org.五山街道,
    expect: () => org.五山街道!,
  },
  { name: 'street user, another street requested → 404', actor: () => user('五山街道', 'own'), requested: () => org.员村街道, refused: true },
  { name: 'street user, the bureau requested → 404', actor: () => user('五山街道', 'own'), requested: () => org.广州市天河区水务局, refused: true },
  { name: 'street user, unknown org → 404', actor: () => user('五山街道', 'own'), requested: () => '00000000-0000-4000-8000-00000000dead', refused: true },
  { name: 'street user, not a uuid → 404 (no SQL error)', actor: () => user('五山街道', 'own'), requested: () => 'not-a-uuid', refused: true },
  { name: 'bureau-wide user, none requested → own department', actor: () => user('办公室', 'all'), requested: () => undefined, expect: () => org.办公室! },
  {
    name: 'bureau-wide user, a street requested → that street',
    actor: () => user('办公室', 'all'),
    requested: () => org.员村街道,
    expect: () => org.员村街道!,
  },
  { name: 'bureau-wide user, unknown org → 404', actor: () => user('办公室', 'all'), requested: () => '00000000-0000-4000-8000-00000000dead', refused: true },
  { name: 'bureau-wide user, another tenant’s org → 404', actor: () => user('办公室', 'all'), requested: () => otherTenantOrg, refused: true },
  {
    name: 'system actor (CLI, demo), none requested → the bureau',
    actor: () => systemActor(tenantId),
    requested: () => undefined,
    expect: () => org.广州市天河区水务局!,
  },
  {
    name: 'system actor, a street requested → that street',
    actor: () => systemActor(tenantId),
    requested: () => org.五山街道,
    expect: () => org.五山街道!,
  },
  { name: 'system actor, another tenant’s org → 404', actor: () => systemActor(tenantId), requested: () => otherTenantOrg, refused: true },
  {
    name: 'street user with no org in scope → 404',
    actor: () => ({ ...user('五山街道', 'own'), orgId: null, scope: { all: false, orgIds: [] } }),
    requested: () => undefined,
    refused: true,
  },
];

describe('ownerOrgForCreate', () => {
  it.each(ROWS.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const run = ownerOrgForCreate({ db: sys.db, actor: row.actor() }, row.requested(), '承办单位');
    if ('refused' in row) {
      const e = await run.then(
        () => null,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(AppError);
      expect(e).toMatchObject({ status: 404, message: '承办单位不存在或无权访问' });
    } else expect(await run).toBe(row.expect());
  });

  it('names the unit 单位 by default', async () => {
    await expect(ownerOrgForCreate({ db: sys.db, actor: user('五山街道', 'own') }, org.员村街道)).rejects.toMatchObject({
      status: 404,
      message: '单位不存在或无权访问',
    });
  });

  it('bureauOrgId gives the root bureau of the tenant', async () => {
    expect(await bureauOrgId(sys.db, tenantId)).toBe(org.广州市天河区水务局);
  });
});
