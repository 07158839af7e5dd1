import type { Kysely } from 'kysely';
import type { KernelDB } from '../../core/db/types.js';
import type { Ctx } from '../../core/context.js';
import { withDataScope } from '../../core/scope.js';
import type { RiversTables } from './schema.js';
import type { BlackGrade } from './rules.js';

/** All SQL of the rivers module; every list and get applies the actor's data scope. */
export const t = (db: Kysely<KernelDB>) => db.withTables<RiversTables>();

export function listRivers(ctx: Ctx, f: { q?: string; orgId?: string } = {}) {
  return t(ctx.db)
    .selectFrom('river')
    .selectAll()
    .$call(withDataScope(ctx.actor))
    .$if(!!f.q, (q) => q.where('name', 'like', `%${f.q}%`))
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
  limit?: number;
}

export function listSamples(ctx: Ctx, f: SampleFilter = {}) {
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
    .orderBy('sampled_on', 'desc')
    .orderBy('created_at', 'desc')
    .$if(!!f.limit, (q) => q.limit(f.limit!))
    .execute();
}

export function getSample(ctx: Ctx, id: string) {
  return t(ctx.db).selectFrom('water_sample').selectAll().$call(withDataScope(ctx.actor)).where('id', '=', id).executeTakeFirst();
}

export function listAlerts(ctx: Ctx, f: { status?: 'open' | 'handled'; riverId?: string; sampleId?: string } = {}) {
  return t(ctx.db)
    .selectFrom('river_alert')
    .selectAll()
    .$call(withDataScope(ctx.actor))
    .$if(!!f.status, (q) => q.where('status', '=', f.status!))
    .$if(!!f.riverId, (q) => q.where('river_id', '=', f.riverId!))
    .$if(!!f.sampleId, (q) => q.where('sample_id', '=', f.sampleId!))
    .orderBy('raised_on', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}
