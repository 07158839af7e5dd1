import type { LedgerDef, RowError } from '../../core/ledger/ledger.js';
import { defineLedgerSpec, type RowOf } from '../../core/ledger/spec.js';
import { AppError } from '../../core/errors.js';
import { diffFields } from '../../core/audit/audit.js';
import { homeOrg, orgNames, RIVER_DEPARTMENT, streetsByName } from './input.js';
import { listRivers, listSamples, listSections, t } from './repository.js';
import { insertSamples, sampleMeasures, type NewSample } from './commands.js';
import { riverAudit, sampleValues } from './presenters.js';

// ─────────────── 河涌名录 ───────────────
export const riversSpec = defineLedgerSpec({
  key: 'rivers',
  title: '河涌名录',
  columns: [
    { key: 'name', header: '河涌名称', type: 'text', required: true, example: '猎德涌' },
    { key: 'lengthKm', header: '长度 (km)', type: 'decimal' },
    { key: 'streets', header: '所在街道', type: 'list', example: '猎德街道、冼村街道' },
    { key: 'chief', header: '河长', type: 'text' },
    { key: 'sections', header: '监测断面', type: 'list', example: '猎德' },
  ],
});
type RiverRow = RowOf<typeof riversSpec>;

/** Matched on 河涌名称; sections are added (a section with samples is never removed by an import). */
export const riversLedger: LedgerDef<RiverRow> = {
  spec: riversSpec,
  readPermission: 'rivers.read',
  writePermission: 'rivers.write',
  async commit({ ctx, w }, rows) {
    const tenantId = ctx.actor.tenantId;
    const streets = await streetsByName(w.tx, tenantId);
    const home = await homeOrg(w.tx, tenantId, RIVER_DEPARTMENT);
    const existing = new Map((await t(w.tx).selectFrom('river').selectAll().where('tenant_id', '=', tenantId).execute()).map((r) => [r.name, r]));
    const sections = await t(w.tx).selectFrom('river_section').selectAll().where('tenant_id', '=', tenantId).execute();
    const errors: RowError[] = [];
    const seen = new Map<string, number>();
    const sectionOwner = new Map(sections.map((s) => [s.name, s.river_id]));
    const inFileSection = new Map<string, string>();
    for (const { rowNumber, value: v } of rows) {
      if (seen.has(v.name)) errors.push({ row: rowNumber, column: '河涌名称', message: `与第${seen.get(v.name)}行重复`, value: v.name });
      seen.set(v.name, rowNumber);
      for (const s of v.streets ?? []) if (!streets.find(s)) errors.push({ row: rowNumber, column: '所在街道', message: `“${s}”不是本局的街道`, value: s });
      if (v.lengthKm != null && v.lengthKm < 0) errors.push({ row: rowNumber, column: '长度 (km)', message: '不能为负数', value: String(v.lengthKm) });
      for (const s of v.sections ?? []) {
        const owner = sectionOwner.get(s);
        const mine = existing.get(v.name)?.id;
        if ((owner && owner !== mine) || (inFileSection.has(s) && inFileSection.get(s) !== v.name)) errors.push({ row: rowNumber, column: '监测断面', message: `断面“${s}”已属于其他河涌（断面名称在全区须唯一）`, value: s });
        inFileSection.set(s, v.name);
      }
    }
    if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };
    let created = 0;
    let updated = 0;
    let unchanged = 0;
    const events = [];
    for (const { value: v } of rows) {
      const ids = (v.streets ?? []).map((s) => streets.find(s)!.id);
      const next = { name: v.name, length_km: v.lengthKm, street_org_ids: ids, chief: v.chief, org_id: ids[0] ?? home };
      const old = existing.get(v.name);
      const oldSections = old ? sections.filter((s) => s.river_id === old.id).map((s) => s.name) : [];
      const wantSections = [...new Set([...oldSections, ...(v.sections ?? [])])];
      let row;
      if (!old) {
        row = await t(w.tx).insertInto('river').values({ tenant_id: tenantId, ...next }).returningAll().executeTakeFirstOrThrow();
        created++;
      } else {
        const before = { name: old.name, length_km: old.length_km == null ? null : Number(old.length_km), street_org_ids: old.street_org_ids, chief: old.chief, org_id: old.org_id, sections: oldSections };
        if (!diffFields(before, { ...next, sections: wantSections }).length) {
          unchanged++;
          continue;
        }
        row = await t(w.tx).updateTable('river').set({ ...next, version: old.version + 1, updated_at: new Date() }).where('tenant_id', '=', tenantId).where('id', '=', old.id).returningAll().executeTakeFirstOrThrow();
        updated++;
      }
      const add = wantSections.filter((s) => !oldSections.includes(s));
      if (add.length) await t(w.tx).insertInto('river_section').values(add.map((name) => ({ tenant_id: tenantId, org_id: row.org_id, river_id: row.id, name, sort: wantSections.indexOf(name) }))).execute();
      events.push({ entity: 'rivers.river', entityId: row.id, action: old ? 'updated' : 'created', orgId: row.org_id, before: old ? riverAudit(old, oldSections) : null, after: riverAudit(row, wantSections), note: { via: 'ledger:rivers' } });
    }
    await w.auditMany(events);
    return { created, updated, unchanged, errors: [] };
  },
  async exportRows(ctx) {
    const names = await orgNames(ctx.db, ctx.actor.tenantId);
    const rs = await listRivers(ctx);
    const secs = await listSections(ctx);
    return rs.map((r) => ({ name: r.name, lengthKm: r.length_km == null ? null : Number(r.length_km), streets: r.street_org_ids.map((id) => names.get(id) ?? id), chief: r.chief, sections: secs.filter((s) => s.river_id === r.id).map((s) => s.name) }));
  },
};

