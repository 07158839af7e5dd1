import type { DemoContext } from '../../core/demo.js';
import type { AuditInput } from '../../core/audit/audit.js';
import { write } from '../../core/audit/audit.js';
import { addDays } from '../../core/calendar/calendar.js';
import { FLOOD_DEPARTMENT, homeOrg, orgNames, streetsByName } from './input.js';
import {
  firstWorkByName,
  insertDeployments,
  insertDisclosure,
  insertDispatches,
  insertDutyLines,
  insertProjects,
  insertRiskPoints,
  insertRiskProgress,
  insertWarning,
  insertWorks,
} from './repository.js';
import { deploymentAudit, projectAudit, publicWork, riskPointAudit, workAudit } from './presenters.js';
import { updateWork } from './commands.js';
import { sealPhone, sealWorkPhones } from './pii.js';

/**
 * The flood part of the demo bureau, generated from `ctx.random` only: 2022 reproduces
 * the report (45 registered risk points, 29 remediated, 16 in progress; 12 remediation
 * plans completed and 34 emergency works; 8640 person-times, 3888 pump uses and 2112
 * vehicle uses), 2023 has its first months. Names are synthetic.
 */
export async function loadFloodDemo(ctx: DemoContext): Promise<void> {
  const rnd = ctx.random;
  const int = (a: number, b: number) => a + Math.floor(rnd() * (b - a + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const dateIn = (from: string, to: string) => {
    const a = Date.parse(from);
    const b = Date.parse(to);
    return new Date(a + Math.floor(rnd() * ((b - a) / 86400000 + 1)) * 86400000).toISOString().slice(0, 10);
  };
  const SURNAMES = ['陈', '李', '黄', '张', '梁', '刘', '林', '何', '吴', '罗', '郑', '谢', '周', '冯', '邓', '叶', '苏', '许', '钟', '卢'];
  const GIVEN = [
    '伟',
    '敏',
    '杰',
    '婷',
    '强',
    '丽',
    '军',
    '芳',
    '斌',
    '华',
    '明',
    '静',
    '涛',
    '燕',
    '勇',
    '玲',
    '志',
    '红',
    '文',
    '辉',
    '健',
    '琳',
    '峰',
    '霞',
    '俊',
    '洁',
  ];
  const usedNames = new Set<string>();
  const person = () => {
    for (;;) {
      const n = pick(SURNAMES) + pick(GIVEN) + (rnd() < 0.7 ? pick(GIVEN) : '');
      if (!usedNames.has(n)) {
        usedNames.add(n);
        return n;
      }
    }
  };
  const phone = () => `1${pick(['38', '39', '35', '36', '58', '59', '88'])}${String(int(0, 99999999)).padStart(8, '0')}`;

  const tenantId = ctx.tenantId;
  const streets = [...(await streetsByName(ctx.db, tenantId)).byName.values()];
  const home = await homeOrg(ctx.db, tenantId, FLOOD_DEPARTMENT);
  const names = await orgNames(ctx.db, tenantId);
  const c = ctx;

  await write(c, async (w) => {
    const events: AuditInput[] = [];
    const via = { via: 'demo' };

    // ── 水浸风险点: 45 registered by end-2022 (29 remediated in 2022), 3 more in 2023 ──
    const ROADS = [
      '天河路',
      '中山大道西',
      '黄埔大道中',
      '天河北路',
      '体育东路',
      '林和西路',
      '广州大道北',
      '华观路',
      '岑村路',
      '科韵北路',
      '车陂路',
      '员村二横路',
      '石牌东路',
      '五山路',
      '龙口西路',
      '棠东路',
      '珠吉路',
      '长兴路',
      '元岗路',
      '沙太路',
      '长福路',
      '高唐路',
      '花城大道',
      '临江大道',
    ];
    const SPOTS = ['下穿通道', '立交桥底', '地铁站出入口', '对出路段', '与横路交界处', '小区出入口', '公交站台段', '隧道出口'];
    const MEASURES = ['新建截流沟并扩建雨水管', '改造雨水口、增设排水泵', '清疏管网并改造排水箅子', '提升路面标高、完善排水系统', '增设临时泵站并改造出水口'];
    const centers = new Map(streets.map((s) => [s.id, { lng: 113.31 + rnd() * 0.12, lat: 23.11 + rnd() * 0.12 }]));
    const points: Array<{ registered: string; completed: string | null; final2022: boolean }> = [];
    for (let i = 0; i < 45; i++) points.push({ registered: dateIn('2021-03-01', '2022-06-30'), completed: i < 29 ? 'x' : null, final2022: true });
    for (let i = 0; i < 3; i++) points.push({ registered: dateIn('2023-01-05', '2023-04-20'), completed: null, final2022: false });
    // 29 remediated within 2022; of the 16 still in progress at end-2022, 5 are finished in spring 2023.
    let laterDone = 0;
    const pointRows = points.map((pt, i) => {
      const s = streets[i % streets.length]!;
      const ctr = centers.get(s.id)!;
      let completed: string | null = null;
      if (pt.completed) completed = dateIn(pt.registered > '2022-01-01' ? addDays(pt.registered, 45) : '2022-01-15', '2022-12-20');
      else if (pt.final2022 && laterDone < 5 && i % 3 === 0) {
        completed = dateIn('2023-02-01', '2023-05-15');
        laterDone++;
      }
      if (completed && completed > '2022-12-31' && pt.completed) completed = '2022-12-20';
      return {
        tenant_id: tenantId,
        org_id: s.id,
        code: `THSJ-${String(i + 1).padStart(3, '0')}`,
        name: i === 0 ? '燕岭路燕岭大厦对出双向辅道' : `${ROADS[i % ROADS.length]}${SPOTS[(i * 7) % SPOTS.length]}`,
        lng: Number((ctr.lng + (rnd() - 0.5) * 0.02).toFixed(6)),
        lat: Number((ctr.lat + (rnd() - 0.5) * 0.02).toFixed(6)),
        risk_level: pick(['高', '中', '中', '低'] as const),
        registered_on: pt.registered,
        measure: pick(MEASURES),
        status: (completed ? '已完成' : pt.final2022 ? '整治中' : '未整治') as '已完成' | '整治中' | '未整治',
        completed_on: completed,
        admin_person: person(),
        tech_person: person(),
        patrol_person: person(),
      };
    });
    const insertedPoints = await insertRiskPoints(w.tx, pointRows);
    const progress: Array<{
      tenant_id: string;
      org_id: string;
      point_id: string;
      on_date: string;
      status: '整治中' | '已完成';
      note: string;
      created_by: string;
    }> = [];
    for (const p of insertedPoints) {
      events.push({ entity: 'flood.risk_point', entityId: p.id, action: 'created', orgId: p.org_id, after: riskPointAudit(p), note: via });
      if (p.status === '未整治') continue;
      const started = addDays(p.registered_on, int(7, 30));
      const firstDate = p.completed_on && started > p.completed_on ? p.registered_on : started;
      progress.push({
        tenant_id: tenantId,
        org_id: p.org_id,
        point_id: p.id,
        on_date: firstDate,
        status: '整治中',
        note: `完成现场排查，确定整治措施：${p.measure}`,
        created_by: '演示数据',
      });
      if (p.completed_on)
        progress.push({
          tenant_id: tenantId,
          org_id: p.org_id,
          point_id: p.id,
          on_date: p.completed_on,
          status: '已完成',
          note: '整治工程完工并通过验收，经降雨检验无明显积水',
          created_by: '演示数据',
        });
      else if (rnd() < 0.6)
        progress.push({
          tenant_id: tenantId,
          org_id: p.org_id,
          point_id: p.id,
          on_date: addDays(firstDate, int(20, 90)),
          status: '整治中',
          note: '管网改造施工中，完成工程量约一半',
          created_by: '演示数据',
        });
    }
    await insertRiskProgress(w.tx, progress);
    const lastStatus = new Map<string, string>();
    for (const pr of progress) {
      events.push({
        entity: 'flood.risk_point',
        entityId: pr.point_id,
        action: 'progressed',
        orgId: pr.org_id,
        before: { status: lastStatus.get(pr.point_id) ?? '未整治' },
        after: { status: pr.status },
        note: { onDate: pr.on_date, note: pr.note, via: 'demo' },
      });
      lastStatus.set(pr.point_id, pr.status);
    }

    // ── 内涝治理项目 (12 completed in 2022) and 零星排水改造应急工程 (34 started in 2022) ──
    const projects: Array<{
      tenant_id: string;
      org_id: string;
      name: string;
      kind: '内涝治理项目' | '零星排水改造应急工程';
      street_org_id: string | null;
      started_on: string | null;
      completed_on: string | null;
      status: string;
    }> = [];
    const planNames = ['天河立交', '长福路', ...ROADS.filter((r) => r !== '长福路').slice(0, 13)];
    planNames.forEach((r, i) => {
      const done2022 = i < 12;
      const started = done2022 ? dateIn('2021-09-01', '2022-05-31') : dateIn('2023-01-10', '2023-04-30');
      const completed = done2022 ? dateIn(addDays(started, 60) > '2022-01-01' ? addDays(started, 60) : '2022-01-01', '2022-12-15') : null;
      projects.push({
        tenant_id: tenantId,
        org_id: home,
        name: `${r}内涝治理项目方案编制`,
        kind: '内涝治理项目',
        street_org_id: null,
        started_on: started,
        completed_on: completed && completed <= '2022-12-31' ? completed : done2022 ? '2022-12-15' : null,
        status: done2022 ? '已完成' : '实施中',
      });
    });
    const worksNames = ['高唐路智慧城地铁站', ...ROADS.flatMap((r) => SPOTS.slice(0, 2).map((s) => `${r}${s}`))];
    for (let i = 0; i < 40; i++) {
      const in2022 = i < 34;
      const s = pick(streets);
      const started = in2022 ? dateIn('2022-01-05', '2022-11-30') : dateIn('2023-01-05', '2023-04-30');
      const completed = in2022 ? addDays(started, int(10, 45)) : null;
      projects.push({
        tenant_id: tenantId,
        org_id: s.id,
        name: `${worksNames[i]}零星排水改造应急工程`,
        kind: '零星排水改造应急工程',
        street_org_id: s.id,
        started_on: started,
        completed_on: completed,
        status: completed ? '已完成' : '实施中',
      });
    }
    for (const p of await insertProjects(w.tx, projects))
      events.push({ entity: 'flood.project', entityId: p.id, action: 'created', orgId: p.org_id, after: projectAudit(p), note: via });

    // ── 抢险投入: 36 events in 2022 summing exactly to the report, 6 in spring 2023 ──
    const KINDS = ['暴雨', '强降雨', '雷雨大风', '短时强降水', '龙舟水强降雨', '台风“暹芭”外围降雨', '台风“马鞍”影响', '强对流天气'];
    const dates2022 = new Set<string>();
    while (dates2022.size < 36) dates2022.add(dateIn('2022-04-01', '2022-10-15'));
    const ds = [...dates2022].sort();
    const weights = ds.map(() => 0.3 + rnd());
    const persons = splitExact(8640, weights);
    const pumps = splitExact(
      3888,
      weights.map((x) => x * (0.8 + rnd() * 0.4)),
    );
    const vehicles = splitExact(
      2112,
      weights.map((x) => x * (0.8 + rnd() * 0.4)),
    );
    const deployments = ds.map((d, i) => ({
      tenant_id: tenantId,
      org_id: home,
      on_date: d,
      event: `${Number(d.slice(5, 7))}月${Number(d.slice(8))}日${pick(KINDS)}`,
      persons: persons[i]!,
      pumps: pumps[i]!,
      vehicles: vehicles[i]!,
      note: null,
    }));
    const dates2023 = new Set<string>();
    while (dates2023.size < 6) dates2023.add(dateIn('2023-04-01', '2023-05-31'));
    for (const d of [...dates2023].sort())
      deployments.push({
        tenant_id: tenantId,
        org_id: home,
        on_date: d,
        event: `${Number(d.slice(5, 7))}月${Number(d.slice(8))}日${pick(KINDS.slice(0, 5))}`,
        persons: int(80, 400),
        pumps: int(30, 160),
        vehicles: int(20, 90),
        note: null,
      });
    for (const d of await insertDeployments(w.tx, deployments))
      events.push({ entity: 'flood.deployment', entityId: d.id, action: 'created', orgId: d.org_id, after: deploymentAudit(d), note: via });

    // ── 值班表: June 2022 and the first half of May 2023 (AB角 cadres; rescue team in three shifts) ──
    const cadres = Array.from({ length: 10 }, () => ({ name: person(), phone: phone() }));
    const team = Array.from({ length: 12 }, () => ({ name: person(), phone: phone() }));
    const duty: Array<{ tenant_id: string; org_id: string; duty_date: string; shift: string; role: 'A角' | 'B角'; person: string; phone: string }> = [];
    const days = [...Array.from({ length: 30 }, (_, i) => addDays('2022-06-01', i)), ...Array.from({ length: 14 }, (_, i) => addDays('2023-05-01', i))];
    days.forEach((d, k) => {
      const a = cadres[(2 * k) % 10]!;
      const b = cadres[(2 * k + 1) % 10]!;
      duty.push({ tenant_id: tenantId, org_id: home, duty_date: d, shift: '全天', role: 'A角', person: a.name, phone: a.phone });
      duty.push({ tenant_id: tenantId, org_id: home, duty_date: d, shift: '全天', role: 'B角', person: b.name, phone: b.phone });
      (['夜班', '早班', '中班'] as const).forEach((s, j) => {
        for (const [r, role] of (['A角', 'B角'] as const).entries()) {
          const m = team[(6 * (k % 2) + 2 * j + r) % 12]!;
          duty.push({ tenant_id: tenantId, org_id: home, duty_date: d, shift: s, role, person: m.name, phone: m.phone });
        }
      });
    });
    // Phones are stored encrypted with their blind index (pii.ts).
    await insertDutyLines(
      w.tx,
      duty.map(({ phone: p, ...x }) => {
        const s = sealPhone(p);
        return { ...x, phone: s.phone, phone_idx: s.idx };
      }),
    );
    for (const d of days) {
      const lines = duty
        .filter((x) => x.duty_date === d)
        .map((x) => `${x.shift}${x.role} ${x.person}`)
        .sort()
        .join('；');
      events.push({ entity: 'flood.duty', entityId: d, action: 'scheduled', orgId: home, after: { roster: lines }, note: via });
    }

    // ── 抗旱防咸: a salt-tide warning in spring 2022, dispatched every day ──
    const warning = await insertWarning(w.tx, {
      tenant_id: tenantId,
      org_id: home,
      title: '2021-2022年枯水期咸潮预警（抗旱防咸保供水）',
      level: '黄色',
      starts_on: '2022-01-10',
      ends_on: '2022-03-31',
    });
    events.push({
      entity: 'flood.warning',
      entityId: warning.id,
      action: 'created',
      orgId: home,
      after: { title: warning.title, level: warning.level, startsOn: warning.starts_on, endsOn: warning.ends_on },
      note: via,
    });
    const dispatches = [];
    for (let d = '2022-01-10'; d <= '2022-03-31'; d = addDays(d, 1)) {
      const cl = int(120, 420);
      dispatches.push({
        tenant_id: tenantId,
        org_id: home,
        warning_id: warning.id,
        on_date: d,
        chloride_mgl: cl,
        content: cl > 250 ? `取水口含氯度${cl}mg/L，超过250mg/L：错峰取水，启用备用水源，加强管网压力调度` : `取水口含氯度${cl}mg/L，正常取水，24小时值班值守`,
        created_by: '演示数据',
      });
    }
    await insertDispatches(w.tx, dispatches);
    for (const d of dispatches)
      events.push({
        entity: 'flood.warning',
        entityId: warning.id,
        action: 'dispatched',
        orgId: home,
        note: { onDate: d.on_date, chlorideMgl: d.chloride_mgl, content: d.content, via: 'demo' },
      });

    // ── 水利工程三个责任人, disclosed before the 2022 and 2023 flood seasons ──
    const WORKS = [
      ...['猎德涌', '车陂涌', '沙河涌', '深涌', '程界涌', '棠下涌', '潭村涌', '员村涌', '杨桃公园'].map((r) => ({ name: `${r}泵站`, kind: '泵站' })),
      ...['猎德涌', '车陂涌', '深涌', '程界涌', '沐陂涌', '石牌涌'].map((r) => ({ name: `${r}水闸`, kind: '水闸' })),
      { name: '珠江前航道天河段堤防', kind: '堤防' },
      { name: '龙洞水库', kind: '水库' },
    ];
    const workRows = WORKS.map((wk, i) => {
      const s = streets[(i * 5) % streets.length]!;
      return {
        tenant_id: tenantId,
        org_id: s.id,
        name: wk.name,
        kind: wk.kind,
        location: `${s.name}辖内`,
        admin_name: person(),
        admin_post: `${s.name}办事处副主任`,
        admin_phone: phone(),
        tech_name: person(),
        tech_post: '工程师',
        tech_phone: phone(),
        patrol_name: person(),
        patrol_post: `${wk.kind}管理员`,
        patrol_phone: phone(),
      };
    });
    const works = await insertWorks(
      w.tx,
      workRows.map((r) => sealWorkPhones(r)),
    );
    for (const wk of works) events.push({ entity: 'flood.work', entityId: wk.id, action: 'created', orgId: wk.org_id, after: workAudit(wk), note: via });
    const snapshot = JSON.stringify(works.map((wk) => publicWork(wk, names)));
    for (const [year, on] of [
      [2022, '2022-03-25'],
      [2023, '2023-03-28'],
    ] as const) {
      await insertDisclosure(w.tx, { tenant_id: tenantId, year, org_id: home, published_on: on, note: `${year}年汛前公示`, snapshot });
      events.push({
        entity: 'flood.disclosure',
        entityId: String(year),
        action: 'published',
        orgId: home,
        after: { year, publishedOn: on, works: works.length },
        note: via,
      });
    }
    await w.auditMany(events);
  });

  // A change after the 2023 disclosure, through the ordinary command (so it is in the work's history).
  const first = await firstWorkByName(ctx.db, tenantId);
  await updateWork(c, first.id, first.version, { patrol: { name: person(), post: first.patrol_post, phone: phone() }, reason: '原巡查责任人岗位调整' });
  ctx.log('防汛：48 个水浸风险点、55 个项目、42 次抢险投入、44 天值班、1 次咸潮预警（81 天调度）、17 处水利工程责任人');
}

/** Splits a total into integer parts proportional to weights (largest remainder), summing exactly. */
export function splitExact(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (rest <= 0) break;
    out[i]!++;
    rest--;
  }
  return out;
}
