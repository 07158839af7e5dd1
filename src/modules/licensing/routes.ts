import { ledgerExport, listRoutes } from '../../core/listRoutes.js';
import type { FastifyInstance } from 'fastify';
import { type Static, Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { PermitCategory, PermitStatus } from './schema.js';
import { authorize } from '../../core/http.js';
import { errors } from '../../core/errors.js';
import { countPermits, getItem, getPermit, listItems, listPermits, PERMIT_SORTABLE, type PermitFilter } from './repository.js';
import { permitsLedger } from './ledgers.js';
import { listExportQuerySchema, sortOf } from '../../core/lists.js';
import { presentItem, presentPermit } from './presenters.js';
import * as cmd from './commands.js';
import { type PermitAction, permitWho } from './workflow.js';
import { PERMIT_EVENTS } from './events.js';
import { Data, DataList, OneOf, OptText } from '../../core/schemas.js';
import { CategoryView, ItemView, LicensingRuleView, PermitStatusView, PermitView } from './schemas.js';
import { CERTIFICATE_RULE, CORRECTION_RULE, EXCLUDED_SOURCE, EXTENSION_SOURCE, PAUSE_REASONS, STATUTORY_SOURCE } from './rules.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const IsoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const V = { version: Type.Integer() };

/** The permit list's filters (the query string's): year received, category, status, 许可事项, text. */
const PermitListFilters = {
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  category: Type.Optional(CategoryView),
  status: Type.Optional(PermitStatusView),
  itemId: Type.Optional(Type.String({ format: 'uuid' })),
  q: Type.Optional(Type.String({ maxLength: 50, description: '办件编号、申请人或决定文书号' })),
};
const permitListQuery = listExportQuerySchema(PermitListFilters, PERMIT_SORTABLE);
/** A permit list's query as the repository's filters (sort refused unless on an indexed column, naming `sort`). */
function permitFilterOf(q: Static<typeof permitListQuery>): PermitFilter {
  return {
    year: q.year,
    category: q.category as PermitCategory | undefined,
    status: q.status as PermitStatus | undefined,
    itemId: q.itemId,
    q: q.q?.trim() || undefined,
    sort: sortOf(PERMIT_SORTABLE, q),
  };
}

/** What each step's route says it does (OpenAPI). */
const STEP_SUMMARIES: Record<PermitAction, string> = {
  correction: '补正告知（收件后5个工作日内，一次告知）',
  corrected: '补正材料收讫',
  accept: '受理',
  not_accept: '不予受理',
  pause: '登记不计入期限的期间（听证、检测、专家评审等）',
  extend: '延长期限（经负责人批准，不超过10个工作日）',
  decide: '作出许可决定',
  certify: '颁发许可证件',
  publish: '公示（双公示）',
};

/** 行政许可 routes: the catalogue, permit cases and each step of a case (each step carries the version read). */
export async function licensingRoutes(root: FastifyInstance) {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['行政许可'];
  const cal = () => root.sys.calendar;

  app.get('/licensing/rules', { schema: { tags, summary: '办理时限规则及其法律依据', response: { 200: DataList(LicensingRuleView) } } }, async (req) => {
    authorize(req, 'licensing.read');
    return {
      data: [
        {
          key: 'correction',
          label: CORRECTION_RULE.label,
          text: '收件后5个工作日内一次告知需补正的全部内容；逾期不告知的，自收到申请材料之日起即为受理',
          source: CORRECTION_RULE.source,
        },
        { key: 'decision', label: '许可决定期限', text: '自受理之日起在承诺时限内作出决定；法定时限（一般为20个工作日）为上限', source: STATUTORY_SOURCE },
        {
          key: 'extension',
          label: '延长',
          text: '经本机关负责人批准可延长一次，不超过10个工作日，并告知申请人理由；须在法定期限届满前批准，承诺期限届满后批准的不延长承诺期限（按逾期计）',
          source: EXTENSION_SOURCE,
        },
        { key: 'excluded', label: '不计入期限', text: `${PAUSE_REASONS.join('、')}所需时间不计入期限`, source: EXCLUDED_SOURCE },
        { key: 'certificate', label: CERTIFICATE_RULE.label, text: '准予许可决定作出之日起10个工作日内颁发、送达证件', source: CERTIFICATE_RULE.source },
        { key: 'publication', label: '双公示期限', text: '决定作出之日起7个工作日内公示', source: '国办发〔2018〕118号' },
      ],
    };
  });

  // ── Catalogue ──
  app.get('/licensing/items', { schema: { tags, summary: '行政许可事项目录', response: { 200: DataList(ItemView) } } }, async (req) => ({
    data: (await listItems(authorize(req, 'licensing.read'))).map(presentItem),
  }));
  const ItemBody = Type.Object({
    code: Type.String({ minLength: 1, maxLength: 50 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    category: CategoryView,
    statutoryDays: Type.Integer(),
    committedDays: Type.Integer(),
    cloudWindow: Type.Optional(Type.Boolean()),
    basis: OptText(1000),
  });
  app.post('/licensing/items', { schema: { tags, summary: '新增许可事项', body: ItemBody, response: { 201: Data(ItemView) } } }, async (req, reply) =>
    reply.code(201).send({ data: await cmd.createItem(authorize(req, 'licensing.items.manage'), req.body) }),
  );
  app.get('/licensing/items/:id', { schema: { tags, summary: '许可事项', params: Id, response: { 200: Data(ItemView) } } }, async (req) => {
    const r = await getItem(authorize(req, 'licensing.read'), req.params.id);
    if (!r) throw errors.notFound('许可事项');
    return { data: presentItem(r) };
  });
  app.patch(
    '/licensing/items/:id',
    {
      schema: {
        tags,
        summary: '修改许可事项（带版本号）',
        params: Id,
        body: Type.Intersect([Type.Partial(ItemBody), Type.Object(V)]),
        response: { 200: Data(ItemView) },
      },
    },
    async (req) => {
      const { version, ...patch } = req.body;
      return { data: await cmd.updateItem(authorize(req, 'licensing.items.manage'), req.params.id, version, patch) };
    },
  );

  // ── Permit cases ──
  // The permit list on the one list component: a page, server-side sort on indexed columns, the export of exactly its rows.
  listRoutes(app, {
    path: '/licensing/permits',
    listPath: '/licensing/permits',
    title: '行政许可办件',
    unit: '件',
    permission: 'licensing.read',
    tags,
    filters: PermitListFilters,
    sortable: PERMIT_SORTABLE,
    pageSize: 20,
    filterOf: (q) => permitFilterOf(q),
    page: listPermits,
    view: PermitView,
    present: (ctx, rows) => rows.map((r) => presentPermit(r, cal().current, permitWho(ctx.actor))),
    export: ledgerExport(permitsLedger, countPermits),
  });
  app.get(
    '/licensing/permits/:id',
    { schema: { tags, summary: '办件详情（含期限与可执行操作）', params: Id, response: { 200: Data(PermitView) } } },
    async (req) => {
      const ctx = authorize(req, 'licensing.read');
      const r = await getPermit(ctx.db, ctx, req.params.id);
      if (!r) throw errors.notFound('办件');
      return { data: presentPermit(r, cal().current, permitWho(ctx.actor)) };
    },
  );
  app.post(
    '/licensing/permits',
    {
      schema: {
        tags,
        summary: '收件登记',
        body: Type.Object({
          itemId: Type.String({ format: 'uuid' }),
          applicant: Type.String({ maxLength: 200 }),
          applicantType: Type.Optional(OneOf(['法人', '其他组织', '个体工商户', '自然人'])),
          applicantUscc: OptText(18),
          channel: OneOf(['网上', '窗口']),
          visits: Type.Optional(Type.Integer()),
          receivedOn: IsoDate,
          caseNo: OptText(50),
        }),
        response: { 201: Data(PermitView) },
      },
    },
    async (req, reply) => reply.code(201).send({ data: await cmd.receiveApplication(authorize(req, 'licensing.write'), cal(), req.body) }),
  );

  // One route per step of the workflow, its body validated by the step's own schema (no other property).
  for (const action of Object.keys(PERMIT_EVENTS) as PermitAction[]) {
    app.post(
      `/licensing/permits/:id/${action.replace('_', '-')}`,
      { schema: { tags, summary: STEP_SUMMARIES[action], params: Id, body: PERMIT_EVENTS[action].input, response: { 200: Data(PermitView) } } },
      async (req) => ({ data: await cmd.applyPermitEvent(authorize(req, 'licensing.write'), cal(), { id: req.params.id, action }, req.body) }),
    );
  }
}
