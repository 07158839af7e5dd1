import type { Ctx } from '../../core/context.js';
import { write, type AuditInput, type WriteScope } from '../../core/audit/audit.js';
import { errors } from '../../core/errors.js';
import { assertInScope } from '../../core/scope.js';
import { isoDateInShanghai } from '../../core/calendar/calendar.js';
import { check, homeOrg, RIVER_DEPARTMENT } from './input.js';
import { t } from './repository.js';
import { riverAudit, sampleAudit } from './presenters.js';
import { BLACK_GRADE_LABELS, BLACK_THRESHOLDS, classify, gradeBlackOdour } from './rules.js';

const today = () => isoDateInShanghai(new Date());

// ─────────────────────────── 河涌名录 ───────────────────────────

export interface RiverInput {
  name?: string;
  lengthKm?: number | null;
  streetOrgIds?: string[];
  chief?: string | null;
  sections?: string[];
}

async function riverValues(ctx: Ctx, i: RiverInput) {
  const ids = [...new Set(i.streetOrgIds ?? [])];
  if (ids.length) {
    const found = await ctx.db.selectFrom('org').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('kind', '=', 'street').where('id', 'in', ids.filter((x) => /^[0-9a-f-]{36}$/.test(x)).length ? ids.filter((x) => /^[0-9a-f-]{36}$/.test(x)) : ['00000000-0000-0000-0000-000000000000']).execute();
    if (found.length !== ids.length) throw errors.validation('streetOrgIds', '所在街道中有不存在的街道');
  }
  const sections = [...new Set((i.sections ?? []).map((s) => s.trim()).filter(Boolean))];
  if (sections.some((s) => s.length > 50 || /[.\s]/.test(s))) throw errors.validation('sections', '监测断面名称不能含空格或“.”，且不超过50字');
  return {
    values: {
      name: check.text('name', '河涌名称', i.name, { required: true, max: 50 })!,
      length_km: check.num('lengthKm', '长度（km）', i.lengthKm, { min: 0, max: 10000 }),
      street_org_ids: ids,
      chief: check.text('chief', '河长', i.chief, { max: 50 }),
      org_id: ids[0] ?? (await homeOrg(ctx.db, ctx.actor.tenantId, RIVER_DEPARTMENT)),
    },
    sections,
  };
}

/** Sections must be unique in the tenant: they name the metric rivers.section_class.<section>. */
async function syncSections(ctx: Ctx, w: WriteScope, river: { id: string; org_id: string }, names: string[]) {
  const db = t(w.tx);
  const mine = await db.selectFrom('river_section').selectAll().where('tenant_id', '=', ctx.actor.tenantId).where('river_id', '=', river.id).execute();
  const others = await db.selectFrom('river_section').select(['name']).where('tenant_id', '=', ctx.actor.tenantId).where('river_id', '!=', river.id).where('name', 'in', names.length ? names : ['']).execute();
  if (others.length) throw errors.duplicate('sections', `监测断面“${others[0]!.name}”已属于其他河涌（断面名称在全区须唯一）`);
  const drop = mine.filter((s) => !names.includes(s.name));
  for (const s of drop) {
    const used = await db.selectFrom('water_sample').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('section_id', '=', s.id).limit(1).executeTakeFirst();
    if (used) throw errors.validation('sections', `监测断面“${s.name}”已有监测记录，不能删除`);
  }
  if (drop.length) await db.deleteFrom('river_section').where('tenant_id', '=', ctx.actor.tenantId).where('id', 'in', drop.map((s) => s.id)).execute();
  const add = names.filter((n) => !mine.some((s) => s.name === n));
  if (add.length) await db.insertInto('river_section').values(add.map((name) => ({ tenant_id: ctx.actor.tenantId, org_id: river.org_id, river_id: river.id, name, sort: names.indexOf(name) }))).execute();
  await db.updateTable('river_section').set({ org_id: river.org_id }).where('tenant_id', '=', ctx.actor.tenantId).where('river_id', '=', river.id).execute();
}