// ─────────────── 水质监测 ───────────────
export const samplesSpec = defineLedgerSpec({
  key: 'water-samples',
  title: '水质监测',
  columns: [
    { key: 'river', header: '河涌名称', type: 'text', required: true },
    { key: 'section', header: '断面', type: 'text' },
    { key: 'sampledOn', header: '采样日期', type: 'date', required: true },
    { key: 'transparencyCm', header: '透明度 (cm)', type: 'decimal' },
    { key: 'depthCm', header: '水深 (cm)', type: 'decimal' },
    { key: 'doMgl', header: '溶解氧 (mg/L)', type: 'decimal' },
    { key: 'orpMv', header: '氧化还原电位 (mV)', type: 'decimal' },
    { key: 'nh3nMgl', header: '氨氮 (mg/L)', type: 'decimal' },
    { key: 'tpMgl', header: '总磷 (mg/L)', type: 'decimal' },
    { key: 'codMgl', header: '化学需氧量 (mg/L)', type: 'decimal' },
    { key: 'codmnMgl', header: '高锰酸盐指数 (mg/L)', type: 'decimal' },
    { key: 'bod5Mgl', header: '五日生化需氧量 (mg/L)', type: 'decimal' },
  ],
});
type SampleRow = RowOf<typeof samplesSpec>;
const SAMPLE_HEADERS = Object.fromEntries(samplesSpec.columns.map((c) => [c.key, c.header])) as Record<string, string>;

/**
 * Matched on 河涌名称 + 断面 + 采样日期: a known sample is left unchanged when its
 * values are the same and refused when they differ (a measured value is corrected
 * on the record, with its history, not overwritten by a file). New samples are
 * classified, graded and alerted like samples entered by hand.
 */
