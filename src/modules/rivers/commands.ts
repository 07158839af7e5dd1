import crypto from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Ctx } from '../../core/context.js';
import { write, type AuditInput, type WriteScope } from '../../core/audit/audit.js';
import { errors } from '../../core/errors.js';
import { checkVersion, updateVersioned } from '../../core/versioned.js';
import { assertInScope, inScope, ownerOrgForCreate } from '../../core/scope.js';
import { isIsoDate } from '../../core/calendar/calendar.js';
import { diffFields } from '../../core/audit/audit.js';
import { insertMany, updateMany } from '../../core/db/bulk.js';
import type { RowError, TraceEntry, WriteOrigin } from '../../core/ledger/ledger.js';
import { check, homeOrg, RIVER_DEPARTMENT } from './input.js';
import {
  alertsOfSamples,
  deleteSections,
  riverHeadsByIds,
  riversByIdOrNameForUpdate,
  samplesByIds,
  samplesOfRivers,
  samplesOfRiversOn,
  sectionHeadsOfRivers,
  sectionsOfRiversOrNames,
  sectionsWithSamples,
  streetIds,
} from './repository.js';
import { riverAudit, sampleAudit, sampleValues } from './presenters.js';
import { BLACK_GRADE_LABELS, BLACK_THRESHOLDS, classify, DEFAULT_WATER_TYPE, gradeBlackOdour, WATER_TYPES, type WaterType } from './rules.js';
import { attempt, persist, rowFailure, type AnyRow, type Item } from '../../core/persist.js';
import type { RiversTables } from './schema.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A stored row of a rivers table. */
export type RiversRow<K extends keyof RiversTables> = Selectable<RiversTables[K]>;

/** What a domain function did with a batch: counts, and the row errors of an import (live mode throws instead). */
export interface SaveSummary {
  created: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
}

// ─────────────────────────── 河涌名录 ───────────────────────────

export interface RiverInput {
  name?: string;
  lengthKm?: number | null;
  streetOrgIds?: string[];
  chief?: string | null;
  sections?: string[];
  /** 水体类型 (GB 3838-2002 表1: 湖、库 have their own 总磷 and 总氮 limits); default 河流. */
  waterType?: WaterType | null;
}
const RIVER_INPUT_KEYS = ['name', 'lengthKm', 'streetOrgIds', 'chief', 'sections', 'waterType'] as const;

export interface RiverSave extends RiverInput {
  row?: number;
  id?: string;
  version?: number;
}

/** Ledger column of each river field (河涌名录). */
export const RIVER_COLUMNS: Readonly<Record<string, string>> = {
  name: '河涌名称',
  lengthKm: '长度 (km)',
  streetOrgIds: '所在街道',
  chief: '河长',
  sections: '监测断面',
  waterType: '水体类型',
};

function riverValues(streets: ReadonlySet<string>, home: string, i: RiverInput) {
  const ids = [...new Set(i.streetOrgIds ?? [])];
  if (ids.some((x) => !streets.has(x))) throw errors.validation('streetOrgIds', '所在街道中有不存在的街道');
  const sections = [...new Set((i.sections ?? []).map((s) => s.trim()).filter(Boolean))];
  if (sections.some((s) => s.length > 50 || /[.\s]/.test(s))) throw errors.validation('sections', '监测断面名称不能含空格或“.”，且不超过50字');
  return {
    values: {
      name: check.text('name', '河涌名称', i.name, { required: true, max: 50 })!,
      length_km: check.num('lengthKm', '长度（km）', i.lengthKm, { min: 0, max: 10000 }),
      street_org_ids: ids,
      chief: check.text('chief', '河长', i.chief, { max: 50 }),
      water_type: check.oneOf('waterType', '水体类型', i.waterType, { values: WATER_TYPES }) ?? DEFAULT_WATER_TYPE,
      org_id: ids[0] ?? home,
    },
    sections,
  };
}