/** 新增河涌 (audit `rivers.river.created`). */
export async function createRiver(ctx: Ctx, input: RiverInput) {
  const { values, sections } = await riverValues(ctx, input);
  assertInScope(ctx.actor, values.org_id);
  return write(ctx, async (w) => {
    const dup = await t(w.tx).selectFrom('river').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('name', '=', values.name).executeTakeFirst();
    if (dup) throw errors.duplicate('name', `河涌“${values.name}”已在名录中`);
    const row = await t(w.tx).insertInto('river').values({ tenant_id: ctx.actor.tenantId, ...values }).returningAll().executeTakeFirstOrThrow();
    await syncSections(ctx, w, row, sections);
    await w.audit({ entity: 'rivers.river', entityId: row.id, action: 'created', orgId: row.org_id, after: riverAudit(row, sections) });
    return row;
  });
}

/** 修改河涌 (河长、街道、断面…); stale version → 409. Audit `rivers.river.updated`. */
export async function updateRiver(ctx: Ctx, id: string, version: number, input: RiverInput) {
  return write(ctx, async (w) => {
    const before = await t(w.tx).selectFrom('river').selectAll().where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', id).executeTakeFirst();
    if (!before) throw errors.notFound('河涌');
    assertInScope(ctx.actor, before.org_id, '河涌');
    if (before.version !== version) throw errors.conflict();
    const oldSections = (await t(w.tx).selectFrom('river_section').select('name').where('tenant_id', '=', ctx.actor.tenantId).where('river_id', '=', id).orderBy('sort').execute()).map((s) => s.name);
    const { values, sections } = await riverValues({ ...ctx, db: w.tx }, { name: before.name, lengthKm: before.length_km, streetOrgIds: before.street_org_ids, chief: before.chief, sections: oldSections, ...input });
    if (values.name !== before.name) {
      const dup = await t(w.tx).selectFrom('river').select('id').where('tenant_id', '=', ctx.actor.tenantId).where('name', '=', values.name).executeTakeFirst();
      if (dup) throw errors.duplicate('name', `河涌“${values.name}”已在名录中`);
    }
    const row = await t(w.tx).updateTable('river').set({ ...values, version: version + 1, updated_at: new Date() }).where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', id).where('version', '=', version).returningAll().executeTakeFirst();
    if (!row) throw errors.conflict();
    await syncSections(ctx, w, row, sections);
    if (row.org_id !== before.org_id) {
      await t(w.tx).updateTable('water_sample').set({ org_id: row.org_id }).where('tenant_id', '=', ctx.actor.tenantId).where('river_id', '=', id).execute();
    }
    await w.audit({ entity: 'rivers.river', entityId: id, action: 'updated', orgId: row.org_id, before: riverAudit(before, oldSections), after: riverAudit(row, sections) });
    return row;
  });
}

// ─────────────────────────── 水质监测 ───────────────────────────

export interface SampleInput {
  riverId?: string;
  sectionId?: string | null;
  sampledOn?: string;
  transparencyCm?: number | null;
  depthCm?: number | null;
  doMgl?: number | null;
  orpMv?: number | null;
  nh3nMgl?: number | null;
  tpMgl?: number | null;
  codMgl?: number | null;
  codmnMgl?: number | null;
  bod5Mgl?: number | null;
}

/** Checks a sample's measured values (field names as the API and form use them). */
export function sampleMeasures(i: SampleInput) {
  const m = {
    transparency_cm: check.num('transparencyCm', '透明度（cm）', i.transparencyCm, { min: 0, max: 1000 }),
    depth_cm: check.num('depthCm', '水深（cm）', i.depthCm, { min: 0, max: 100000 }),
    do_mgl: check.num('doMgl', '溶解氧（mg/L）', i.doMgl, { min: 0, max: 30 }),
    orp_mv: check.num('orpMv', '氧化还原电位（mV）', i.orpMv, { min: -1000, max: 1000 }),
    nh3n_mgl: check.num('nh3nMgl', '氨氮（mg/L）', i.nh3nMgl, { min: 0, max: 1000 }),
    tp_mgl: check.num('tpMgl', '总磷（mg/L）', i.tpMgl, { min: 0, max: 1000 }),
    cod_mgl: check.num('codMgl', '化学需氧量（mg/L）', i.codMgl, { min: 0, max: 10000 }),
    codmn_mgl: check.num('codmnMgl', '高锰酸盐指数（mg/L）', i.codmnMgl, { min: 0, max: 1000 }),
    bod5_mgl: check.num('bod5Mgl', '五日生化需氧量（mg/L）', i.bod5Mgl, { min: 0, max: 1000 }),
  };
  if (m.transparency_cm != null && m.depth_cm != null && m.depth_cm > 0 && m.transparency_cm > m.depth_cm) throw errors.validation('transparencyCm', '透明度不能大于水深');
  if (Object.values(m).every((v) => v == null)) throw errors.validation('doMgl', '请至少填写一项监测指标');
  return m;
}

