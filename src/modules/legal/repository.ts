import type { Kysely } from 'kysely';
import type { KernelDB } from '../../core/db/types.js';
import type { Ctx } from '../../core/context.js';
import { withDataScope } from '../../core/scope.js';
import type { AdviceKind, DocumentKind, LegalTables } from './schema.js';

const t = (db: Kysely<KernelDB>) => db.withTables<LegalTables>();

export const listContracts = (ctx: Ctx) =>
  t(ctx.db).selectFrom('legal_contract').selectAll().$call(withDataScope(ctx.actor)).orderBy('start_on', 'desc').execute();
export const getContract = (db: Kysely<KernelDB>, ctx: Ctx, id: string) =>
  t(db).selectFrom('legal_contract').selectAll().$call(withDataScope(ctx.actor)).where('id', '=', id).executeTakeFirst();

export async function listAdvice(ctx: Ctx, f: { year?: number; kind?: AdviceKind; q?: string; limit?: number; offset?: number }) {
  let q = t(ctx.db).selectFrom('legal_advice').$call(withDataScope(ctx.actor));
  if (f.year) q = q.where('date', '>=', `${f.year}-01-01`).where('date', '<=', `${f.year}-12-31`);
  if (f.kind) q = q.where('kind', '=', f.kind);
  if (f.q) q = q.where((eb) => eb.or([eb('title', 'like', `%${f.q}%`), eb('handler', 'like', `%${f.q}%`)]));
  const n = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const counts = await q
    .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('kind')
    .execute();
  const rows = await q
    .selectAll()
    .orderBy('date', 'desc')
    .orderBy('id')
    .limit(f.limit ?? 50)
    .offset(f.offset ?? 0)
    .execute();
  return { rows, total: Number(n.n), byKind: Object.fromEntries(counts.map((c) => [c.kind, Number(c.n)])) };
}
export const getAdvice = (db: Kysely<KernelDB>, ctx: Ctx, id: string) =>
  t(db).selectFrom('legal_advice').selectAll().$call(withDataScope(ctx.actor)).where('id', '=', id).executeTakeFirst();

const docs = (db: Kysely<KernelDB>, ctx: Ctx) =>
  t(db)
    .selectFrom('legal_document as d')
    .innerJoin('org as o', (j) => j.onRef('o.tenant_id', '=', 'd.tenant_id').onRef('o.id', '=', 'd.org_id'))
    .selectAll('d')
    .select('o.name as org_name')
    .$call(withDataScope(ctx.actor, 'd'));
export const listDocuments = (ctx: Ctx, f: { year?: number; kind?: DocumentKind }) => {
  let q = docs(ctx.db, ctx);
  if (f.year) q = q.where('d.submitted_on', '>=', `${f.year}-01-01`).where('d.submitted_on', '<=', `${f.year}-12-31`);
  if (f.kind) q = q.where('d.kind', '=', f.kind);
  return q.orderBy('d.submitted_on', 'desc').execute();
};
export const getDocument = (db: Kysely<KernelDB>, ctx: Ctx, id: string) => docs(db, ctx).where('d.id', '=', id).executeTakeFirst();

export const listAppraisals = (ctx: Ctx) =>
  t(ctx.db).selectFrom('legal_appraisal').selectAll().$call(withDataScope(ctx.actor)).orderBy('year', 'desc').execute();
export const getAppraisal = (db: Kysely<KernelDB>, ctx: Ctx, id: string) =>
  t(db).selectFrom('legal_appraisal').selectAll().$call(withDataScope(ctx.actor)).where('id', '=', id).executeTakeFirst();
