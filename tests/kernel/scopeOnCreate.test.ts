import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { login } from '../helpers/http.js';
import type { ModuleDef } from '../../src/core/module.js';
import { modules } from '../../src/modules/index.js';
import { orgsByName } from '../../src/core/orgs.js';
import { usccCheckChar } from '../../src/core/ledger/validators.js';
import { serverSuite } from '../helpers/server.js';
import { eventsAfter, lastSeq } from '../helpers/auditTrail.js';

/**
 * 数据范围 on create, route by route. The street role is granted every permission of
 * every module here, so the street user `wushan` (五山街道) reaches every create the
 * OpenAPI document lists: the scope on create is then the only thing that keeps them
 * out of another street's records.
 *
 * - Every POST route without path parameters, and every POST/PUT/PATCH whose body has
 *   a unit field (`orgId`, or the flood projects' `streetOrgId`), is exercised (a route
 *   that is neither exercised nor skipped with a reason fails the test, so a new
 *   create cannot slip past).
 * - With another street's unit (员村街道), or an org that does not exist: 404, no audit
 *   event, no row of 员村街道 added or changed in any table. A create only the bureau
 *   (or, by design, one of its departments) may own: 404 for the street user, the same.
 * - Without `orgId` (or with the user's own): 2xx; every audit event the request wrote
 *   names 五山街道, the record's stored owner (the entity's `ownerOrg`) is 五山街道,
 *   and the user can read it back (`GET /api/history/:entity/:id`, and the module's
 *   own `GET …/:id` where there is one) — 200, not 404.
 */

/** Routes that create nothing or cannot be run generically, each with the reason (and where it is covered). */
const SKIP: Record<string, string> = {
  'POST /api/auth/login': 'signs in; creates no record',
  'POST /api/auth/logout': 'ends the session the test runs on',
  'POST /api/auth/password': 'changes the password of the session the test runs on',
  'POST /api/auth/sessions/revoke-others': "ends the caller's own other sessions; creates no record (tests/modules/system/auditSearch.test.ts)",
  'POST /api/attachments': 'multipart; an attachment belongs to a record the scope check of which is kernel code (tests/kernel/scope.test.ts)',
  'POST /api/audit/verify': 'verifies the chain; creates no record',
  'POST /api/ledgers/{key}/import': 'historical imports name the org per row and are checked by the ledger code (tests/ledgers, tests/modules/*/ledger*)',
  'POST /api/orgs': 'creates an org (no owner org); only the bureau-wide admin manages orgs',
  'POST /api/api-keys': 'an API key belongs to the bureau (no owner org); only the bureau-wide admin manages keys (tests/kernel/apiKeys.test.ts)',
  'POST /api/enforcement/discretion': 'a calculator; creates no record',
  'POST /api/decisions/catalogue/publish': "publishes a year's catalogue items (creates none); bureau-wide users only (tests/modules/decisions)",
  'POST /api/enforcement/clues/{id}/{action}': '移送 hands a clue to another unit by design (bureau ↔ street): targeted test below',
  'POST /api/water-samples/field':
    "multipart with the photo's hash; the sample's unit is the river's, checked by the desk's save path (tests/modules/rivers/fieldSample.test.ts)",
  ...Object.fromEntries(
    ['petitions', 'disclosure'].flatMap((m) => [
      [
        `POST /api/public/${m}/submit`,
        "a citizen's online request, no staff session: it enters the kind's intake unit (tests/modules/disclosure/online.test.ts)",
      ],
      [`POST /api/public/${m}/status`, 'reads a request by its receipt number and secret; creates nothing'],
      [`POST /api/public/${m}/status/document`, "downloads a request's reply by its receipt number and secret; creates nothing"],
    ]),
  ),
};
/** The fields of a body that name the record's unit. */
const UNIT_FIELDS = ['orgId', 'streetOrgId'] as const;
type UnitField = (typeof UNIT_FIELDS)[number];

type Json = Record<string, unknown>;
interface Fixture {
  /** The body of a create without `orgId` (or with the user's own where it is required). */
  body(): Promise<Json> | Json;
  /** The body that asks for another unit (default: `body()` with `orgId` of 员村街道). */
  outside?(): Promise<Json> | Json;
  /** The URL when the route has path parameters. */
  url?(): Promise<string> | string;
  /**
   * A create only the bureau may own (catalogue, proactive disclosure), or one of its
   * departments by design (the flood department's deployments, warnings and yearly
   * disclosure): the street user is refused outright (404), and nothing is written.
   */
  bureauOwned?: boolean;
}

