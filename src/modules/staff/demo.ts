import type { DemoContext } from '../../core/demo.js';
import { write } from '../../core/audit/audit.js';
import { orgsByName } from '../../core/orgs.js';
import { insertRecords, type StaffTable } from './repository.js';
import { ENTITY } from './presenters.js';

const SURNAMES = ['陈', '李', '黄', '张', '梁', '林', '刘', '吴', '何', '罗', '郑', '谢', '冯', '邓', '叶', '苏', '曾', '彭', '钟', '潘'];
const GIVEN = [
  '伟',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '洁',
  '勇',
  '艳',
  '军',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '霞',
  '平',
  '刚',
  '桂芳',
  '志强',
  '晓燕',
  '建华',
  '文杰',
  '嘉欣',
  '俊豪',
  '颖',
  '婷',
  '浩然',
  '思琪',
  '子轩',
];

/** Loads 2022 law study (4 Party-group sessions), the law exam (all ≥ 90), trainings (street training 逾200人), the 普法 list and activities; and a partial 2023. */
export async function loadStaffDemo(ctx: DemoContext): Promise<void> {
  const rnd = ctx.random;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const orgId = (await orgsByName(ctx.db, ctx.tenantId)).get('依法行政办公室')!.id;
  await write(ctx, async (w) => {
    const insert = async (table: StaffTable, rows: Record<string, unknown>[]) => {
      const full = rows.map((r) => ({ tenant_id: ctx.tenantId, org_id: orgId, ...r }));
      const ins = await insertRecords(w.tx, table, full);
      await w.auditMany(ins.map((r, i) => ({ entity: ENTITY[table], entityId: r.id, action: 'created', orgId, after: rows[i], note: { via: 'demo' } })));
      return ins;
    };
    await insert('staff_study_session', [
      { date: '2022-03-25', form: '理论学习中心组', topic: '深入学习习近平法治思想，推进水务领域依法行政', attendees: 9, host: '局党组书记' },
      {
        date: '2022-06-24',
        form: '理论学习中心组',
        topic: '学习习近平总书记关于防汛救灾工作的重要指示精神与《中华人民共和国防洪法》',
        attendees: 9,
        host: '局党组书记',
      },
      { date: '2022-09-23', form: '理论学习中心组', topic: '学习习近平法治思想与法治政府建设实施纲要', attendees: 8, host: '局党组书记' },
      { date: '2022-11-25', form: '理论学习中心组', topic: '学习党的二十大报告关于全面依法治国的重大决策部署', attendees: 9, host: '局党组书记' },
      { date: '2022-04-15', form: '法治讲座', topic: '《中华人民共和国行政处罚法》修订要点解读', attendees: 56, host: '依法行政办公室' },
      { date: '2022-08-19', form: '法治讲座', topic: '水行政执法证据收集与固定', attendees: 48, host: '水政监察大队' },
      { date: '2022-12-02', form: '其他', topic: '“宪法宣传周”集中学法', attendees: 63, host: '办公室' },
      { date: '2023-03-24', form: '理论学习中心组', topic: '学习贯彻党的二十大精神，推进水务法治建设', attendees: 9, host: '局党组书记' },
      { date: '2023-04-21', form: '法治讲座', topic: '《信访工作条例》实务', attendees: 52, host: '依法行政办公室' },
    ]);
    const people = new Set<string>();
    while (people.size < 64) people.add(pick(SURNAMES) + pick(GIVEN));
    await insert(
      'staff_exam_result',
      [...people].map((person) => ({ exam: '2022年度国家工作人员学法考试', date: '2022-11-18', person, score: 90 + Math.floor(rnd() * 11), pass_mark: 60 })),
    );
    await insert('staff_training', [
      {
        date: '2022-06-17',
        topic: '区水务职权事项下放街道综合行政执法第二次专题培训',
        audience: '街道',
        mode: '线上线下',
        onsite: 42,
        online: 196,
        attendees: 238,
        venue: '区机关大院3楼南会场（主会场）及各街道分会场',
        speaker: '市水务局专家',
      },
      {
        date: '2022-07-08',
        topic: '《中华人民共和国信访条例》专题法务培训',
        audience: '局机关',
        mode: '线下',
        onsite: 47,
        online: 0,
        attendees: 47,
        venue: '局会议室',
        speaker: '常年法律顾问',
      },
      {
        date: '2022-10-14',
        topic: '《民法典》之合同业务专题法务培训',
        audience: '局机关',
        mode: '线下',
        onsite: 45,
        online: 0,
        attendees: 45,
        venue: '局会议室',
        speaker: '常年法律顾问',
      },
      {
        date: '2023-03-17',
        topic: '街道水政执法案卷规范专题培训',
        audience: '街道',
        mode: '线上线下',
        onsite: 30,
        online: 96,
        attendees: 126,
        venue: '区机关大院及各街道分会场',
        speaker: '依法行政办公室',
      },
    ]);
    const duties = await insert('staff_pufa_duty', [
      {
        year: 2022,
        law: '《中华人民共和国水法》',
        content: '水资源开发利用与保护、取水许可制度',
        audience: '取用水单位、社会公众',
        measures: '世界水日、中国水周集中宣传；取水许可办件时一次性告知',
      },
      {
        year: 2022,
        law: '《中华人民共和国防洪法》',
        content: '防汛责任、河道管理范围内建设管理',
        audience: '社会公众、在建工地',
        measures: '汛前宣传、防汛责任人公示',
      },
      {
        year: 2022,
        law: '《城镇排水与污水处理条例》',
        content: '排水许可、违法排水的法律责任',
        audience: '排水户、餐饮业户、在建工地',
        measures: '排水许可窗口宣传、执法检查中以案释法',
      },
      { year: 2022, law: '《广东省河道管理条例》', content: '河道管理范围内禁止行为', audience: '沿河单位和居民', measures: '河长制巡河宣传' },
      {
        year: 2022,
        law: '《中华人民共和国安全生产法》（新）',
        content: '生产经营单位安全生产主体责任',
        audience: '水务工程工地',
        measures: '“安全生产月”工地宣讲',
      },
      {
        year: 2022,
        law: '《中华人民共和国传染病防治法》《公共场所卫生管理条例》',
        content: '疫情防控相关法律义务',
        audience: '水务工程工地',
        measures: '工地疫情防控检查时宣传',
      },
      { year: 2022, law: '《中华人民共和国反恐怖主义法》', content: '重点目标防范责任', audience: '供排水设施运营单位', measures: '重点设施检查时宣传' },
    ]);
    await insert('staff_pufa_activity', [
      {
        date: '2022-03-22',
        title: '“世界水日·中国水周”法治宣传进社区',
        laws: '《中华人民共和国水法》',
        place: '天河公园',
        audience_count: 320,
        duty_id: duties[0]!.id,
      },
      { date: '2022-05-10', title: '汛前防洪法宣传', laws: '《中华人民共和国防洪法》', place: '猎德涌沿线', audience_count: 150, duty_id: duties[1]!.id },
      {
        date: '2022-06-15',
        title: '“安全生产月”水务工地宣讲',
        laws: '《中华人民共和国安全生产法》',
        place: '在建水务工程工地',
        audience_count: 210,
        duty_id: duties[4]!.id,
      },
      {
        date: '2022-08-05',
        title: '排水户违法排水以案释法',
        laws: '《城镇排水与污水处理条例》',
        place: '员村片区餐饮街',
        audience_count: 85,
        duty_id: duties[2]!.id,
      },
      { date: '2022-12-04', title: '国家宪法日集中宣传', laws: '《中华人民共和国宪法》', place: '局机关', audience_count: 120, duty_id: null },
      {
        date: '2023-03-22',
        title: '“世界水日·中国水周”法治宣传',
        laws: '《中华人民共和国水法》',
        place: '华景社区',
        audience_count: 260,
        duty_id: duties[0]!.id,
      },
    ]);
    ctx.log(`学法用法：学法记录、${people.size} 人考试成绩、培训、普法责任清单与普法活动`);
  });
}
