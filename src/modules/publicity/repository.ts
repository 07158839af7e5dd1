import { type Kysely, sql } from 'kysely';
import type { KernelDB } from '../../core/db/types.js';
import type { Ctx } from '../../core/context.js';
import { withDataScope } from '../../core/scope.js';
import { forgetTracked } from '../../core/calendar/service.js';
import type { DecisionKind, PublicityTables } from './schema.js';

const t = (db: Kysely<KernelDB>) => db.withTables<PublicityTables>();

/** Published, not withdrawn decisions of a tenant: what the public page shows. */
export function publicDecisions(db: Kysely<KernelDB>, tenantId: string, opts: { kind?: DecisionKind; q?: string; limit: number; offset: number }) {
  let q = t(db)
    .selectFrom('pub_decision')
    .innerJoin('org', (j) => j.onRef('org.tenant_id', '=', 'pub_decision.tenant_id').onRef('org.id', '=', 'pub_decision.org_id'))
    .select([
      'pub_decision.id',
      'pub_decision.kind',
      'pub_decision.decision_no',
      'pub_decision.decided_on',
      'pub_decision.published_on',
      'pub_decision.party_name',
      'pub_decision.party_type',
      'pub_decision.party_id_no',
      'pub_decision.title',
      'pub_decision.content',
      'pub_decision.basis',
      'pub_decision.amount_fen',
      'org.name as org_name',
    ])
    .where('pub_decision.tenant_id', '=', tenantId)
    .where('published_on', 'is not', null)
    .where('withdrawn_on', 'is', null);
  if (opts.kind) q = q.where('pub_decision.kind', '=', opts.kind);
  if (opts.q)
    q = q.where((eb) => eb.or([eb('decision_no', 'like', `%${opts.q}%`), eb('title', 'like', `%${opts.q}%`), eb('party_name', 'like', `%${opts.q}%`)]));
  return q.orderBy('published_on', 'desc').orderBy('decision_no').limit(opts.limit).offset(opts.offset).execute();
}

/** Every recorded decision in the actor's scope (pending, published, withdrawn). */
export function listDecisions(ctx: Ctx, opts: { kind?: DecisionKind; year?: number }) {
  let q = t(ctx.db).selectFrom('pub_decision').selectAll().$call(withDataScope(ctx.actor));
  if (opts.kind) q = q.where('kind', '=', opts.kind);
  if (opts.year) q = q.where('decided_on', '>=', `${opts.year}-01-01`).where('decided_on', '<=', `${opts.year}-12-31`);
  return q.orderBy('decided_on', 'desc').execute();
}

/** The bureau (局) of the actor's tenant: the authority the credit platform's export names. */
export function bureauOf(ctx: Ctx) {
  return ctx.db.selectFrom('org').select(['name', 'uscc']).where('tenant_id', '=', ctx.actor.tenantId).where('kind', '=', 'bureau').executeTakeFirstOrThrow();
}

/** The decisions already recorded for any of these sources (a re-recording updates them). */
export function decisionsOfSources(db: Kysely<KernelDB>, tenantId: string, sourceIds: readonly string[]) {
  return t(db)
    .selectFrom('pub_decision')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where(sql<boolean>`source_id = ANY(${sql.val(sourceIds)}::text[])`)
    .execute();
}

/** The decision recorded for a source — its id and whether it was withdrawn — or undefined when none. */
export function decisionOf(db: Kysely<KernelDB>, tenantId: string, source: { entity: string; id: string }) {
  return t(db)
    .selectFrom('pub_decision')
    .select(['id', 'withdrawn_on'])
    .where('tenant_id', '=', tenantId)
    .where('source_entity', '=', source.entity)
    .where('source_id', '=', source.id)
    .executeTakeFirst();
}

/** The id of the decision recorded for a source (undefined when none). */
export async function decisionIdOf(db: Kysely<KernelDB>, tenantId: string, source: { entity: string; id: string }): Promise<string | undefined> {
  return (await decisionOf(db, tenantId, source))?.id;
}

/**
 * Forgets the 双公示 register entries of source records an import undo takes away (the
 * publicity module's own table: other modules call this through the index, never the table),
 * and with `deadlines` the publication terms tracked for them.
 */
export async function forgetDecisions(
  db: Kysely<KernelDB>,
  of: { tenantId: string; entity: string; ids: readonly string[]; deadlines?: boolean },
): Promise<void> {
  if (!of.ids.length) return;
  await sql`DELETE FROM pub_decision WHERE tenant_id = ${of.tenantId} AND source_entity = ${of.entity} AND source_id = ANY(${sql.val([...of.ids])}::text[])`.execute(
    db,
  );
  if (of.deadlines) await forgetTracked(db, { tenantId: of.tenantId, module: 'publicity', entity: of.entity, ids: of.ids });
}