/**
 * Saves rivers with their monitoring sections — the one write path of 河涌名录 (form:
 * one, live; the ledger: many, historical, matched on 河涌名称). Sections are given in
 * full (an import passes the stored ones plus the file's); a section name is unique
 * in the tenant (it names the metric `rivers.section_class.<section>`), and a section
 * with samples cannot be removed. A river's owner change moves its sections and
 * samples along. Audit `rivers.river.created` / `updated` in live mode.
 */
export async function saveRivers(
  ctx: Ctx,
  w: WriteScope,
  inputs: readonly RiverSave[],
  origin: WriteOrigin,
): Promise<SaveSummary & { rows: RiversRow<'river'>[] }> {
  const tenantId = ctx.actor.tenantId;
  const errs: RowError[] = [];
  const streets = new Set(await streetIds(w.tx, tenantId));
  const home = await homeOrg(w.tx, tenantId, RIVER_DEPARTMENT);
  const ids = inputs.map((i) => i.id).filter((x): x is string => !!x && UUID.test(x));
  const names = inputs.map((i) => (typeof i.name === 'string' ? i.name.trim() : '')).filter(Boolean);
  const existing = await riversByIdOrNameForUpdate(w.tx, tenantId, { ids, names });
  const byId = new Map<string, AnyRow>(existing.map((r) => [r.id, r]));
  const byName = new Map<string, AnyRow>(existing.map((r) => [r.name, r]));
  const sectionNames = inputs.flatMap((i) => (i.sections ?? []).map((s) => (typeof s === 'string' ? s.trim() : '')));
  const sections = await sectionsOfRiversOrNames(w.tx, tenantId, { riverIds: existing.map((r) => r.id), names: sectionNames });
  const sectionsOf = (riverId: string) => sections.filter((s) => s.river_id === riverId);
  const owner = new Map(sections.map((s) => [s.name, s.river_id]));
  const seen = new Map<string, number>();
  const sectionInFile = new Map<string, { river: string; row: number }>();
  const items: Array<Item<Record<string, unknown>> & { id: string; want: string[]; drop: Array<{ id: string; name: string }>; add: string[] }> = [];
  for (const input of inputs) {
    let old: AnyRow | undefined;
    if (input.id) {
      old = UUID.test(input.id) ? byId.get(input.id) : undefined;
      if (!old) {
        rowFailure(origin, errs, { row: input.row, column: '河涌名称' }, errors.notFound('河涌'));
        continue;
      }
      if (origin.mode === 'live') {
        assertInScope(ctx.actor, old.org_id, '河涌');
        checkVersion(old, input.version);
      }
    }
    if (!old && origin.mode === 'historical' && input.name) old = byName.get(input.name.trim());
    const oldSections = old ? sectionsOf(old.id).map((s) => s.name) : [];
    const merged: RiverInput = old
      ? {
          name: old.name,
          lengthKm: old.length_km == null ? null : Number(old.length_km),
          streetOrgIds: old.street_org_ids,
          chief: old.chief,
          sections: oldSections,
          waterType: old.water_type,
          ...input,
        }
      : input;
    const v = attempt(origin, { row: input.row, columns: RIVER_COLUMNS, errs: errs }, () => {
      const r = riverValues(streets, home, merged);
      if (!old) assertInScope(ctx.actor, r.values.org_id, '河涌的负责单位');
      return r;
    });
    if (!v) continue;
    // The owner (the first street, else the river department) of a new river, or of one
    // moved by a change of streets, must lie within the actor's scope.
    if (origin.mode === 'live' && (!old || old.org_id !== v.values.org_id))
      await ownerOrgForCreate({ db: w.tx, actor: ctx.actor }, v.values.org_id as string, '河涌的负责单位');
    const clash = byName.get(v.values.name);
    if (clash && clash.id !== old?.id) {
      rowFailure(origin, errs, { row: input.row, column: '河涌名称', value: v.values.name }, errors.duplicate('name', `河涌“${v.values.name}”已在名录中`));
      continue;
    }
    if (seen.has(v.values.name)) {
      rowFailure(origin, errs, { row: input.row, column: '河涌名称', value: v.values.name }, errors.duplicate('name', `与第${seen.get(v.values.name)}行重复`));
      continue;
    }
    seen.set(v.values.name, input.row ?? 0);
    const id = old?.id ?? crypto.randomUUID();
    const taken = v.sections.find((s) => (owner.has(s) && owner.get(s) !== old?.id) || (sectionInFile.has(s) && sectionInFile.get(s)!.river !== v.values.name));
    if (taken) {
      rowFailure(
        origin,
        errs,
        { row: input.row, column: '监测断面', value: taken },
        errors.duplicate('sections', `监测断面“${taken}”已属于其他河涌（断面名称在全区须唯一）`),
      );
      continue;
    }
    for (const s of v.sections) sectionInFile.set(s, { river: v.values.name, row: input.row ?? 0 });
    const drop = old
      ? sectionsOf(old.id)
          .filter((s) => !v.sections.includes(s.name))
          .map((s) => ({ id: s.id, name: s.name }))
      : [];
    const add = v.sections.filter((s) => !oldSections.includes(s));
    items.push({
      row: input.row,
      old,
      id,
      values: v.values,
      want: v.sections,
      drop,
      add,
      force: drop.length + add.length > 0 || (!!old && diffFields({ s: oldSections }, { s: v.sections }).length > 0),
    });
  }
  const dropIds = items.flatMap((it) => it.drop.map((d) => d.id));
  if (dropIds.length) {
    const usedIds = await sectionsWithSamples(w.tx, tenantId, dropIds);
    for (const it of items) {
      const d = it.drop.find((x) => usedIds.has(x.id));
      if (d)
        rowFailure(
          origin,
          errs,
          { row: it.row, column: '监测断面', value: d.name },
          errors.validation('sections', `监测断面“${d.name}”已有监测记录，不能删除`),
        );
    }
  }
  if (errs.length) return { created: 0, updated: 0, unchanged: 0, errors: errs.sort((a, b) => a.row - b.row), rows: [] };
  const want = new Map(items.map((it) => [it.id, it.want]));
  const had = new Map(items.filter((it) => it.old).map((it) => [it.id, sectionsOf(it.id).map((s) => s.name)]));
  const res = await persist(ctx, w, origin, {
    table: 'river',
    entity: 'rivers.river',
    items,
    view: (r: RiversRow<'river'>) => riverAudit(r, want.get(r.id) ?? []),
    viewBefore: (r: RiversRow<'river'>) => riverAudit(r, had.get(r.id) ?? []),
  });
  // Sections: removed (a form only: an import never drops one), added, and moved with the river's owner.
  const written = items.filter((_, i) => res.actions[i] !== 'unchanged');
  if (dropIds.length) await deleteSections(w.tx, tenantId, dropIds);
  const orgOf = new Map(res.rows.map((r) => [r.id, r.org_id]));
  await insertMany(
    w.tx,
    'river_section',
    written.flatMap((it) =>
      it.add.map((name) => ({ tenant_id: tenantId, id: crypto.randomUUID(), org_id: orgOf.get(it.id)!, river_id: it.id, name, sort: it.want.indexOf(name) })),
    ),
  );
  const moved = written
    .filter((it) => it.old && it.old.org_id !== orgOf.get(it.id))
    .map((it) => ({ tenant_id: tenantId, river_id: it.id, org_id: orgOf.get(it.id)! }));
  await updateMany(w.tx, 'river_section', ['tenant_id', 'river_id'], moved);
  await updateMany(w.tx, 'water_sample', ['tenant_id', 'river_id'], moved);
  // A river whose type changed (河流 ↔ 湖泊/水库) has its samples classified again by the other limits.
  const retyped = new Map(written.filter((it) => it.old && it.old.water_type !== it.values.water_type).map((it) => [it.id, it.values.water_type as WaterType]));
  if (retyped.size) {
    const samples = await samplesOfRivers(w.tx, tenantId, [...retyped.keys()]);
    const changed = samples
      .map((s) => ({ tenant_id: tenantId, id: s.id, gb_class: classify(classInputs(sampleValues(s)), retyped.get(s.river_id)).class, was: s.gb_class }))
      .filter((x) => x.gb_class !== x.was)
      .map(({ was: _w, ...x }) => x);
    await updateMany(w.tx, 'water_sample', ['tenant_id', 'id'], changed);
  }
  return { created: res.created, updated: res.updated, unchanged: res.unchanged, errors: [], rows: res.rows as RiversRow<'river'>[] };
}

