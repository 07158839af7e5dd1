import { type Insertable, type Kysely, sql } from 'kysely';
import type { KernelDB } from '../../core/db/types.js';
import type { Ctx } from '../../core/context.js';
import { withDataScope } from '../../core/scope.js';
import { containsPattern, type ListSort, listQueries, type SortWhitelist } from '../../core/lists.js';
import type { RiversTables } from './schema.js';
import type { BlackGrade, WaterClass } from './rules.js';

/** All SQL of the rivers module; every list and get applies the actor's data scope. */
export const t = (db: Kysely<KernelDB>) => db.withTables<RiversTables>();

export function listRivers(ctx: Ctx, f: { q?: string; orgId?: string } = {}) {
  return t(ctx.db)
    .selectFrom('river')
    .selectAll()
    .$call(withDataScope(ctx.actor))
    .$if(!!f.q, (q) => q.where('name', 'like', containsPattern(f.q!)))
    .$if(!!f.orgId, (q) => q.where('org_id', '=', f.orgId!))
    .orderBy('name')
    .execute();
}

export function getRiver(ctx: Ctx, id: string) {
  return t(ctx.db).selectFrom('river').selectAll().$call(withDataScope(ctx.actor)).where('id', '=', id).executeTakeFirst();
}

export function listSections(ctx: Ctx, riverIds?: readonly string[]) {
  return t(ctx.db)
    .selectFrom('river_section')
    .selectAll()
    .$call(withDataScope(ctx.actor))
    .$if(!!riverIds, (q) => q.where('river_id', 'in', riverIds!.length ? [...riverIds!] : ['00000000-0000-0000-0000-000000000000']))
    .orderBy('sort')
    .orderBy('name')
    .execute();
}

export interface SampleFilter {
  riverId?: string;
  sectionId?: string;
  from?: string;
  to?: string;
  grade?: BlackGrade | 'black';
  /** 水质类别 (GB 3838-2002), exactly. */
  gbClass?: WaterClass;
  /** A column of {@link SAMPLE_SORTABLE} and the direction; absent: the latest sampled first. */
  sort?: ListSort<keyof typeof SAMPLE_SORTABLE>;
  limit?: number;
}

/** The columns the sample list may be sorted on, each served by an index of `water_sample`. */
export const SAMPLE_SORTABLE = {
  sampledOn: { column: 'sampled_on', label: '采样日期' },
  gbClass: { column: 'gb_class', label: '水质类别' },
} as const satisfies SortWhitelist;

/** Samples in the actor's scope matching a list's filters (unordered). */
function filteredSamples(ctx: Ctx, f: SampleFilter) {
  return t(ctx.db)
    .selectFrom('water_sample')
    .selectAll()
    .$call(withDataScope(ctx.actor))
    .$if(!!f.riverId, (q) => q.where('river_id', '=', f.riverId!))
    .$if(!!f.sectionId, (q) => q.where('section_id', '=', f.sectionId!))
    .$if(!!f.from, (q) => q.where('sampled_on', '>=', f.from!))
    .$if(!!f.to, (q) => q.where('sampled_on', '<=', f.to!))
    .$if(f.grade === 'black', (q) => q.where('black_grade', 'in', ['light', 'severe']))
    .$if(!!f.grade && f.grade !== 'black', (q) => q.where('black_grade', '=', f.grade as BlackGrade))
    .$if(!!f.gbClass, (q) => q.where('gb_class', '=', f.gbClass!));
}

/** The sample list, the latest sampled first unless sorted. */
const sampleList = listQueries({
  filtered: filteredSamples,
  sortable: SAMPLE_SORTABLE,
  tieBreaker: 'id',
  order: (q) => q.orderBy('sampled_on', 'desc').orderBy('created_at', 'desc'),
});

/** Every sample matching the filters in the list's order, or the first `f.limit`. */
export const listSamples = (ctx: Ctx, f: SampleFilter = {}) => sampleList.rows(ctx, f, f.limit || undefined);

/** A page of the sample list and the filtered total; how many samples a list's filters give. */
export const { page: pageSamples, count: countSamples } = sampleList;

export function getSample(ctx: Ctx, id: string) {
  return t(ctx.db).selectFrom('water_sample').selectAll().$call(withDataScope(ctx.actor)).where('id', '=', id).executeTakeFirst();
}

/** The filters of the alert list (and of the unpaged look-ups: a river's, a sample's). */
export interface AlertFilter {
  status?: 'open' | 'handled';
  grade?: 'light' | 'severe';
  riverId?: string;
  sampleId?: string;
  /** 责任单位. */
  orgId?: string;
  /** 预警日期's year. */
  year?: number;
  /** Text anywhere in the alert's message (it names the river, the section, the date and why), as typed. */
  q?: string;
  /** A column of {@link ALERT_SORTABLE} and the direction; absent: the latest raised first. */
  sort?: ListSort<keyof typeof ALERT_SORTABLE>;
}

/** The columns the alert list may be sorted on, each served by an index of `river_alert` (0005). */
export const ALERT_SORTABLE = {
  raisedOn: { column: 'raised_on', label: '预警日期' },
  handledOn: { column: 'handled_on', label: '处置日期' },
} as const satisfies SortWhitelist;