/** A sample's class (GB 3838-2002) and black-odour grade, from its measures. */
export function judge(m: ReturnType<typeof sampleMeasures>) {
  const c = classify({ do: m.do_mgl, codmn: m.codmn_mgl, cod: m.cod_mgl, bod5: m.bod5_mgl, nh3n: m.nh3n_mgl, tp: m.tp_mgl });
  const g = gradeBlackOdour({ transparencyCm: m.transparency_cm, depthCm: m.depth_cm, doMgl: m.do_mgl, orpMv: m.orp_mv, nh3nMgl: m.nh3n_mgl });
  return { gb_class: c.class, black_grade: g.grade, byParam: g.byParam };
}

const BLACK_LABELS: Record<string, string> = { transparency: '透明度', do: '溶解氧', orp: '氧化还原电位', nh3n: '氨氮' };

export interface NewSample {
  river: { id: string; name: string; org_id: string; chief: string | null };
  section: { id: string; name: string } | null;
  sampledOn: string;
  measures: ReturnType<typeof sampleMeasures>;
}

/**
 * Inserts samples with their class and grade; a sample graded black-odorous
 * raises an alert to the river's owner (its org; the river chief is named).
 * Audit `rivers.sample.recorded` on each sample and `rivers.alert.raised` on each
 * alert. Used by the form, the ledger import and the demo (bulk).
 */
export async function insertSamples(ctx: Ctx, w: WriteScope, samples: readonly NewSample[], note?: Record<string, unknown>) {
  const events: AuditInput[] = [];
  const out: Array<{ sample: any; alert: any | null }> = [];
  for (let i = 0; i < samples.length; i += 500) {
    const chunk = samples.slice(i, i + 500);
    const judged = chunk.map((s) => judge(s.measures));
    const rows = await t(w.tx)
      .insertInto('water_sample')
      .values(chunk.map((s, k) => ({ tenant_id: ctx.actor.tenantId, org_id: s.river.org_id, river_id: s.river.id, section_id: s.section?.id ?? null, sampled_on: s.sampledOn, ...s.measures, gb_class: judged[k]!.gb_class, black_grade: judged[k]!.black_grade, created_by: ctx.actor.name })))
      .returningAll()
      .execute();
    const alerts = rows
      .map((r, k) => ({ r, s: chunk[k]!, j: judged[k]! }))
      .filter(({ j }) => j.black_grade === 'light' || j.black_grade === 'severe')
      .map(({ r, s, j }) => {
        const why = Object.entries(j.byParam)
          .filter(([, g]) => g !== 'none')
          .map(([p, g]) => `${BLACK_LABELS[p]}${BLACK_GRADE_LABELS[g!]}`)
          .join('、');
        return {
          tenant_id: ctx.actor.tenantId,
          org_id: s.river.org_id,
          river_id: s.river.id,
          sample_id: r.id,
          grade: j.black_grade as 'light' | 'severe',
          raised_on: s.sampledOn,
          message: `${s.river.name}${s.section ? `${s.section.name}断面` : ''}${s.sampledOn}水样判定为${BLACK_GRADE_LABELS[j.black_grade!]}（${why}；依据${BLACK_THRESHOLDS.source}），请河长${s.river.chief ?? ''}及属地立即核查处置`,
        };
      });
    const alertRows = alerts.length ? await t(w.tx).insertInto('river_alert').values(alerts).returningAll().execute() : [];
    rows.forEach((r, k) => {
      const s = chunk[k]!;
      events.push({ entity: 'rivers.sample', entityId: r.id, action: 'recorded', orgId: r.org_id, after: sampleAudit(r, s.river.name, s.section?.name ?? null), ...(note ? { note } : {}) });
      const a = alertRows.find((x) => x.sample_id === r.id) ?? null;
      if (a) events.push({ entity: 'rivers.alert', entityId: a.id, action: 'raised', orgId: a.org_id, after: { river: s.river.name, grade: a.grade, raisedOn: a.raised_on, message: a.message, chief: s.river.chief }, note: { sampleId: r.id } });
      out.push({ sample: r, alert: a });
    });
  }
  await w.auditMany(events);
  return out;
}

