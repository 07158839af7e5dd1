import type { LedgerDef, RowError } from '../../core/ledger/ledger.js';
import { defineLedgerSpec, type RowOf } from '../../core/ledger/spec.js';
import { orgNames, streetsByName } from './input.js';
import { listRivers, listSamples, listSections, riverIdsByNames, sectionHeadsOfRivers, sectionNamesOfRivers, type SampleFilter } from './repository.js';
import { saveRivers, saveSamples, type RiverSave, type SampleSave } from './commands.js';
import { dropAlerts, dropImportedSections } from './undo.js';
import { sampleValues } from './presenters.js';
import { WATER_TYPES } from './rules.js';

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
    // Not in the LEDGERS.md contract: an optional column; absent or empty, a new river is a 河流
    // and a known one keeps its type (GB 3838-2002 表1: 湖、库 have their own 总磷 and 总氮 limits).
    { key: 'waterType', header: '水体类型', type: 'enum', enum: WATER_TYPES, example: '河流' },
  ],
});
type RiverRow = RowOf<typeof riversSpec>;

/** Matched on 河涌名称; sections are added (an import never removes a section). */
export const riversLedger: LedgerDef<RiverRow> = {
  spec: riversSpec,
  readPermission: 'rivers.read',
  writePermission: 'rivers.write',
  async commit(imp, rows) {
    const { ctx } = imp;
    const tenantId = ctx.actor.tenantId;
    const streets = await streetsByName(ctx.db, tenantId);
    // The stored sections of the rivers named (one query): the file's sections are added to them.
    const stored = await sectionNamesOfRivers(
      ctx.db,
      tenantId,
      rows.map((x) => x.value.name),
    );
    const errors: RowError[] = [];
    const inputs: RiverSave[] = [];
    for (const { rowNumber: row, value: v } of rows) {
      const unknown = (v.streets ?? []).filter((s) => !streets.find(s));
      for (const s of unknown) errors.push({ row, column: '所在街道', message: `“${s}”不是本局的街道`, value: s });
      if (unknown.length) continue;
      const had = stored.filter((x) => x.river === v.name).map((x) => x.section);
      inputs.push({
        row,
        name: v.name,
        lengthKm: v.lengthKm,
        streetOrgIds: (v.streets ?? []).map((s) => streets.find(s)!.id),
        chief: v.chief,
        sections: [...new Set([...had, ...(v.sections ?? [])])],
        ...(v.waterType ? { waterType: v.waterType } : {}),
      });
    }
    if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };
    const { created, updated, unchanged, errors: rowErrors } = await saveRivers(ctx, imp.w, inputs, { mode: 'historical', imp });
    return { created, updated, unchanged, errors: rowErrors };
  },
  async exportRows(ctx) {
    const names = await orgNames(ctx.db, ctx.actor.tenantId);
    const rs = await listRivers(ctx);
    const secs = await listSections(ctx);
    return rs.map((r) => ({
      name: r.name,
      lengthKm: r.length_km == null ? null : Number(r.length_km),
      streets: r.street_org_ids.map((id) => names.get(id) ?? id),
      chief: r.chief,
      sections: secs.filter((s) => s.river_id === r.id).map((s) => s.name),
      waterType: r.water_type,
    }));
  },
  undo: { table: 'river', beforeDelete: dropImportedSections },
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
    // Not in the LEDGERS.md contract: optional; used for a lake's or reservoir's class only (GB 3838-2002 表1 第9项).
    { key: 'tnMgl', header: '总氮 (mg/L)', type: 'decimal' },
  ],
});
type SampleRow = RowOf<typeof samplesSpec>;

/**
 * Matched on 河涌名称 + 断面 + 采样日期: a known sample is left unchanged when its
 * values are the same and refused when they differ (a measured value is corrected
 * on the record, with its history, not overwritten by a file). New samples go
 * through the form's own function: classified, graded and alerted alike.
 */
export const samplesLedger: LedgerDef<SampleRow> = {
  spec: samplesSpec,
  readPermission: 'rivers.read',
  writePermission: 'rivers.samples',
  async commit(imp, rows) {
    const { ctx } = imp;
    const tenantId = ctx.actor.tenantId;
    const names = [...new Set(rows.map((r) => r.value.river))];
    const rivers = new Map((await riverIdsByNames(ctx.db, tenantId, names)).map((r) => [r.name, r]));
    const sections = await sectionHeadsOfRivers(
      ctx.db,
      tenantId,
      [...rivers.values()].map((r) => r.id),
    );
    const sectionOf = new Map(sections.map((s) => [`${s.river_id}|${s.name}`, s.id]));
    const errors: RowError[] = [];
    const inputs: SampleSave[] = [];
    for (const { rowNumber: row, value: v } of rows) {
      const river = rivers.get(v.river);
      if (!river) {
        errors.push({ row, column: '河涌名称', message: '河涌名录中没有此河涌，请先导入河涌名录', value: v.river });
        continue;
      }
      const sectionId = v.section ? sectionOf.get(`${river.id}|${v.section}`) : null;
      if (v.section && !sectionId) {
        errors.push({ row, column: '断面', message: `${v.river}没有名为“${v.section}”的监测断面`, value: v.section });
        continue;
      }
      const { river: _r, section: _s, ...measures } = v;
      inputs.push({ row, riverId: river.id, sectionId, ...measures });
    }
    if (errors.length) return { created: 0, updated: 0, unchanged: 0, errors };
    const { created, updated, unchanged, errors: rowErrors } = await saveSamples(ctx, imp.w, inputs, { mode: 'historical', imp });
    return { created, updated, unchanged, errors: rowErrors };
  },
  // `filter`: the sample list's filters (its export: exactly the list's rows, in its order); absent: every sample in scope, oldest first.
  async exportRows(ctx, filter) {
    const rivers = new Map((await listRivers(ctx)).map((r) => [r.id, r.name]));
    const sections = new Map((await listSections(ctx)).map((s) => [s.id, s.name]));
    const rows = filter ? await listSamples(ctx, filter as SampleFilter) : (await listSamples(ctx)).reverse();
    return rows.map((s) => ({
      river: rivers.get(s.river_id) ?? '',
      section: s.section_id ? (sections.get(s.section_id) ?? null) : null,
      sampledOn: s.sampled_on,
      ...sampleValues(s),
    }));
  },
  undo: { table: 'water_sample', beforeDelete: dropAlerts },
};

export const riversLedgers = [riversLedger, samplesLedger];