/** Alerts in the actor's scope matching a list's filters (unordered). */
function filteredAlerts(ctx: Ctx, f: AlertFilter) {
  return t(ctx.db)
    .selectFrom('river_alert')
    .selectAll()
    .$call(withDataScope(ctx.actor))
    .$if(!!f.status, (q) => q.where('status', '=', f.status!))
    .$if(!!f.grade, (q) => q.where('grade', '=', f.grade!))
    .$if(!!f.riverId, (q) => q.where('river_id', '=', f.riverId!))
    .$if(!!f.sampleId, (q) => q.where('sample_id', '=', f.sampleId!))
    .$if(!!f.orgId, (q) => q.where('org_id', '=', f.orgId!))
    .$if(!!f.year, (q) => q.where('raised_on', '>=', `${f.year}-01-01`).where('raised_on', '<=', `${f.year}-12-31`))
    .$if(!!f.q, (q) => q.where('message', 'ilike', containsPattern(f.q!)));
}

/**
 * The alert list, the latest raised first unless sorted: every alert matching the filters (a river's, a
 * sample's, the open ones), a page and the filtered total, how many (the export's cap is checked on it).
 */
export const {
  rows: listAlerts,
  page: pageAlerts,
  count: countAlerts,
} = listQueries({
  filtered: filteredAlerts,
  sortable: ALERT_SORTABLE,
  tieBreaker: 'id',
  order: (q) => q.orderBy('raised_on', 'desc').orderBy('created_at', 'desc').orderBy('id'),
});

// ─────────────── Writes' look-ups (by tenant, inside the write's transaction) ───────────────

type Db = Kysely<KernelDB>;
const anyOf = (col: string, xs: readonly string[], type: 'uuid' | 'text' | 'date') =>
  sql<boolean>`${sql.ref(col)} = ANY(${sql.val([...xs])}::${sql.raw(type)}[])`;

/** The ids of the tenant's streets. */
export async function streetIds(db: Db, tenantId: string) {
  return (await db.selectFrom('org').select('id').where('tenant_id', '=', tenantId).where('kind', '=', 'street').execute()).map((o) => o.id);
}

/** Rivers by id or name, locked for the write that changes them. */
export function riversByIdOrNameForUpdate(db: Db, tenantId: string, f: { ids: readonly string[]; names: readonly string[] }) {
  return t(db)
    .selectFrom('river')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([anyOf('id', f.ids, 'uuid'), anyOf('name', f.names, 'text')]))
    .forUpdate()
    .execute();
}

/** Sections of the given rivers, or of the given names (whichever river holds them). */
export function sectionsOfRiversOrNames(db: Db, tenantId: string, f: { riverIds: readonly string[]; names: readonly string[] }) {
  return t(db)
    .selectFrom('river_section')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([anyOf('river_id', f.riverIds, 'uuid'), anyOf('name', f.names, 'text')]))
    .orderBy('sort')
    .execute();
}

/** Which of the given sections have samples. */
export async function sectionsWithSamples(db: Db, tenantId: string, sectionIds: readonly string[]) {
  const rows = await t(db)
    .selectFrom('water_sample')
    .select('section_id')
    .distinct()
    .where('tenant_id', '=', tenantId)
    .where(anyOf('section_id', sectionIds, 'uuid'))
    .execute();
  return new Set(rows.map((u) => u.section_id));
}

export async function deleteSections(db: Db, tenantId: string, ids: readonly string[]) {
  await t(db)
    .deleteFrom('river_section')
    .where('tenant_id', '=', tenantId)
    .where(anyOf('id', ids, 'uuid'))
    .execute();
}

export function samplesByIds(db: Db, tenantId: string, ids: readonly string[]) {
  return t(db)
    .selectFrom('water_sample')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(anyOf('id', ids, 'uuid'))
    .execute();
}

export function alertsOfSamples(db: Db, tenantId: string, sampleIds: readonly string[]) {
  return t(db)
    .selectFrom('river_alert')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(anyOf('sample_id', sampleIds, 'uuid'))
    .execute();
}

/** The alerts raised by the given samples go (an import's undo). */
export async function deleteAlertsOfSamples(db: Db, tenantId: string, sampleIds: readonly string[]) {
  await t(db)
    .deleteFrom('river_alert')
    .where('tenant_id', '=', tenantId)
    .where(anyOf('sample_id', sampleIds, 'uuid'))
    .execute();
}

/** Rivers by id: what a sample needs of its river. */
export function riverHeadsByIds(db: Db, tenantId: string, ids: readonly string[]) {
  return t(db)
    .selectFrom('river')
    .select(['id', 'name', 'org_id', 'chief', 'water_type'])
    .where('tenant_id', '=', tenantId)
    .where(anyOf('id', ids, 'uuid'))
    .execute();
}

/** The samples of the given rivers (a river whose type changed is classified again). */
export function samplesOfRivers(db: Db, tenantId: string, riverIds: readonly string[]) {
  return t(db)
    .selectFrom('water_sample')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(anyOf('river_id', riverIds, 'uuid'))
    .execute();
}

