/** The demo's disclosure requests (2022: 4 replied — 2 online, 2 offline — and one carried into 2023) and proactive disclosures. */
import type { DemoContext } from '../../core/demo.js';
import { write } from '../../core/audit/audit.js';
import { addDays } from '../../core/calendar/index.js';
import { orgsByName } from '../../core/orgs.js';
import { demoKit, loadItems, type LoadedItem } from '../demands/index.js';
import { disclosureKind } from './kind.js';
import { insertProactiveRows, userIdByUsername } from './repository.js';

const PROACTIVE: Array<[string, string[]]> = [
  ['法治政府建设', ['2021年度法治政府建设情况报告']],
  ['政府信息公开年报', ['2021年政府信息公开工作年度报告']],
  ['财政预决算', ['2021年部门决算', '2022年部门预算']],
  ['行政执法数据', ['2021年行政执法数据公开', '2022年上半年行政执法数据']],
  ['行政执法公示', ['行政执法主体及执法人员名单', '行政执法事项清单（含下放街道事项）', '行政执法流程图']],
  ['防汛责任人', ['2022年区水利工程防汛责任人名单公示']],
  ['双随机一公开', ['2022年度随机抽查事项清单', '2022年度抽查计划']],
  ['行政规范性文件', ['关于加强排水设施保护管理的通知']],
  ['通知公告', ['关于开展水浸风险点整治的通告', '关于河涌清淤施工的公告', '关于排水许可办理指南更新的公告']],
];

export async function loadDisclosureDemo(ctx: DemoContext): Promise<void> {
  const k = demoKit(ctx.random);
  const cal = ctx.sys.calendar.current;
  const orgs = await orgsByName(ctx.db, ctx.tenantId);
  const office = orgs.get('办公室')!.id;
  const clerk = await userIdByUsername(ctx.db, ctx.tenantId, 'clerk');
  /** One request from its table row: number, applicant type, channel, received on, days to the reply (null: open), outcome. */
  const req = (
    row: readonly [ref: string, type: string, channel: string, receivedOn: string, replyDays: number | null, outcome: string | null],
  ): LoadedItem => {
    const [ref, type, channel, receivedOn, replyDays, outcome] = row;
    const base: LoadedItem = {
      refNo: ref,
      orgId: office,
      assigneeId: clerk,
      receivedAt: k.at(receivedOn),
      demandType: type,
      channel,
      title: '政府信息公开申请',
      content: `申请公开${k.road()}排水工程相关信息`,
      personName: type === '自然人' ? k.name() : null,
      personPhone: k.phone(),
    };
    if (replyDays === null) return base;
    const at = k.at(cal.addWorkdays(receivedOn, replyDays));
    return { ...base, repliedAt: at, reply: '已按规定答复申请人。', result: outcome, closedAt: at };
  };
  const items = [
    req(['THSW-GK-2022-001', '自然人', '网络', '2022-03-08', 12, '予以公开']),
    req(['THSW-GK-2022-002', '自然人', '邮寄', '2022-05-16', 18, '部分公开']),
    req(['THSW-GK-2022-003', '商业企业', '网络', '2022-08-22', 15, '无法提供-本机关不掌握相关政府信息']),
    req(['THSW-GK-2022-004', '自然人', '当面', '2022-10-17', 9, '予以公开']),
    req(['THSW-GK-2022-005', '法律服务机构', '网络', '2022-12-19', 14, '予以公开']),
    req(['THSW-GK-2023-001', '自然人', '网络', '2023-02-13', 10, '予以公开']),
    req(['THSW-GK-2023-002', '自然人', '邮寄', '2023-03-20', null, null]),
  ];
  await write(ctx, async (w) => {
    await loadItems(ctx.sys, w, disclosureKind, { items, via: '演示数据' });
    const bureau = [...orgs.values()].find((o) => o.kind === 'bureau')!.id;
    const rows = PROACTIVE.flatMap(([section, titles]) =>
      titles.map((title) => ({
        tenant_id: ctx.tenantId,
        org_id: bureau,
        published_on: addDays('2022-01-10', k.int(0, 340)),
        section,
        title,
        platform: '区政府门户网站',
      })),
    );
    rows.push({
      tenant_id: ctx.tenantId,
      org_id: bureau,
      published_on: '2023-01-09',
      section: '法治政府建设',
      title: '2022年度法治政府建设情况报告',
      platform: '区政府门户网站',
    });
    const ins = await insertProactiveRows(w.tx, rows);
    await w.auditMany(
      ins.map((r) => ({
        entity: 'disclosure.proactive',
        entityId: r.id,
        action: 'imported',
        orgId: bureau,
        after: { published_on: r.published_on, section: r.section, title: r.title },
        note: { via: '演示数据' },
      })),
    );
  });
  ctx.log(`政府信息公开：${items.length} 件申请（2022年办结 4 件，结转 1 件）、主动公开信息`);
}