/** 录入水质监测 — classifies and grades the sample; a black-odorous one raises the alert in the same transaction. */
export async function recordSample(ctx: Ctx, input: SampleInput) {
  const sampledOn = check.date('sampledOn', '采样日期', input.sampledOn, { required: true })!;
  if (sampledOn > today()) throw errors.validation('sampledOn', '采样日期不能晚于今天');
  if (!input.riverId || !/^[0-9a-f-]{36}$/.test(input.riverId)) throw errors.validation('riverId', '请选择河涌');
  const measures = sampleMeasures(input);
  return write(ctx, async (w) => {
    const river = await t(w.tx).selectFrom('river').select(['id', 'name', 'org_id', 'chief']).where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', input.riverId!).executeTakeFirst();
    if (!river) throw errors.validation('riverId', '河涌不存在');
    assertInScope(ctx.actor, river.org_id, '河涌');
    let section: { id: string; name: string } | null = null;
    if (input.sectionId) {
      section = (await t(w.tx).selectFrom('river_section').select(['id', 'name']).where('tenant_id', '=', ctx.actor.tenantId).where('river_id', '=', river.id).where('id', '=', input.sectionId).executeTakeFirst()) ?? null;
      if (!section) throw errors.validation('sectionId', '该河涌没有此监测断面');
    }
    const dup = await t(w.tx)
      .selectFrom('water_sample')
      .select('id')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('river_id', '=', river.id)
      .where('sampled_on', '=', sampledOn)
      .where((eb) => (section ? eb('section_id', '=', section.id) : eb('section_id', 'is', null)))
      .executeTakeFirst();
    if (dup) throw errors.duplicate('sampledOn', `${river.name}${section ? section.name + '断面' : ''}${sampledOn}已有监测记录`);
    const [r] = await insertSamples(ctx, w, [{ river, section, sampledOn, measures }]);
    return r!;
  });
}

/** 处置预警 — the owner records what was done (audit `rivers.alert.handled`). */
export async function handleAlert(ctx: Ctx, id: string, version: number, input: { note?: string }) {
  const note = check.text('note', '处置情况', input.note, { required: true, max: 1000 })!;
  return write(ctx, async ({ tx, audit }) => {
    const a = await t(tx).selectFrom('river_alert').selectAll().where('tenant_id', '=', ctx.actor.tenantId).where('id', '=', id).executeTakeFirst();
    if (!a) throw errors.notFound('预警');
    assertInScope(ctx.actor, a.org_id, '预警');
    if (a.version !== version) throw errors.conflict();
    if (a.status === 'handled') throw errors.gate('ALERT_HANDLED', '该预警已处置');
    const row = await t(tx)
      .updateTable('river_alert')
      .set({ status: 'handled', handled_on: today(), handled_by: ctx.actor.name, handled_note: note, version: version + 1, updated_at: new Date() })
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', id)
      .where('version', '=', version)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw errors.conflict();
    await audit({ entity: 'rivers.alert', entityId: id, action: 'handled', orgId: a.org_id, before: { status: a.status }, after: { status: row.status, handledOn: row.handled_on, handledBy: row.handled_by, handledNote: note } });
    return row;
  });
}
