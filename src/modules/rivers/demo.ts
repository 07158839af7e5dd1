import type { DemoContext } from '../../core/demo.js';
import { write } from '../../core/audit/audit.js';
import { streetsByName } from './input.js';
import { insertRivers, insertSections } from './repository.js';
import { insertSamples, type NewSample } from './commands.js';
import { riverAudit } from './presenters.js';

/** The district's 29 河涌 plus the Pearl River's front channel (public geographic names). */
const RIVERS = [
  '猎德涌',
  '车陂涌',
  '沙河涌',
  '深涌',
  '程界涌',
  '棠下涌',
  '潭村涌',
  '员村涌',
  '沐陂涌',
  '石牌涌',
  '植物园涌',
  '龙洞涌',
  '渔沙坦涌',
  '凤凰涌',
  '长湴涌',
  '大观涌',
  '杨桃涌',
  '珠村涌',
  '吉山涌',
  '黄村涌',
  '前进涌',
  '新塘涌',
  '柯木塱涌',
  '元岗涌',
  '沙东涌',
  '冼村涌',
  '兴华涌',
  '天园涌',
  '林和涌',
];
const PEARL = '珠江前航道（天河段）';

/**
 * The rivers part of the demo bureau, from `ctx.random` only: 30 rivers, one
 * monitoring section each (the Pearl River's is 猎德), a sample per section per
 * month in 2022 and January–April 2023. No 2022 sample is black-odorous; 猎德's
 * worst monthly mean in 2022 is class IV. One 2023 sample grades light black-odorous
 * and raises an alert.
 */
export async function loadRiversDemo(ctx: DemoContext): Promise<void> {
  const rnd = ctx.random;
  const between = (a: number, b: number, digits = 2) => Number((a + rnd() * (b - a)).toFixed(digits));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const SURNAMES = ['陈', '李', '黄', '张', '梁', '刘', '林', '何', '吴', '罗', '郑', '谢', '周', '冯', '邓'];
  const GIVEN = ['建国', '志强', '丽华', '伟明', '晓东', '海燕', '少平', '国荣', '美玲', '振华', '永康', '秀英'];
  const tenantId = ctx.tenantId;
  const streets = [...(await streetsByName(ctx.db, tenantId)).byName.values()];
  const c = ctx;

  await write(c, async (w) => {
    const riverRows = [...RIVERS, PEARL].map((name, i) => {
      const s1 = name === PEARL ? (streets.find((s) => s.name === '猎德街道') ?? streets[0]!) : streets[i % streets.length]!;
      const s2 = streets[(i + 7) % streets.length]!;
      const ids = rnd() < 0.4 && s2.id !== s1.id ? [s1.id, s2.id] : [s1.id];
      return {
        tenant_id: tenantId,
        org_id: ids[0]!,
        name,
        length_km: name === PEARL ? 13.5 : between(1.2, 9.5, 1),
        street_org_ids: ids,
        chief: `${pick(SURNAMES)}${pick(GIVEN)}`,
      };
    });
    const rivers = await insertRivers(w.tx, riverRows);
    const sections = await insertSections(
      w.tx,
      rivers.map((r) => ({ tenant_id: tenantId, org_id: r.org_id, river_id: r.id, name: r.name === PEARL ? '猎德' : `${r.name}口`, sort: 0 })),
    );
    await w.auditMany(
      rivers.map((r) => ({
        entity: 'rivers.river',
        entityId: r.id,
        action: 'created',
        orgId: r.org_id,
        after: riverAudit(
          r,
          sections.filter((s) => s.river_id === r.id).map((s) => s.name),
        ),
        note: { via: 'demo' },
      })),
    );

    const months = [...Array.from({ length: 12 }, (_, i) => `2022-${String(i + 1).padStart(2, '0')}`), '2023-01', '2023-02', '2023-03', '2023-04'];
    const samples: NewSample[] = [];
    for (const r of rivers) {
      const sec = sections.find((s) => s.river_id === r.id)!;
      const pearl = r.name === PEARL;
      for (const m of months) {
        const day = String(5 + Math.floor(rnd() * 20)).padStart(2, '0');
        const measures = pearl
          ? {
              // 猎德: class III in most months, IV in the wet months (ammonia), never worse than IV.
              transparency_cm: between(45, 90, 0),
              depth_cm: between(400, 700, 0),
              do_mgl: between(5.2, 6.8),
              orp_mv: between(150, 260, 0),
              nh3n_mgl: m === '2022-07' ? 1.21 : ['2022-06', '2022-08'].includes(m) ? between(1.02, 1.4) : between(0.55, 0.95),
              tp_mgl: between(0.11, 0.19, 3),
              cod_mgl: between(12, 19, 1),
              codmn_mgl: between(3.2, 5.6, 1),
              bod5_mgl: between(2.2, 3.9, 1),
              tn_mgl: null,
            }
          : {
              transparency_cm: between(30, 80, 0),
              depth_cm: between(80, 250, 0),
              do_mgl: between(2.6, 6.2),
              orp_mv: between(60, 220, 0),
              nh3n_mgl: between(0.4, 3.2),
              tp_mgl: between(0.08, 0.45, 3),
              cod_mgl: between(12, 38, 1),
              codmn_mgl: between(3, 9.5, 1),
              bod5_mgl: between(2, 8, 1),
              tn_mgl: null,
            };
        samples.push({ river: r, section: { id: sec.id, name: sec.name }, sampledOn: `${m}-${day}`, measures });
      }
    }
    // One spring-2023 sample at 程界涌 grades light black-odorous (ammonia 9.2 mg/L, transparency 22 cm).
    const cj = rivers.find((r) => r.name === '程界涌')!;
    samples.push({
      river: cj,
      section: null,
      sampledOn: '2023-04-18',
      measures: {
        transparency_cm: 22,
        depth_cm: 60,
        do_mgl: 2.4,
        orp_mv: 80,
        nh3n_mgl: 9.2,
        tp_mgl: 0.9,
        cod_mgl: 45,
        codmn_mgl: 12,
        bod5_mgl: 11,
        tn_mgl: null,
      },
    });
    await insertSamples(c, w, samples, { mode: 'live', via: 'demo' });
    ctx.log(`河涌水质：${rivers.length} 条河涌、${sections.length} 个监测断面、${samples.length} 次水质监测`);
  });
}