export const samplesLedger: LedgerDef<SampleRow> = {
  spec: samplesSpec,
  readPermission: 'rivers.read',
  writePermission: 'rivers.samples',
  async commit({ ctx, w }, rows) {
    const tenantId = ctx.actor.tenantId;
    const rivers = new Map((await t(w.tx).selectFrom('river').select(['id', 'name', 'org_id', 'chief']).where('tenant_id', '=', tenantId).execute()).map((r) => [r.name, r]));
    const sections = await t(w.tx).selectFrom('river_section').select(['id', 'name', 'river_id']).where('tenant_id', '=', tenantId).execute();
    const existing = await t(w.tx).selectFrom('water_sample').selectAll().where('tenant_id', '=', tenantId).execute();
    const key = (riverId: string, sectionId: string | null, d: string) => `${riverId}|${sectionId ?? ''}|${d}`;
    const byKey = new Map(existing.map((s) => [key(s.river_id, s.section_id, s.sampled_on), s]));
    const errors: RowError[] = [];
    const fresh: NewSample[] = [];
    const seen = new Map<string, number>();
    let unchanged = 0;
    for (const { rowNumber, value: v } of rows) {
      const river = rivers.get(v.river);
      if (!river) {
        errors.push({ row: rowNumber, column: '河涌名称', message: '河涌名录中没有此河涌，请先导入河涌名录', value: v.river });
        continue;
      }
      if (!ctx.actor.scope.all && !ctx.actor.scope.orgIds.includes(river.org_id)) {
        errors.push({ row: rowNumber, column: '河涌名称', message: '不是本单位负责的河涌', value: v.river });
        continue;
      }
      const section = v.section ? sections.find((s) => s.name === v.section && s.river_id === river.id) : null;
      if (v.section && !section) {
        errors.push({ row: rowNumber, column: '断面', message: `${v.river}没有名为“${v.section}”的监测断面`, value: v.section });
        continue;
      }
      let measures;
      try {
        measures = sampleMeasures(v);
      } catch (e) {
        const field = e instanceof AppError ? e.field ?? '' : '';
        errors.push({ row: rowNumber, column: SAMPLE_HEADERS[field] ?? '溶解氧 (mg/L)', message: (e as Error).message });
        continue;
      }
      const k = key(river.id, section?.id ?? null, v.sampledOn);
      if (seen.has(k)) {
        errors.push({ row: rowNumber, column: '采样日期', message: `与第${seen.get(k)}行是同一河涌、断面、日期的监测`, value: v.sampledOn });
        continue;
      }
      seen.set(k, rowNumber);
      const old = byKey.get(k);
      if (old) {
        const was = sampleValues(old);
        const now = { transparencyCm: measures.transparency_cm, depthCm: measures.depth_cm, doMgl: measures.do_mgl, orpMv: measures.orp_mv, nh3nMgl: measures.nh3n_mgl, tpMgl: measures.tp_mgl, codMgl: measures.cod_mgl, codmnMgl: measures.codmn_mgl, bod5Mgl: measures.bod5_mgl };
        const diff = diffFields(was, now);
        if (diff.length) errors.push({ row: rowNumber, column: SAMPLE_HEADERS[diff[0]!.field] ?? '采样日期', message: `已有该河涌、断面、日期的监测记录，且数值不同（原为${diff[0]!.before ?? '空'}）：请在系统中更正原记录`, value: String(diff[0]!.after ?? '') });
        else unchanged++;
        continue;
      }
      fresh.push({ river, section: section ? { id: section.id, name: section.name } : null, sampledOn: v.sampledOn, measures });
    }
    if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };
    await insertSamples(ctx, w, fresh, { via: 'ledger:water-samples' });
    return { created: fresh.length, updated: 0, unchanged, errors: [] };
  },
  async exportRows(ctx) {
    const rivers = new Map((await listRivers(ctx)).map((r) => [r.id, r.name]));
    const sections = new Map((await listSections(ctx)).map((s) => [s.id, s.name]));
    return (await listSamples(ctx)).reverse().map((s) => ({ river: rivers.get(s.river_id) ?? '', section: s.section_id ? sections.get(s.section_id) ?? null : null, sampledOn: s.sampled_on, ...sampleValues(s) }));
  },
};

export const riversLedgers = [riversLedger, samplesLedger];