/** 新增河涌 (audit `rivers.river.created`). */
export async function createRiver(ctx: Ctx, input: RiverInput) {
  return write(ctx, async (w) => (await saveRivers(ctx, w, [pick(input, RIVER_INPUT_KEYS)], { mode: 'live' })).rows[0]!);
}

/** 修改河涌 (河长、街道、断面…); stale version → 409. Audit `rivers.river.updated`. */
export async function updateRiver(ctx: Ctx, id: string, version: number, input: RiverInput) {
  return write(ctx, async (w) => (await saveRivers(ctx, w, [{ ...pick(input, RIVER_INPUT_KEYS), id, version }], { mode: 'live' })).rows[0]!);
}

/** The keys an input really carries (a form's PATCH: absent keys keep the stored value). */
function pick<T extends object>(input: T, keys: ReadonlyArray<keyof T>): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) if (k in input) out[k] = input[k];
  return out;
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
  /** 总氮 — assessed for lakes and reservoirs only (GB 3838-2002 表1 第9项). */
  tnMgl?: number | null;
}

/** Ledger column of each sample field (水质监测). */
export const SAMPLE_COLUMNS: Readonly<Record<string, string>> = {
  riverId: '河涌名称',
  sectionId: '断面',
  sampledOn: '采样日期',
  transparencyCm: '透明度 (cm)',
  depthCm: '水深 (cm)',
  doMgl: '溶解氧 (mg/L)',
  orpMv: '氧化还原电位 (mV)',
  nh3nMgl: '氨氮 (mg/L)',
  tpMgl: '总磷 (mg/L)',
  codMgl: '化学需氧量 (mg/L)',
  codmnMgl: '高锰酸盐指数 (mg/L)',
  bod5Mgl: '五日生化需氧量 (mg/L)',
  tnMgl: '总氮 (mg/L)',
};

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
    tn_mgl: check.num('tnMgl', '总氮（mg/L）', i.tnMgl, { min: 0, max: 1000 }),
  };
  if (m.transparency_cm != null && m.depth_cm != null && m.depth_cm > 0 && m.transparency_cm > m.depth_cm)
    throw errors.validation('transparencyCm', '透明度不能大于水深');
  if (Object.values(m).every((v) => v == null)) throw errors.validation('doMgl', '请至少填写一项监测指标');
  return m;
}

