/**
 * The demo bureau's 2022 major decisions: the year's catalogue of three items, published in February;
 * the revision of the flood-control emergency plan through every step (public comment, expert argument,
 * risk assessment, legality review, the 局长办公会议's decision, publication, archiving and the post-
 * flood-season evaluation); the drainage charge rule reviewed (修改后同意) and awaiting the collective
 * discussion at the year's end; the river-system plan still in public comment. Each goes through the
 * module's own commands, so the records, audit trail and tracked deadlines are what the forms make.
 */
import type { DemoContext } from '../../core/demo.js';
import { orgsByName } from '../../core/orgs.js';
import { applyDecisionEvent, createCatalogueItem, publishCatalogue, registerDecision, type CatalogueInput, type RegisterInput } from './commands.js';
import type { DecisionEventName } from './events.js';

type Step = { event: DecisionEventName; on: string } & Record<string, unknown>;

const CATALOGUE: Array<Omit<CatalogueInput, 'year' | 'orgId'> & { org: string }> = [
  { title: '修订《天河区防洪（潮）排涝应急预案》', category: '重大公共政策和措施', planned: '2022年汛前', org: '水旱灾害防御科' },
  { title: '制定《天河区排水设施有偿使用费征收管理办法》', category: '重大公共政策和措施', planned: '2022年第四季度', org: '排水管理科' },
  { title: '编制《天河区河涌水系综合整治规划（2022—2035年）》', category: '重要规划', planned: '2023年第一季度', org: '河湖管理科' },
];

const LEGAL_REVIEW = '依法行政办公室';
const MEETING = { meeting: '局长办公会议（2022年第9次）', attendees: '李局长、何副局长、黄副局长、局党组成员、办公室、依法行政办公室、水旱灾害防御科负责人' };