let OWN = '';
let OTHER = '';
const NOWHERE = '00000000-0000-4000-8000-00000000dead';
let doc: { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: any }> } }>> };
let n = 0;
const uniq = (p: string) => `${p}${Date.now().toString(36)}${++n}`;
/** A year no annual inspection plan of the test has taken (one plan per unit and year). */
let nextPlanYear = 2030;
const created: Record<string, string> = {};
/** The id of a record made the first time a case needs it, then reused. */
async function once(key: string, make: () => Promise<{ id: string }>): Promise<string> {
  created[key] ??= (await make()).id;
  return created[key];
}
const sampleDay = () => new Date(Date.UTC(2024, 0, 1) + ++n * 86_400_000).toISOString().slice(0, 10);

/** Every permission of every module granted to the street role as well. */
const widened: ModuleDef[] = modules.map((m) =>
  m.permissions
    ? {
        ...m,
        permissions: Object.fromEntries(Object.entries(m.permissions).map(([k, p]) => [k, { ...p, roles: [...new Set([...p.roles, 'street' as const])] }])),
      }
    : m,
);

async function post(url: string, body: Json) {
  const r = await env.wushan.req('POST', url, body);
  if (r.status >= 300) throw new Error(`${url}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body.data;
}
/** What each demand kind requires besides the common fields. */
const DEMAND_EXTRAS: Record<string, Json> = {
  hotline: {},
  petitions: { channel: '来信' },
  proposals: { demandType: '人大代表建议', channel: '主办' },
  disclosure: { demandType: '自然人', channel: '网络' },
};
const demandBody = (kind = 'hotline') => ({
  refNo: uniq('SC'),
  receivedAt: '2024-03-01T09:00:00+08:00',
  title: '范围测试',
  content: '数据范围测试的诉求内容',
  ...DEMAND_EXTRAS[kind],
});
const ownDemand = async (kind: string) => (created[`${kind}Item`] ??= (await post(`/api/${kind}/items`, demandBody(kind))).id);
const demandAssign = (kind: string): Fixture => ({
  url: async () => `/api/${kind}/items/${await ownDemand(kind)}/assign`,
  body: async () => ({ version: (await env.wushan.req('GET', `/api/${kind}/items/${await ownDemand(kind)}`)).body.data.version, orgId: OWN }),
});

/** 批量派单: the unit is the batch's; one outside the scope refuses the whole request (each item's own 派单 checks it too). */
const demandBatchAssign = (kind: string): Fixture => ({
  url: () => `/api/${kind}/items/batch/assign`,
  body: async () => {
    const id = await ownDemand(kind);
    return { items: [{ id, version: (await env.wushan.req('GET', `/api/${kind}/items/${id}`)).body.data.version }], orgId: OWN };
  },
});

const FIXTURES: Record<string, Fixture> = {
  'POST /api/users': { body: () => ({ username: uniq('sc_'), displayName: '范围测试', orgId: OWN, roles: ['street'], password: 'Qz7#vLp2!mWx9' }) },
  'PATCH /api/users/{id}': {
    url: async () =>
      `/api/users/${await once('user', () => post('/api/users', { username: uniq('sc_'), displayName: '范围测试', orgId: OWN, roles: ['street'], password: 'Qz7#vLp2!mWx9' }))}`,
    body: async () => ({
      version: (await env.wushan.req('GET', '/api/users')).body.data.find((u: Json) => u.id === created.user).version,
      displayName: '改名',
      orgId: OWN,
    }),
  },
  'POST /api/enforcement/cases': {
    body: async () => {
      const offs = await sql<{
        id: string;
        until: string;
      }>`SELECT id, cert_valid_until::text AS until FROM enf_officer WHERE org_id = ${OWN} AND active AND cert_no IS NOT NULL AND cert_valid_until IS NOT NULL ORDER BY cert_valid_until DESC LIMIT 2`.execute(
        env.sys.db,
      );
      const item = await sql<{ id: string }>`SELECT id FROM enf_item WHERE delegated ORDER BY code LIMIT 1`.execute(env.sys.db);
      const filedOn = [offs.rows[1]!.until, new Date().toISOString().slice(0, 10)].sort()[0]!;
      return {
        cause: '范围测试案由',
        partyType: '法人',
        partyName: '范围测试有限公司',
        filedOn,
        officerIds: offs.rows.map((o) => o.id),
        itemId: item.rows[0]!.id,
        source: '巡查发现',
      };
    },
  },
  'POST /api/enforcement/clues': { body: () => ({ source: '巡查发现', receivedOn: '2024-03-01', summary: '范围测试线索' }) },
  'POST /api/enforcement/officers': { body: () => ({ name: uniq('范围人员') }) },
  'PATCH /api/enforcement/officers/{id}': {
    url: async () => `/api/enforcement/officers/${await once('officer', () => post('/api/enforcement/officers', { name: uniq('范围人员') }))}`,
    body: async () => {
      const o = (await env.wushan.req('GET', '/api/enforcement/officers')).body.data.find((x: Json) => x.id === created.officer);
      return { name: o.name, orgId: OWN, version: o.version };
    },
  },
  'POST /api/enforcement/reviews': { body: () => ({ orgId: OWN, year: 2023, sampleSize: 1, seed: 7 }) },
  'POST /api/enforcement/items': { bureauOwned: true, body: () => ({ code: uniq('SC-'), name: '范围测试事项', legalBasis: '《中华人民共和国水法》' }) },
  'POST /api/disclosure/proactive': { bureauOwned: true, body: () => ({ date: '2024-03-01', section: '通知公告', title: uniq('范围测试') }) },
  'POST /api/licensing/items': { body: () => ({ code: uniq('SC-'), name: '范围测试许可', category: '水利', statutoryDays: 20, committedDays: 10 }) },
  'POST /api/licensing/permits': {
    body: async () => ({
      itemId: await once('licItem', () =>
        post('/api/licensing/items', { code: uniq('SC-'), name: '范围测试许可', category: '水利', statutoryDays: 20, committedDays: 10 }),
      ),
      applicant: '范围测试公司',
      channel: '窗口',
      receivedOn: '2024-03-01',
    }),
  },
  'POST /api/litigation/cases': {
    body: () => ({
      caseNo: uniq('范围测试复〔2024〕'),
      kind: '复议',
      claimantType: '法人',
      claimantName: '广州某范围测试有限公司',
      actKind: '其他',
      actTitle: '范围测试',
      body: '广州市天河区人民政府',
      receivedOn: '2024-03-01',
    }),
  },
  'POST /api/decisions/catalogue': { body: () => ({ year: 2031, title: uniq('范围测试事项'), category: '其他重大事项' }) },
  // An edit of a catalogue item (its year's catalogue not published) may name its 承办单位: in scope only.
  'PUT /api/decisions/catalogue/{id}': {
    url: async () =>
      `/api/decisions/catalogue/${await once('catalogue', () => post('/api/decisions/catalogue', { year: 2032, title: uniq('范围测试事项'), category: '其他重大事项' }))}`,
    body: async () => {
      const item = (await env.wushan.req('GET', '/api/decisions/catalogue?year=2032')).body.data.find((i: Json) => i.id === created.catalogue);
      return { version: item.version, seq: item.seq, title: uniq('改名事项'), category: '其他重大事项', orgId: OWN };
    },
  },
  'POST /api/decisions': { body: () => ({ year: 2031, title: uniq('范围测试决策'), participationRequired: true, expertRequired: true, riskRequired: true }) },
  'POST /api/legal/contracts': { body: () => ({ firm: '范围测试律师事务所', contractNo: uniq('SC-'), startOn: '2030-01-01', endOn: '2030-12-31' }) },
  'POST /api/legal/advice': { body: () => ({ date: '2024-03-01', kind: '合同审查', title: '范围测试' }) },
  'POST /api/legal/documents': { body: () => ({ kind: '规范性文件', title: uniq('范围测试'), submittedOn: '2024-03-01' }) },
  'POST /api/legal/appraisals': {
    body: () => ({ year: 2031, appraisedOn: '2031-12-01', selfCheck: '自查', criteria: [{ name: '服务质量', max: 100, score: 90 }] }),
  },
  'POST /api/staff/study-sessions': { body: () => ({ date: '2024-03-01', form: '专题培训', topic: '范围测试' }) },
  'POST /api/staff/exam-results': { body: () => ({ exam: '范围测试考试', date: '2024-03-01', person: uniq('人'), score: 90, passMark: 60 }) },
  'POST /api/staff/trainings': { body: () => ({ date: '2024-03-01', topic: '范围测试', audience: '街道', mode: '线下', onsite: 10, attendees: 10 }) },
  'POST /api/staff/pufa-duties': { body: () => ({ year: 2024, law: '水法', content: '范围测试' }) },
  'POST /api/staff/pufa-activities': { body: () => ({ date: '2024-03-01', title: '范围测试' }) },
  'POST /api/inspections/items': { body: () => ({ code: uniq('SC-'), name: '范围测试抽查事项', entityKind: '取水单位' }) },
  'POST /api/inspections/entities': { body: () => ({ code: uniq('SC-'), name: '范围测试对象', kind: '取水单位' }) },
  'POST /api/inspections/inspectors': { body: () => ({ code: uniq('SC-'), name: '范围检查员' }) },
  'POST /api/inspections/conflicts': {
    body: async () => ({
      inspectorId: (await post('/api/inspections/inspectors', { code: uniq('SC-'), name: '范围检查员' })).id,
      entityId: (await post('/api/inspections/entities', { code: uniq('SC-'), name: '范围测试对象', kind: '取水单位' })).id,
      reason: '亲属关系',
    }),
    // Another street's inspector: the conflict would be kept with them.
    outside: async () => ({
      inspectorId:
        (await sql<{ id: string }>`SELECT id FROM insp_inspector WHERE org_id = ${OTHER} LIMIT 1`.execute(env.sys.db)).rows[0]?.id ?? (await otherInspector()),
      entityId: (await post('/api/inspections/entities', { code: uniq('SC-'), name: '范围测试对象', kind: '取水单位' })).id,
      reason: '亲属关系',
    }),
  },
  'POST /api/inspections/plans': {
    body: async () => ({
      year: 2024,
      title: '范围测试计划',
      itemId: (await post('/api/inspections/items', { code: uniq('SC-'), name: '范围测试抽查事项', entityKind: '取水单位' })).id,
      ratioPercent: 10,
      windowFrom: '2024-03-01',
      windowTo: '2024-06-30',
    }),
  },
  'POST /api/inspections/records': {
    body: async () => {
      const body17 = `91440106${String(Date.now()).slice(-6)}${String(++n).padStart(3, '0')}`;
      const officers = (await sql<{ id: string }>`SELECT id FROM enf_officer WHERE cert_no IS NOT NULL ORDER BY id LIMIT 2`.execute(env.sys.db)).rows;
      return {
        inspectedOn: '2024-03-05',
        kind: '专项',
        entityName: uniq('范围测试企业'),
        entityUscc: body17 + usccCheckChar(body17),
        itemId: await once('inspItem', () => post('/api/inspections/items', { code: uniq('SC-'), name: '范围测试抽查事项', entityKind: '取水单位' })),
        officerIds: officers.map((o) => o.id),
        offPlanReason: '范围测试',
        followUp: '无问题',
      };
    },
  },
  'POST /api/inspections/annual-plans': { body: () => ({ year: nextPlanYear++, title: '范围测试年度检查计划' }) },
  'POST /api/rivers': { body: () => ({ name: uniq('范围涌'), streetOrgIds: [OWN] }), outside: () => ({ name: uniq('范围涌'), streetOrgIds: [OTHER] }) },
  'POST /api/water-samples': {
    body: async () => ({
      riverId: await once('river', () => post('/api/rivers', { name: uniq('范围涌'), streetOrgIds: [OWN] })),
      sampledOn: sampleDay(),
      transparencyCm: 30,
      doMgl: 5,
      orpMv: 100,
      nh3nMgl: 1,
    }),
    // A river of another street: the sample would be kept with it.
    outside: async () => ({
      riverId: (await sql<{ id: string }>`SELECT id FROM river WHERE org_id = ${OTHER} LIMIT 1`.execute(env.sys.db)).rows[0]!.id,
      sampledOn: sampleDay(),
      transparencyCm: 30,
      doMgl: 5,
      orpMv: 100,
      nh3nMgl: 1,
    }),
  },
  'POST /api/hotline/items': { body: () => demandBody('hotline') },
  'POST /api/petitions/items': { body: () => demandBody('petitions') },
  'POST /api/proposals/items': { body: () => demandBody('proposals') },
  'POST /api/disclosure/items': { body: () => demandBody('disclosure') },
  'POST /api/hotline/items/{id}/assign': demandAssign('hotline'),
  'POST /api/petitions/items/{id}/assign': demandAssign('petitions'),
  'POST /api/proposals/items/{id}/assign': demandAssign('proposals'),
  'POST /api/disclosure/items/{id}/assign': demandAssign('disclosure'),
  ...Object.fromEntries(['hotline', 'petitions', 'proposals', 'disclosure'].map((m) => [`POST /api/${m}/items/batch/{action}`, demandBatchAssign(m)])),
  'POST /api/hotline/push': {
    body: () => ({ orderNo: uniq('GD'), receivedAt: '2024-03-01T09:00:00+08:00', unitName: '五山街道', content: '范围测试工单', title: '范围测试' }),
    outside: () => ({ orderNo: uniq('GD'), receivedAt: '2024-03-01T09:00:00+08:00', unitName: '员村街道', content: '范围测试工单', title: '范围测试' }),
  },
  // Takes the pending 12345 clue requests in scope (none for 五山街道 in the demo): the case with one is tests/kernel/scopeOnCreateClues.test.ts.
  'POST /api/enforcement/clues/from-hotline': { body: () => ({}) },
  // 防汛: a risk point, project or work is its street's (none named: the street user's own).
  'POST /api/flood/risk-points': { body: () => riskPointBody() },
  'PATCH /api/flood/risk-points/{id}': {
    url: async () => `/api/flood/risk-points/${await ownRiskPoint()}`,
    body: async () => ({
      version: (await env.wushan.req('GET', `/api/flood/risk-points/${await ownRiskPoint()}`)).body.data.version,
      name: uniq('改名风险点'),
      orgId: OWN,
    }),
  },
  'POST /api/flood/projects': { body: () => projectBody() },
  'PATCH /api/flood/projects/{id}': {
    url: async () => `/api/flood/projects/${await ownProject()}`,
    body: async () => ({
      version: (await env.wushan.req('GET', `/api/flood/projects/${await ownProject()}`)).body.data.version,
      status: uniq('实施'),
      streetOrgId: OWN,
    }),
  },
  'POST /api/flood/works': { body: () => workBody() },
  'PATCH /api/flood/works/{id}': {
    url: async () => `/api/flood/works/${await ownWork()}`,
    body: async () => ({
      version: (await env.wushan.req('GET', '/api/flood/works')).body.data.works.find((x: Json) => x.id === created.work).version,
      location: uniq('位置'),
      orgId: OWN,
    }),
  },
  // The flood department's by design (the bureau's roster, deployments, warnings, yearly disclosure).
  'POST /api/flood/deployments': { bureauOwned: true, body: () => ({ onDate: '2024-03-01', event: uniq('范围测试'), persons: 1, pumps: 0, vehicles: 0 }) },
  'POST /api/flood/warnings': { bureauOwned: true, body: () => ({ title: uniq('范围测试预警'), level: '蓝色', startsOn: '2024-03-01' }) },
  'POST /api/flood/disclosures': { bureauOwned: true, body: () => ({ year: 2031, publishedOn: '2031-03-01' }) },
};

const riskPointBody = () => ({ code: uniq('SC-'), name: uniq('范围测试风险点'), registeredOn: '2024-03-01' });
const projectBody = () => ({ name: uniq('范围测试项目'), kind: '零星排水改造应急工程' });
const workBody = () => ({ name: uniq('范围测试工程'), kind: '泵站', admin: { name: '甲' }, tech: { name: '乙' }, patrol: { name: '丙' } });
const ownRiskPoint = async () => await once('riskPoint', () => post('/api/flood/risk-points', riskPointBody()));
const ownProject = async () => await once('project', () => post('/api/flood/projects', projectBody()));
const ownWork = async () => await once('work', () => post('/api/flood/works', workBody()));

/** An inspector of 员村街道, registered by the system (the demo may have none). */
async function otherInspector(): Promise<string> {
  const r = await sql<{
    id: string;
  }>`INSERT INTO insp_inspector (tenant_id, org_id, code, name) VALUES (${env.tenantId}, ${OTHER}, ${uniq('SCO-')}, '员村检查员') RETURNING id`.execute(
    env.sys.db,
  );
  return r.rows[0]!.id;
}

/** Rows of 员村街道 in every table with an `org_id`, and their versions: a create or move into it changes this. */
async function otherFootprint(): Promise<string> {
  const tables = await sql<{ table_name: string; has_version: boolean }>`
    SELECT c.table_name, bool_or(v.column_name IS NOT NULL) AS has_version FROM information_schema.columns c
    LEFT JOIN information_schema.columns v ON v.table_schema = c.table_schema AND v.table_name = c.table_name AND v.column_name = 'version'
    WHERE c.column_name = 'org_id' AND c.table_schema = current_schema() GROUP BY c.table_name ORDER BY c.table_name`.execute(env.sys.db);
  const parts: string[] = [];
  for (const t of tables.rows) {
    const r = await sql<{
      n: string;
      v: string | null;
    }>`SELECT count(*)::text AS n, ${t.has_version ? sql`sum(version)::text` : sql`null`} AS v FROM ${sql.table(t.table_name)} WHERE org_id = ${OTHER}`.execute(
      env.sys.db,
    );
    parts.push(`${t.table_name}:${r.rows[0]!.n}:${r.rows[0]!.v ?? ''}`);
  }
  return parts.join(' ');
}

const env = serverSuite({ wushan: 'wushan' }, 'demo', { modules: widened });
beforeAll(async () => {
  const orgs = await orgsByName(env.sys.db, env.tenantId);
  OWN = orgs.get('五山街道')!.id;
  OTHER = orgs.get('员村街道')!.id;
  doc = (await env.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
});

/** The routes this test must account for. */
function routesUnderTest(): Array<{ route: string; method: string; path: string; unitField: UnitField | undefined }> {
  const out: Array<{ route: string; method: string; path: string; unitField: UnitField | undefined }> = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [m, op] of Object.entries(ops)) {
      const method = m.toUpperCase();
      if (!['POST', 'PUT', 'PATCH'].includes(method)) continue;
      const schema = op.requestBody?.content?.['application/json']?.schema;
      const props = (s: any): string[] => [...Object.keys(s?.properties ?? {}), ...(s?.allOf ?? []).flatMap(props), ...(s?.anyOf ?? []).flatMap(props)];
      const unitField = UNIT_FIELDS.find((f) => props(schema).includes(f));
      if (!unitField && (method !== 'POST' || path.includes('{'))) continue;
      out.push({ route: `${method} ${path}`, method, path, unitField });
    }
  }
  return out;
}

describe('scope on create: every create and every move of a record goes through the actor scope', () => {
  it('accounts for every create route (fixture, or skip with a reason)', () => {
    const routes = routesUnderTest();
    expect(routes.length).toBeGreaterThan(40);
    const unaccounted = routes.filter((r) => !FIXTURES[r.route] && !SKIP[r.route]).map((r) => r.route);
    expect(unaccounted).toEqual([]);
    // Every route that takes a unit is exercised with one from outside the scope.
    expect(routes.filter((r) => r.unitField && !FIXTURES[r.route]).map((r) => r.route)).toEqual([]);
    // The flood module's creates and moves are among them.
    expect(routes.filter((r) => r.route.includes('/api/flood/') && FIXTURES[r.route]).length).toBeGreaterThanOrEqual(9);
  });

  it('refuses another street or an unknown org, and creates nothing', async () => {
    const failures: string[] = [];
    let exercised = 0;
    for (const r of routesUnderTest()) {
      const f = FIXTURES[r.route];
      if (!f || SKIP[r.route]) continue;
      // [what, body, whether the answer must be 404 naming the unit]
      const variants: Array<[string, () => Promise<Json> | Json, boolean]> = [];
      if (f.bureauOwned) variants.push(['bureau-owned', f.body, true]);
      else if (f.outside) variants.push(['another street', f.outside, false]);
      const unit = r.unitField;
      if (unit) {
        variants.push([`${unit} of another street`, async () => ({ ...(await f.body()), [unit]: OTHER }), true]);
        variants.push([`${unit} that does not exist`, async () => ({ ...(await f.body()), [unit]: NOWHERE }), true]);
      }
      for (const [what, make, want404] of variants) {
        const url = f.url ? await f.url() : r.path;
        const body = await make();
        const seq = await lastSeq(env.sys.db);
        const before = await otherFootprint();
        const res = await env.wushan.req(r.method as 'POST', url, body);
        if (process.env.SCOPE_TRACE) console.log(r.route, what, res.status, JSON.stringify(res.body).slice(0, 120));
        exercised++;
        if (res.status < 300) failures.push(`${r.route} (${what}): ${res.status}`);
        else if (res.status >= 500) failures.push(`${r.route} (${what}): ${res.status} ${JSON.stringify(res.body)}`);
        const events = await eventsAfter(env.sys.db, seq);
        if (events.length) failures.push(`${r.route} (${what}): wrote ${events.map((e) => `${e.entity}.${e.action}`).join(', ')}`);
        if ((await otherFootprint()) !== before) failures.push(`${r.route} (${what}): 员村街道's rows changed`);
        if (want404 && res.status < 500 && res.status !== 404)
          failures.push(`${r.route} (${what}): ${res.status}, expected 404 naming the unit: ${JSON.stringify(res.body)}`);
      }
    }
    if (process.env.SCOPE_TRACE) console.log(`refusals: ${exercised} requests`);
    expect(failures).toEqual([]);
    expect(exercised).toBeGreaterThan(60);
  }, 120_000); // one request per create route and variant: grows with the routes

  it('puts a create without a unit in the user’s own unit, readable by the user', async () => {
    const failures: string[] = [];
    let checked = 0;
    let requests = 0;
    for (const r of routesUnderTest()) {
      const f = FIXTURES[r.route];
      if (!f || f.bureauOwned || SKIP[r.route]) continue;
      const url = f.url ? await f.url() : r.path;
      const body = await f.body();
      const seq = await lastSeq(env.sys.db);
      const res = await env.wushan.req(r.method as 'POST', url, body);
      requests++;
      if (res.status >= 300) {
        failures.push(`${r.route}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
        continue;
      }
      for (const e of await eventsAfter(env.sys.db, seq)) {
        if (e.org_id !== OWN) failures.push(`${r.route}: event ${e.entity}.${e.action} names org ${e.org_id}`);
        const def = env.sys.registry.entities.get(e.entity);
        if (!def) continue;
        const owner = await def.ownerOrg(env.sys.db, env.tenantId, e.entity_id);
        if (owner !== OWN) failures.push(`${r.route}: ${e.entity} ${e.entity_id} is owned by ${owner}`);
        const h = await env.wushan.req('GET', `/api/history/${e.entity}/${e.entity_id}`);
        if (h.status !== 200) failures.push(`${r.route}: history of ${e.entity} ${e.entity_id} answers ${h.status}`);
        checked++;
      }
      // The module's own read of the new record, where it has one.
      const id = res.body?.data?.id;
      const get = doc.paths[`${r.path}/{id}`]?.get;
      if (r.method === 'POST' && id && get) {
        const g = await env.wushan.req('GET', `${r.path}/${id}`);
        if (g.status !== 200) failures.push(`${r.route}: GET ${r.path}/${id} answers ${g.status}`);
      }
    }
    if (process.env.SCOPE_TRACE) console.log(`creates: ${requests} requests, ${checked} records checked`);
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(35);
  }, 120_000); // one create per route, read back: grows with the routes (it ran past 30 s under load)
});

describe('scope on create: targeted cases', () => {
  it('a clue is handed to another unit by 移送 (by design), but only to a unit of the tenant', async () => {
    const c = await post('/api/enforcement/clues', { source: '巡查发现', receivedOn: '2024-03-01', summary: '移送测试' });
    expect(c.orgId ?? OWN).toBe(OWN);
    const bad = await env.wushan.req('POST', `/api/enforcement/clues/${c.id}/transfer`, { version: c.version, toOrgId: NOWHERE });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('toOrgId');
  });

  it('a user of another street cannot be changed or moved by a street user', async () => {
    const other = (await sql<{ id: string; version: number }>`SELECT id, version FROM app_user WHERE org_id = ${OTHER} LIMIT 1`.execute(env.sys.db)).rows[0]!;
    const r = await env.wushan.req('PATCH', `/api/users/${other.id}`, { version: other.version, orgId: OWN });
    expect(r.status).toBe(404);
    const after = (await sql<{ org_id: string; version: number }>`SELECT org_id, version FROM app_user WHERE id = ${other.id}`.execute(env.sys.db)).rows[0]!;
    expect(after).toEqual({ org_id: OTHER, version: other.version });
  });

  it('a river moved to another street by a change of streets is refused, and stays', async () => {
    const river = await post('/api/rivers', { name: uniq('范围涌'), streetOrgIds: [OWN] });
    const r = await env.wushan.req('PATCH', `/api/rivers/${river.id}`, { version: river.version, streetOrgIds: [OTHER] });
    expect(r.status).toBe(404);
    const row = (await sql<{ org_id: string }>`SELECT org_id FROM river WHERE id = ${river.id}`.execute(env.sys.db)).rows[0]!;
    expect(row.org_id).toBe(OWN);
  });

  it('a flood project or work moved by a street user to another street, or to none (the flood department), is refused, and stays', async () => {
    const project = await post('/api/flood/projects', projectBody());
    const work = await post('/api/flood/works', workBody());
    for (const [url, body, table, id] of [
      [`/api/flood/projects/${project.id}`, { version: project.version, streetOrgId: null }, 'flood_project', project.id],
      [`/api/flood/works/${work.id}`, { version: work.version, orgId: null }, 'flood_work', work.id],
    ] as const) {
      const seq = await lastSeq(env.sys.db);
      const r = await env.wushan.req('PATCH', url, body);
      expect(r.status, url).toBe(404);
      expect(await eventsAfter(env.sys.db, seq)).toEqual([]);
      const row = (await sql<{ org_id: string; version: number }>`SELECT org_id, version FROM ${sql.table(table)} WHERE id = ${id}`.execute(env.sys.db))
        .rows[0]!;
      expect(row).toEqual({ org_id: OWN, version: 1 });
    }
  });

  it('the flood department’s duty roster cannot be set by a street user (404), and nothing is written', async () => {
    const before = (await sql<{ n: string }>`SELECT count(*)::text AS n FROM flood_duty`.execute(env.sys.db)).rows[0]!.n;
    const seq = await lastSeq(env.sys.db);
    const entries = [
      { date: '2031-05-01', shift: '全天', role: 'A角', person: '甲' },
      { date: '2031-05-01', shift: '全天', role: 'B角', person: '乙' },
    ];
    const r = await env.wushan.req('PUT', '/api/flood/duty', { entries });
    expect(r.status).toBe(404);
    expect(r.body.message).toBe('水旱灾害防御科不存在或无权访问');
    expect(await eventsAfter(env.sys.db, seq)).toEqual([]);
    expect((await sql<{ n: string }>`SELECT count(*)::text AS n FROM flood_duty`.execute(env.sys.db)).rows[0]!.n).toBe(before);
    // The same roster is the flood officer's to set (the shift and role are the module's own).
    const flood = await login(env.app, 'flood');
    const ok = await flood.req('PUT', '/api/flood/duty', { entries });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });

  it('a dispatch is kept with its warning, and a progress update with its point: a street user reaches neither outside its scope', async () => {
    const warning = (
      await sql<{ id: string; starts_on: string }>`SELECT id, starts_on::text AS starts_on FROM flood_drought_warning ORDER BY starts_on LIMIT 1`.execute(
        env.sys.db,
      )
    ).rows[0]!;
    const point = (await sql<{ id: string }>`SELECT id FROM flood_risk_point WHERE org_id = ${OTHER} LIMIT 1`.execute(env.sys.db)).rows[0]!;
    const seq = await lastSeq(env.sys.db);
    const d = await env.wushan.req('POST', `/api/flood/warnings/${warning.id}/dispatches`, { onDate: warning.starts_on, content: '范围测试调度' });
    expect(d.status).toBe(404);
    expect(d.body.message).toBe('预警不存在或无权访问');
    const p = await env.wushan.req('POST', `/api/flood/risk-points/${point.id}/progress`, { onDate: '2024-03-01', status: '整治中', note: '范围测试' });
    expect(p.status).toBe(404);
    expect(await eventsAfter(env.sys.db, seq)).toEqual([]);
  });

  it('a bureau-wide user: a flood project or work without a street is the flood department’s (by design); a risk point needs its street', async () => {
    const admin = await login(env.app, 'admin');
    const dept = (await orgsByName(env.sys.db, env.tenantId)).get('水旱灾害防御科')!.id;
    const project = await admin.req('POST', '/api/flood/projects', projectBody());
    expect(project.status).toBe(201);
    const work = await admin.req('POST', '/api/flood/works', workBody());
    expect(work.status).toBe(201);
    for (const [table, id] of [
      ['flood_project', project.body.data.id],
      ['flood_work', work.body.data.id],
    ] as const) {
      expect((await sql<{ org_id: string }>`SELECT org_id FROM ${sql.table(table)} WHERE id = ${id}`.execute(env.sys.db)).rows[0]!.org_id).toBe(dept);
    }
    const point = await admin.req('POST', '/api/flood/risk-points', riskPointBody());
    expect(point.status).toBe(400);
    expect(point.body.field).toBe('orgId');
    // A street named by the bureau is kept; an unknown one is 404, as for a street user.
    expect((await admin.req('POST', '/api/flood/risk-points', { ...riskPointBody(), orgId: OTHER })).body.data.street).toBe('员村街道');
    expect((await admin.req('POST', '/api/flood/risk-points', { ...riskPointBody(), orgId: NOWHERE })).status).toBe(404);
    // A unit that is not a street: the field is named.
    const notStreet = await admin.req('POST', '/api/flood/risk-points', { ...riskPointBody(), orgId: dept });
    expect(notStreet.status).toBe(400);
    expect(notStreet.body.field).toBe('orgId');
  });

  it('a bureau-wide clerk’s intake without a unit still waits for dispatch at the bureau', async () => {
    const clerk = await login(env.app, 'clerk');
    const r = await clerk.req('POST', '/api/hotline/items', demandBody('hotline'));
    expect(r.status).toBe(201);
    expect(r.body.data.status).toBe('received');
  });
});