/** The GB 3838 inputs of a sample's values (as `sampleValues` presents them). */
export function classInputs(v: ReturnType<typeof sampleValues>) {
  return { do: v.doMgl, codmn: v.codmnMgl, cod: v.codMgl, bod5: v.bod5Mgl, nh3n: v.nh3nMgl, tp: v.tpMgl, tn: v.tnMgl };
}

/**
 * A sample's class (GB 3838-2002, by the limits of its water body's type: 湖、库 总磷 and
 * 总氮 for a lake or reservoir) and black-odour grade, from its measures.
 */
export function judge(m: ReturnType<typeof sampleMeasures>, type: WaterType = DEFAULT_WATER_TYPE) {
  const c = classify({ do: m.do_mgl, codmn: m.codmn_mgl, cod: m.cod_mgl, bod5: m.bod5_mgl, nh3n: m.nh3n_mgl, tp: m.tp_mgl, tn: m.tn_mgl }, type);
  const g = gradeBlackOdour({ transparencyCm: m.transparency_cm, depthCm: m.depth_cm, doMgl: m.do_mgl, orpMv: m.orp_mv, nh3nMgl: m.nh3n_mgl });
  return { gb_class: c.class, black_grade: g.grade, byParam: g.byParam };
}

const BLACK_LABELS: Record<string, string> = { transparency: '透明度', do: '溶解氧', orp: '氧化还原电位', nh3n: '氨氮' };

