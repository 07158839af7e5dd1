import { type Kysely, sql } from 'kysely';
import type { KernelDB } from '../../core/db/types.js';
import type { Ctx } from '../../core/context.js';
import { withDataScope } from '../../core/scope.js';
import { forgetTracked } from '../../core/calendar/service.js';
import { containsPattern, type ListSort, listQueries, type SortWhitelist } from '../../core/lists.js';
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

/** Where a recorded decision stands: not yet published, published (and not withdrawn), withdrawn. */
export type RegisterStatus = 'pending' | 'published' | 'withdrawn';

/** The filters of the register's list (and of the unpaged register and the credit platform's export). */
export interface RegisterFilter {
  kind?: DecisionKind;
  /** 决定日期's year. */
  year?: number;
  status?: RegisterStatus;
  /** 承办单位. */
  orgId?: string;
  /** Text anywhere in the 决定文书号, 事项 or 当事人 (as typed: % and _ are characters). */
  q?: string;
  /** A column of {@link REGISTER_SORTABLE} and the direction; absent: the newest decided first. */
  sort?: ListSort<keyof typeof REGISTER_SORTABLE>;
}

/** The columns the register's list may be sorted on, each served by an index of `pub_decision` (0001, 0002). */
export const REGISTER_SORTABLE = {
  decisionNo: { column: 'decision_no', label: '决定文书号' },
  decidedOn: { column: 'decided_on', label: '决定日期' },
  dueOn: { column: 'due_on', label: '公示期限' },
  publishedOn: { column: 'published_on', label: '公示日期' },
} as const satisfies SortWhitelist;

/** Recorded decisions in the actor's scope matching the register's filters (unordered). */
function filteredDecisions(ctx: Ctx, f: RegisterFilter) {
  return t(ctx.db)
    .selectFrom('pub_decision')
    .selectAll()
    .$call(withDataScope(ctx.actor))
    .$if(!!f.kind, (q) => q.where('kind', '=', f.kind!))
    .$if(!!f.year, (q) => q.where('decided_on', '>=', `${f.year}-01-01`).where('decided_on', '<=', `${f.year}-12-31`))
    .$if(!!f.orgId, (q) => q.where('org_id', '=', f.orgId!))
    .$if(f.status === 'pending', (q) => q.where('published_on', 'is', null).where('withdrawn_on', 'is', null))
    .$if(f.status === 'published', (q) => q.where('published_on', 'is not', null).where('withdrawn_on', 'is', null))
    .$if(f.status === 'withdrawn', (q) => q.where('withdrawn_on', 'is not', null))
    .$if(!!f.q, (q) => {
      const like = containsPattern(f.q!);
      return q.where((eb) => eb.or([eb('decision_no', 'ilike', like), eb('title', 'ilike', like), eb('party_name', 'ilike', like)]));
    });
}

/**
 * The register's list, the newest decided first unless sorted: every recorded decision (pending, published,
 * withdrawn) matching the filters, a page and the filtered total, how many (the export's cap is checked on it).
 */
export const {
  rows: listDecisions,
  page: pageDecisions,
  count: countDecisions,
} = listQueries({
  filtered: filteredDecisions,
  sortable: REGISTER_SORTABLE,
  tieBreaker: 'id',
  order: (q) => q.orderBy('decided_on', 'desc').orderBy('decision_no').orderBy('id'),
});

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