const DECISIONS: Array<{ catalogue: number; input: Omit<RegisterInput, 'year' | 'catalogueItemId' | 'orgId'>; steps: Step[] }> = [
  {
    catalogue: 0,
    input: {
      title: '修订《天河区防洪（潮）排涝应急预案》',
      summary: '按新的内涝风险点、应急响应分级和部门职责修订全区防洪（潮）排涝应急预案',
      leader: '何副局长',
      handler: '赵防汛',
      participationRequired: true,
      expertRequired: true,
      riskRequired: true,
      evaluationRequired: false,
      evaluationNaReason: '决策实施后视汛期运行情况决定是否评估（条例第三十六条）',
    },
    steps: [
      { event: 'consult', on: '2022-03-01', endsOn: '2022-03-31' },
      {
        event: 'participation',
        on: '2022-04-06',
        methods: ['向社会公开征求意见', '座谈会'],
        record: '区政府网站公开征求意见收到意见12条，采纳7条；召开街道、物业企业座谈会1次。未采纳意见已在起草说明中说明理由',
      },
      {
        event: 'expert',
        on: '2022-04-08',
        experts: '华南理工大学水利专家2名、区应急管理局专家1名、广东省水利水电科学研究院1名',
        record: '预案分级响应条件与市级预案衔接，建议补充地铁、隧道等低洼区域的专项措施（已采纳）',
      },
      { event: 'risk', on: '2022-04-15', level: '低风险', record: '社会稳定风险评估：预案涉及群众转移安置，已明确安置点和补偿渠道，风险可控' },
      { event: 'submit_review', on: '2022-04-18' },
      {
        event: 'review_pass',
        on: '2022-04-27',
        result: '同意',
        opinion: '决策事项在本局法定职权内，起草过程履行了公众参与、专家论证和风险评估程序，内容与《广东省防汛防旱防风条例》等规定不相抵触，同意提交集体讨论',
      },
      { event: 'decide', on: '2022-05-06', ...MEETING, content: '原则通过修订后的预案，由水旱灾害防御科按会议意见修改后印发实施' },
      { event: 'publish', on: '2022-05-13', channel: '天河区人民政府门户网站', ref: '天水〔2022〕41号' },
      { event: 'archive', on: '2022-06-30' },
      {
        event: 'evaluate',
        on: '2022-12-15',
        by: '广东省水利水电科学研究院（第三方）',
        record: '汛期4次启动Ⅳ级以上响应，预案分级和部门职责运行顺畅；建议补充积水点视频监测的预警联动',
      },
    ],
  },
  {
    catalogue: 1,
    input: {
      title: '制定《天河区排水设施有偿使用费征收管理办法》',
      summary: '规范排水设施有偿使用费的征收对象、标准、减免和监督管理',
      leader: '黄副局长',
      handler: '排水管理科经办人',
      participationRequired: true,
      expertRequired: true,
      riskRequired: true,
      evaluationRequired: false,
      evaluationNaReason: '尚未实施',
    },
    steps: [
      { event: 'consult', on: '2022-09-01', endsOn: '2022-10-08' },
      {
        event: 'participation',
        on: '2022-10-12',
        methods: ['向社会公开征求意见', '听证会'],
        record: '公开征求意见37日（含国庆假期），收到意见21条；10月11日召开价格听证会，听证代表15名，采纳分档收费、困难群体减免等意见',
      },
      {
        event: 'expert',
        on: '2022-10-25',
        experts: '区发展改革局价格专家、会计师事务所、高校财税专家',
        record: '成本监审口径合理，建议明确减免的审批程序（已采纳）',
      },
      { event: 'risk', on: '2022-11-04', level: '中风险', record: '涉及企业和居民缴费，存在信访风险；已制定宣传解读和分步实施方案，风险可控' },
      { event: 'submit_review', on: '2022-11-21' },
      {
        event: 'review_pass',
        on: '2022-11-29',
        result: '修改后同意',
        opinion: '第十二条减免情形超出上位法规定，应删除“其他经批准的情形”兜底表述；修改后同意提交集体讨论',
      },
    ],
  },
  {
    catalogue: 2,
    input: {
      title: '编制《天河区河涌水系综合整治规划（2022—2035年）》',
      summary: '统筹全区河涌水系的防洪排涝、水环境、水生态和滨水空间',
      leader: '李局长',
      handler: '河湖管理科经办人',
      participationRequired: true,
      expertRequired: true,
      riskRequired: false,
      riskNaReason: '规划已按《规划环境影响评价条例》开展环境影响评价，社会稳定风险已在规划环评中评估，不重复评估（条例第二十二条）',
      evaluationRequired: false,
      evaluationNaReason: '尚未作出决定',
    },
    steps: [
      {
        event: 'expert',
        on: '2022-11-18',
        experts: '珠江水利科学研究院、中山大学、市水务规划勘测设计研究院专家5名',
        record: '规划目标与市级规划衔接，建议增加2035年水质目标的分阶段指标（已采纳）',
      },
      { event: 'consult', on: '2022-12-12', endsOn: '2023-01-11' },
    ],
  },
];

/** Loads the 2022 catalogue and decisions through the module's commands. */
export async function loadDecisionsDemo(ctx: DemoContext): Promise<void> {
  const sys = ctx.sys;
  const orgs = await orgsByName(ctx.db, ctx.tenantId);
  const unit = (name: string) => orgs.get(name)?.id ?? null;
  const items = [];
  for (const c of CATALOGUE) {
    const { org, ...rest } = c;
    items.push(await createCatalogueItem(ctx, { ...rest, year: 2022, orgId: unit(org) }));
  }
  await publishCatalogue(ctx, { year: 2022, publishedOn: '2022-02-25' });
  for (const d of DECISIONS) {
    const item = items[d.catalogue]!;
    let r = await registerDecision(ctx, sys, { ...d.input, year: 2022, catalogueItemId: item.id, orgId: item.org_id });
    for (const { event, ...body } of d.steps) r = await applyDecisionEvent(ctx, sys, { id: r.id, event, body: { ...body, version: r.version } });
  }
  ctx.log(`重大行政决策：目录事项 ${items.length} 项，决策 ${DECISIONS.length} 件（2022年，法制审核：${LEGAL_REVIEW}）`);
}