export interface NewSample {
  row?: number;
  river: { id: string; name: string; org_id: string; chief: string | null; water_type: WaterType };
  section: { id: string; name: string } | null;
  sampledOn: string;
  measures: ReturnType<typeof sampleMeasures>;
}

/** What a black-odour alert's history shows. */
function alertView(a: AnyRow, river: string, chief: string | null) {
  return { river, grade: a.grade, raisedOn: a.raised_on, message: a.message, chief };
}

/**
 * Writes checked samples with their class and grade; a sample graded black-odorous
 * raises an alert to the river's owner (its org; the river chief is named) in the
 * same transaction. Live: audit `rivers.sample.recorded` per sample and
 * `rivers.alert.raised` per alert; historical: each sample and alert traced. Called by
 * `saveSamples` (forms, imports) and the demo (bulk, live).
 */
export async function insertSamples(ctx: Ctx, w: WriteScope, samples: readonly NewSample[], origin: WriteOrigin) {
  const tenantId = ctx.actor.tenantId;
  const judged = samples.map((s) => judge(s.measures, s.river.water_type));
  const sampleRows = samples.map((s, k) => ({
    tenant_id: tenantId,
    id: crypto.randomUUID(),
    org_id: s.river.org_id,
    river_id: s.river.id,
    section_id: s.section?.id ?? null,
    sampled_on: s.sampledOn,
    ...s.measures,
    gb_class: judged[k]!.gb_class,
    black_grade: judged[k]!.black_grade,
    created_by: ctx.actor.name,
  }));
  const alertRows = sampleRows
    .map((r, k) => ({ r, s: samples[k]!, j: judged[k]! }))
    .filter(({ j }) => j.black_grade === 'light' || j.black_grade === 'severe')
    .map(({ r, s, j }) => {
      const why = Object.entries(j.byParam)
        .filter(([, g]) => g !== 'none')
        .map(([p, g]) => `${BLACK_LABELS[p]}${BLACK_GRADE_LABELS[g!]}`)
        .join('、');
      return {
        tenant_id: tenantId,
        id: crypto.randomUUID(),
        org_id: s.river.org_id,
        river_id: s.river.id,
        sample_id: r.id,
        grade: j.black_grade as 'light' | 'severe',
        raised_on: s.sampledOn,
        message: `${s.river.name}${s.section ? `${s.section.name}断面` : ''}${s.sampledOn}水样判定为${BLACK_GRADE_LABELS[j.black_grade!]}（${why}；依据${BLACK_THRESHOLDS.source}），请河长${s.river.chief ?? ''}及属地立即核查处置`,
      };
    });
  await insertMany(w.tx, 'water_sample', sampleRows);
  await insertMany(w.tx, 'river_alert', alertRows);
  const ids = sampleRows.map((r) => r.id);
  const stored = new Map((await samplesByIds(w.tx, tenantId, ids)).map((r) => [r.id, r]));
  const alerts = new Map((await alertsOfSamples(w.tx, tenantId, ids)).map((a) => [a.sample_id, a]));
  const out: Array<{ sample: RiversRow<'water_sample'>; alert: RiversRow<'river_alert'> | null }> = [];
  const events: AuditInput[] = [];
  const traces: TraceEntry[] = [];
  const via = origin.mode === 'live' && origin.via ? { via: origin.via } : null;
  samples.forEach((s, k) => {
    const r = stored.get(ids[k]!)!;
    const a = alerts.get(r.id) ?? null;
    out.push({ sample: r, alert: a });
    const sampleView = sampleAudit(r, s.river.name, s.section?.name ?? null);
    if (origin.mode === 'historical') {
      traces.push({ row: s.row ?? 0, entity: 'rivers.sample', entityId: r.id, action: 'created', orgId: r.org_id, values: sampleView });
      if (a)
        traces.push({
          row: s.row ?? 0,
          entity: 'rivers.alert',
          entityId: a.id,
          action: 'created',
          orgId: a.org_id,
          values: alertView(a, s.river.name, s.river.chief),
        });
    } else {
      events.push({ entity: 'rivers.sample', entityId: r.id, action: 'recorded', orgId: r.org_id, after: sampleView, ...(via ? { note: via } : {}) });
      if (a)
        events.push({
          entity: 'rivers.alert',
          entityId: a.id,
          action: 'raised',
          orgId: a.org_id,
          after: alertView(a, s.river.name, s.river.chief),
          note: { sampleId: r.id },
        });
    }
  });
  if (origin.mode === 'historical') origin.imp.trace(traces);
  else await w.auditMany(events);
  return out;
}

