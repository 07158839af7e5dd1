/**
 * A register's list in one declaration: `GET <path>/list` (a page of the caller's records, sorted on
 * the whitelisted indexed columns, filtered) and, where the register has headers to export under,
 * `GET <path>/export` (exactly the filtered rows, at most LIST_EXPORT_CAP). What the web's one list
 * component (RecordList) reads. A module declares its filters, sort whitelist, repository page and
 * count, presenter and export; the routes, their schemas, the permission check and the refusals
 * (an unknown sort names `sort`, too many rows to export names the cap) are the kernel's.
 */
import type { Static, TProperties, TSchema, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Ctx } from './context.js';
import { authorize } from './http.js';
import type { LedgerDef } from './ledger/ledger.js';
import type { LedgerSpec } from './ledger/spec.js';
import { assertExportable, LIST_EXPORT_CAP, listExportQuerySchema, listQuerySchema, pageOf, type SortWhitelist, sendListExport, sortLabels } from './lists.js';
import { FileDownload, Page } from './schemas.js';

/** A list's query string as the route receives it (filters, sort, order, page, page size, export format). */
export type ListRouteQuery<F extends TProperties> = Static<ReturnType<typeof listExportQuerySchema<F>>>;

/** What a register's list is: see the module comment. */
export interface ListRoutesDef<F extends TProperties, Filter, Row> {
  /** `/flood/projects` → `/flood/projects/list` and `/flood/projects/export`. */
  path: string;
  /** The page's route when it is not `<path>/list` (an older list answering at `<path>` itself). */
  listPath?: string;
  /** The list's title (the routes' summaries, the export's file name). */
  title: string;
  /** What one row is counted as (件, 条). */
  unit: string;
  /** Who may read it. */
  permission: string;
  tags: string[];
  filters: F;
  sortable: SortWhitelist;
  /** Rows a page when the query names no page size. */
  pageSize?: number;
  /** The query as the repository's filters (with `sortOf(sortable, q)`: an unknown sort is refused naming `sort`); `ctx` for a filter relative to today. */
  filterOf(q: ListRouteQuery<F>, ctx: Ctx): Filter;
  page(ctx: Ctx, f: Filter & { limit: number; offset: number }): Promise<{ rows: Row[]; total: number }>;
  /** What a page carries besides its rows and total (the counts by kind of its filter, say), as `page` returns it beside them. */
  pageExtra?: Record<string, TSchema>;
  view: TSchema;
  present(ctx: Ctx, rows: Row[]): unknown[] | Promise<unknown[]>;
  /** The export of exactly the filtered rows under `spec`'s headers (none: the list is not exported). */
  export?: {
    // biome-ignore lint/suspicious/noExplicitAny: a list exports rows of its own spec's shape
    spec: LedgerSpec<any>;
    count(ctx: Ctx, f: Filter): Promise<number>;
    rows(ctx: Ctx, f: Filter): Promise<unknown[]>;
  };
}

/** Registers a list's routes (and its export's). */
export function listRoutes<F extends TProperties, Filter, Row>(root: FastifyInstance, l: ListRoutesDef<F, Filter, Row>): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    l.listPath ?? `${l.path}/list`,
    {
      schema: {
        tags: l.tags,
        summary: `${l.title}列表（分页；按数据范围；排序列：${sortLabels(l.sortable)}）`,
        querystring: listQuerySchema(l.filters, l.sortable),
        response: { 200: Page(l.view, l.pageExtra) },
      },
    },
    async (req) => {
      const ctx = authorize(req, l.permission);
      const q = req.query as ListRouteQuery<F> & { page?: number; pageSize?: number };
      const { rows, total, ...extra } = await l.page(ctx, { ...l.filterOf(q, ctx), ...pageOf(q, l.pageSize) });
      return { data: { total, items: await l.present(ctx, rows), ...(l.pageExtra ? extra : {}) } };
    },
  );
  const ex = l.export;
  if (!ex) return;
  app.get(
    `${l.path}/export`,
    {
      schema: {
        tags: l.tags,
        summary: `导出${l.title}列表的筛选结果（与列表同样的筛选和排序，${ex.spec.title}表头；至多 ${LIST_EXPORT_CAP} ${l.unit}）`,
        querystring: listExportQuerySchema(l.filters, l.sortable),
        response: { 200: FileDownload },
      },
    },
    async (req, reply) => {
      const ctx = authorize(req, l.permission);
      const q = req.query as ListRouteQuery<F> & { format?: 'xlsx' | 'csv' };
      const f = l.filterOf(q, ctx);
      assertExportable(await ex.count(ctx, f));
      const rows = await ex.rows(ctx, f);
      return sendListExport(reply, { spec: ex.spec, rows, title: l.title, today: ctx.clock.today(), format: q.format });
    },
  );
}

/** A list exported as its ledger exports (the ledger's headers and rows, given the list's filter). */
export function ledgerExport<Filter>(
  // biome-ignore lint/suspicious/noExplicitAny: any ledger's rows
  ledger: LedgerDef<any>,
  count: (ctx: Ctx, f: Filter) => Promise<number>,
): NonNullable<ListRoutesDef<TProperties, Filter, unknown>['export']> {
  return { spec: ledger.spec, count, rows: (ctx, f) => ledger.exportRows(ctx, f) };
}
