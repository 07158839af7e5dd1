import type { DemoContext } from '../../core/demo.js';
import { saveNarrative, setFigureOption } from './commands.js';

/**
 * The demo bureau's narrative for 2022: written for the demo (not the seed
 * report's text); the figures come from the records, never from here.
 */
const NARRATIVE_2022: Record<string, string> = {
  measures: '本年度，我局坚持以法治思维统筹水务工作，把依法行政贯穿审批、执法、监管和服务全过程，各项法治建设任务按计划推进。',
  'measures.political':
    '局党组把学习贯彻习近平法治思想列入年度学习计划，结合水务重点工作开展专题研讨，推动领导干部带头尊法学法守法用法。\n落实“三重一大”集体决策制度，重大决策事项均经合法性审查后提交集体讨论。',
  'measures.capacity': '完善行政执法公示、执法全过程记录和重大执法决定法制审核制度，统一执法文书模板。组织执法人员参加换证考试和业务培训，持证上岗。',
  'measures.enforcement':
    '围绕河涌管理、违法排水和在建工地泥水排放等重点领域开展巡查执法，案件从立案到结案全流程在系统中留痕，重大案件经法制审核和集体讨论后作出决定。',
  'measures.risk': '落实防汛行政首长负责制和水利工程“三个责任人”制度，建立水浸风险点、责任人和整治进度台账，汛期实行领导分片督导和AB角值班。',
  'measures.service': '优化12345工单签收、办理、回复和回访流程，逐单跟踪办理时限；信访事项依法受理、按期办结，做到件件有回音。',
  'measures.advisor': '通过政府采购聘请常年法律顾问，参与合同审查、规范性文件合法性审核和重大执法案件法制审核，为依法决策提供专业意见。',
  'measures.supervision': '主动接受人大法律监督和政协民主监督，建议提案办理实行主办协办分工和办理前沟通、办理中跟踪、办理后回访。',
  'measures.publicity': '按照“谁执法谁普法”要求编制普法责任清单，依法做好政府信息主动公开和依申请公开，行政处罚和行政许可决定按期在信用平台公示。',
  'measures.approvals': '持续压缩审批时限，推行网上办理和“零跑动”服务，配合推进政务服务“云窗口”建设。',
  'measures.streets': '做好下放街道水行政执法事项的业务指导，建立线索移送交办和案件抄告机制，定期抽查街道执法案卷并反馈整改意见。',
  shortcomings:
    '一是部分干部职工学法用法的主动性还不够，运用法治方式解决问题的能力有待提高。二是街道执法专题培训尚未常态化，培训内容与复杂的涉水监管形势还有差距。三是执法信息化应用仍需深化，部分台账数据需要人工核对。',
  leaders:
    '局主要负责人认真履行推进法治建设第一责任人职责，年初召开述法会议，听取法治工作汇报，研究部署年度法治建设任务，对重大行政决策和重大执法案件亲自把关。',
  plan: '一是加强执法队伍建设，定期开展案例研讨和业务培训。二是进一步优化审批服务，压缩办理时限，提升网上办理比例。三是推动街道执法培训常态化，完善案卷评查机制。四是深化法治宣传教育，提升普法针对性和实效性。',
  other: '无。',
};

export async function loadReportsDemo(ctx: DemoContext): Promise<void> {
  const c = ctx;
  for (const [section, body] of Object.entries(NARRATIVE_2022)) await saveNarrative(c, { year: 2022, section, body, baseVersion: null });
  // The seed report rounds these down and says so (50余次, 逾200人次, 200余条).
  await setFigureOption(c, { year: 2022, metric: 'legal.consultations', rounding: 'yu10', stateYoy: false });
  await setFigureOption(c, { year: 2022, metric: 'streets.training_attendees', rounding: 'yu_over100', stateYoy: false });
  await setFigureOption(c, { year: 2022, metric: 'disclosure.credit_items', rounding: 'yu100', stateYoy: false });
  // The report states the Pearl River's 猎德 monitoring section; the streams' own sections stay in the records.
  await setFigureOption(c, { year: 2022, metric: 'rivers.section_class.猎德', rounding: 'exact', stateYoy: false, include: true });
  ctx.log(`年度报告：2022年叙述 ${Object.keys(NARRATIVE_2022).length} 段`);
}