export interface SampleSave extends SampleInput {
  row?: number;
}

/**
 * Records water samples — the one write path of 水质监测 (the form: one, live; the
 * 水质监测 import: many, historical). Each sample is classified (GB 3838-2002) and
 * graded (black-odour guideline); a black-odorous one raises its alert to the
 * river's owner in the same transaction, whichever way it came in. A sample is one
 * per river, section and date: a form refuses a second (409); an import leaves an
 * identical one unchanged and refuses different values (the record is corrected,
 * with its history, not overwritten by a file). A date in the future cannot be.
 */
export async function saveSamples(
  ctx: Ctx,
  w: WriteScope,
  inputs: readonly SampleSave[],
  origin: WriteOrigin,
): Promise<SaveSummary & { out: Awaited<ReturnType<typeof insertSamples>> }> {
  const tenantId = ctx.actor.tenantId;
  const errs: RowError[] = [];
  const checked: Array<{ input: SampleSave; sampledOn: string; measures: ReturnType<typeof sampleMeasures> }> = [];
  for (const input of inputs) {
    const v = attempt(origin, { row: input.row, columns: SAMPLE_COLUMNS, errs: errs }, () => {
      const sampledOn = check.date('sampledOn', '采样日期', input.sampledOn, { required: true })!;
      if (sampledOn > ctx.clock.today()) throw errors.validation('sampledOn', '采样日期不能晚于今天');
      if (!input.riverId || !UUID.test(input.riverId)) throw errors.validation('riverId', '请选择河涌');
      return { input, sampledOn, measures: sampleMeasures(input) };
    });
    if (v) checked.push(v);
  }
  const riverIds = [...new Set(checked.map((c) => c.input.riverId!))];
  const rivers = new Map((await riverHeadsByIds(w.tx, tenantId, riverIds)).map((r) => [r.id, r]));
  const sections = new Map((await sectionHeadsOfRivers(w.tx, tenantId, riverIds)).map((s) => [s.id, s]));
  const dates = [...new Set(checked.map((c) => c.sampledOn))].filter((d) => isIsoDate(d));
  const key = (riverId: string, sectionId: string | null | undefined, d: string) => `${riverId}|${sectionId ?? ''}|${d}`;
  const existing = new Map((await samplesOfRiversOn(w.tx, tenantId, { riverIds, dates })).map((s) => [key(s.river_id, s.section_id, s.sampled_on), s]));
  const fresh: NewSample[] = [];
  const seen = new Map<string, number>();
  let unchanged = 0;
  for (const { input, sampledOn, measures } of checked) {
    const river = rivers.get(input.riverId!);
    if (!river) {
      rowFailure(origin, errs, { row: input.row, column: SAMPLE_COLUMNS.riverId! }, errors.validation('riverId', '河涌不存在'));
      continue;
    }
    if (!inScope(ctx.actor, river.org_id)) {
      rowFailure(
        origin,
        errs,
        { row: input.row, column: SAMPLE_COLUMNS.riverId!, value: river.name },
        origin.mode === 'live' ? errors.notFound('河涌') : errors.validation('riverId', '不是本单位负责的河涌'),
      );
      continue;
    }
    const section = input.sectionId ? sections.get(input.sectionId) : null;
    if (input.sectionId && (!section || section.river_id !== river.id)) {
      rowFailure(origin, errs, { row: input.row, column: SAMPLE_COLUMNS.sectionId! }, errors.validation('sectionId', '该河涌没有此监测断面'));
      continue;
    }
    const k = key(river.id, section?.id, sampledOn);
    const label = `${river.name}${section ? `${section.name}断面` : ''}${sampledOn}`;
    if (seen.has(k)) {
      rowFailure(
        origin,
        errs,
        { row: input.row, column: SAMPLE_COLUMNS.sampledOn!, value: sampledOn },
        errors.duplicate('sampledOn', `与第${seen.get(k)}行是同一河涌、断面、日期的监测`),
      );
      continue;
    }
    seen.set(k, input.row ?? 0);
    const old = existing.get(k);
    if (old) {
      if (origin.mode === 'live') throw errors.duplicate('sampledOn', `${label}已有监测记录`);
      const now = {
        transparencyCm: measures.transparency_cm,
        depthCm: measures.depth_cm,
        doMgl: measures.do_mgl,
        orpMv: measures.orp_mv,
        nh3nMgl: measures.nh3n_mgl,
        tpMgl: measures.tp_mgl,
        codMgl: measures.cod_mgl,
        codmnMgl: measures.codmn_mgl,
        bod5Mgl: measures.bod5_mgl,
        tnMgl: measures.tn_mgl,
      };
      const diff = diffFields(sampleValues(old), now);
      if (diff.length)
        errs.push({
          row: input.row ?? 0,
          column: SAMPLE_COLUMNS[diff[0]!.field] ?? '采样日期',
          message: `已有该河涌、断面、日期的监测记录，且数值不同（原为${diff[0]!.before ?? '空'}）：请在系统中更正原记录`,
          value: String(diff[0]!.after ?? ''),
        });
      else unchanged++;
      continue;
    }
    fresh.push({ row: input.row, river, section: section ? { id: section.id, name: section.name } : null, sampledOn, measures });
  }
  if (errs.length) return { created: 0, updated: 0, unchanged: 0, errors: errs.sort((a, b) => a.row - b.row), out: [] };
  const out = await insertSamples(ctx, w, fresh, origin);
  return { created: fresh.length, updated: 0, unchanged, errors: [], out };
}