/** Rivers by name (ids only). */
export function riverIdsByNames(db: Db, tenantId: string, names: readonly string[]) {
  return t(db)
    .selectFrom('river')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where(anyOf('name', names, 'text'))
    .execute();
}

/** The sections (id, name, river) of the given rivers. */
export function sectionHeadsOfRivers(db: Db, tenantId: string, riverIds: readonly string[]) {
  return t(db)
    .selectFrom('river_section')
    .select(['id', 'name', 'river_id'])
    .where('tenant_id', '=', tenantId)
    .where(anyOf('river_id', riverIds, 'uuid'))
    .execute();
}

/** The samples of the given rivers on the given dates. */
export function samplesOfRiversOn(db: Db, tenantId: string, f: { riverIds: readonly string[]; dates: readonly string[] }) {
  return t(db)
    .selectFrom('water_sample')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(anyOf('river_id', f.riverIds, 'uuid'))
    .where(anyOf('sampled_on', f.dates, 'date'))
    .execute();
}

/** The stored sections (river name, section name) of the rivers named. */
export function sectionNamesOfRivers(db: Db, tenantId: string, riverNames: readonly string[]) {
  return t(db)
    .selectFrom('river as r')
    .innerJoin('river_section as s', (j) => j.onRef('s.tenant_id', '=', 'r.tenant_id').onRef('s.river_id', '=', 'r.id'))
    .select(['r.name as river', 's.name as section'])
    .where('r.tenant_id', '=', tenantId)
    .where(anyOf('r.name', riverNames, 'text'))
    .orderBy('s.sort')
    .orderBy('s.name')
    .execute();
}

/** The rivers an import touched (its rows' records). */
export async function importedEntityIds(db: Db, tenantId: string, importId: string) {
  const rows = await db.selectFrom('ledger_import_row').select('entity_id').where('tenant_id', '=', tenantId).where('import_id', '=', importId).execute();
  return rows.map((r) => r.entity_id);
}

/** Sections an import added: written since it began on the rivers it touched, or on the rivers it created. */
const addedSections = (f: { tenantId: string; riverIds: readonly string[]; createdIds: readonly string[]; since: Date | string }) =>
  sql`tenant_id = ${f.tenantId} AND river_id = ANY(${sql.val([...f.riverIds])}::uuid[]) AND (created_at >= ${f.since} OR river_id = ANY(${sql.val([...f.createdIds])}::uuid[]))`;

/** Names (at most five) of the sections an import added that have samples since. */
export async function usedAddedSections(db: Db, f: Parameters<typeof addedSections>[0]) {
  const r = await sql<{
    name: string;
  }>`SELECT s.name FROM river_section s WHERE ${addedSections(f)} AND EXISTS (SELECT 1 FROM water_sample x WHERE x.tenant_id = s.tenant_id AND x.section_id = s.id) LIMIT 5`.execute(
    db,
  );
  return r.rows.map((x) => x.name);
}

export async function deleteAddedSections(db: Db, f: Parameters<typeof addedSections>[0]) {
  await sql`DELETE FROM river_section WHERE ${addedSections(f)}`.execute(db);
}

// ── 外勤水质采样 (field captures) ──

/** A field sample's capture by its client idempotency key, with the sample's river and the photo's name. */
export function sampleCaptureByKey(db: Kysely<KernelDB>, tenantId: string, key: string) {
  return t(db)
    .selectFrom('water_sample_capture as c')
    .innerJoin('water_sample as s', (j) => j.onRef('s.tenant_id', '=', 'c.tenant_id').onRef('s.id', '=', 'c.sample_id'))
    .innerJoin('attachment as a', (j) => j.onRef('a.tenant_id', '=', 'c.tenant_id').onRef('a.id', '=', 'c.attachment_id'))
    .select([
      'c.id',
      'c.key',
      'c.sample_id',
      'c.org_id',
      'c.attachment_id',
      'c.sha256',
      'c.captured_at',
      'c.received_at',
      'c.lat',
      'c.lng',
      'c.accuracy_m',
      's.river_id',
      's.sampled_on',
      's.gb_class',
      's.black_grade',
      'a.filename',
    ])
    .where('c.tenant_id', '=', tenantId)
    .where('c.key', '=', key)
    .executeTakeFirst();
}

/** Records a field sample's capture. */
export async function insertSampleCapture(db: Kysely<KernelDB>, values: Insertable<RiversTables['water_sample_capture']>): Promise<void> {
  await t(db).insertInto('water_sample_capture').values(values).execute();
}

// ── The demo bureau's bulk loads (demo.ts) ──

/** Inserts rivers; the inserted rows. */
export function insertRivers(db: Db, rows: Insertable<RiversTables['river']>[]) {
  return t(db).insertInto('river').values(rows).returningAll().execute();
}

/** Inserts river sections; the inserted rows. */
export function insertSections(db: Db, rows: Insertable<RiversTables['river_section']>[]) {
  return t(db).insertInto('river_section').values(rows).returningAll().execute();
}