/** 录入水质监测 — classifies and grades the sample; a black-odorous one raises the alert in the same transaction. */
export async function recordSample(ctx: Ctx, input: SampleInput) {
  return write(ctx, async (w) => (await saveSamples(ctx, w, [input], { mode: 'live' })).out[0]!);
}

/** 处置预警 — the owner records what was done (audit `rivers.alert.handled`). */
export async function handleAlert(ctx: Ctx, id: string, version: number, input: { note?: string }) {
  const note = check.text('note', '处置情况', input.note, { required: true, max: 1000 })!;
  return write(ctx, async (w) => {
    const { row } = await updateVersioned(w, {
      table: 'river_alert',
      tenantId: ctx.actor.tenantId,
      id,
      version,
      label: '预警',
      inScope: (a) => inScope(ctx.actor, a.org_id),
      check: (a) => {
        if (a.status === 'handled') throw errors.gate('ALERT_HANDLED', '该预警已处置');
      },
      patch: { status: 'handled', handled_on: ctx.clock.today(), handled_by: ctx.actor.name, handled_note: note },
      audit: {
        entity: 'rivers.alert',
        action: 'handled',
        orgId: (a) => a.org_id,
        before: (a) => ({ status: a.status }),
        after: (r) => ({ status: r.status, handledOn: r.handled_on, handledBy: r.handled_by, handledNote: note }),
      },
      ifUnchanged: 'write',
    });
    return row as Selectable<RiversTables['river_alert']>;
  });
}
