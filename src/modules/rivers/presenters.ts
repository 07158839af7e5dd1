import type { Selectable } from 'kysely';
import { BLACK_GRADE_LABELS, classify, DEFAULT_WATER_TYPE, gradeBlackOdour, type BlackGrade, type WaterType } from './rules.js';
import type { RiversTables } from './schema.js';
import type { AlertView, RiverView, SampleView } from './schemas.js';

type Row<K extends keyof RiversTables> = Selectable<RiversTables[K]>;
type Names = Map<string, string>;
const n = (v: unknown) => (v == null ? null : Number(v));

export function presentRiver(r: Row<'river'>, names: Names, sections: Array<Row<'river_section'>>): RiverView {
  return {
    id: r.id as string,
    name: r.name as string,
    lengthKm: n(r.length_km),
    orgId: r.org_id as string,
    owner: names.get(r.org_id) ?? '',
    streets: ((r.street_org_ids ?? []) as string[]).map((id) => names.get(id) ?? id),
    streetOrgIds: (r.street_org_ids ?? []) as string[],
    chief: r.chief as string | null,
    waterType: r.water_type as WaterType,
    sections: sections.filter((s) => s.river_id === r.id).map((s) => ({ id: s.id as string, name: s.name as string })),
    version: r.version as number,
  };
}

export function riverAudit(r: Row<'river'>, sections: string[]) {
  return { name: r.name, lengthKm: n(r.length_km), orgId: r.org_id, streetOrgIds: r.street_org_ids, chief: r.chief, waterType: r.water_type, sections };
}

/** A sample's measured values (the GB 3838 and black-odour inputs). */
export function sampleValues(r: Row<'water_sample'>) {
  return {
    transparencyCm: n(r.transparency_cm),
    depthCm: n(r.depth_cm),
    doMgl: n(r.do_mgl),
    orpMv: n(r.orp_mv),
    nh3nMgl: n(r.nh3n_mgl),
    tpMgl: n(r.tp_mgl),
    codMgl: n(r.cod_mgl),
    codmnMgl: n(r.codmn_mgl),
    bod5Mgl: n(r.bod5_mgl),
    tnMgl: n(r.tn_mgl),
  };
}

/** What a sample's presentation looks up: river and section names, and each river's water type. */
export interface SampleLookups {
  rivers: Map<string, string>;
  sections: Map<string, string>;
  types: Map<string, WaterType>;
}

/** A sample with its class and grade and why (per parameter, by its river's water type), as the API presents it. */
export function presentSample(r: Row<'water_sample'>, { rivers, sections, types }: SampleLookups): SampleView {
  const v = sampleValues(r);
  const waterType = types.get(r.river_id) ?? DEFAULT_WATER_TYPE;
  const c = classify({ do: v.doMgl, codmn: v.codmnMgl, cod: v.codMgl, bod5: v.bod5Mgl, nh3n: v.nh3nMgl, tp: v.tpMgl, tn: v.tnMgl }, waterType);
  const g = gradeBlackOdour(v);
  return {
    id: r.id as string,
    riverId: r.river_id as string,
    river: rivers.get(r.river_id) ?? '',
    waterType,
    sectionId: r.section_id as string | null,
    section: r.section_id ? (sections.get(r.section_id) ?? null) : null,
    sampledOn: r.sampled_on as string,
    ...v,
    gbClass: r.gb_class,
    classByParam: c.byParam,
    classDecidedBy: c.decidedBy,
    blackGrade: r.black_grade as BlackGrade | null,
    blackGradeLabel: r.black_grade ? BLACK_GRADE_LABELS[r.black_grade as BlackGrade] : '未评价',
    blackByParam: g.byParam,
    transparencyBound: g.transparencyBound,
    createdBy: r.created_by as string,
    orgId: r.org_id as string,
    version: r.version as number,
  };
}

export function sampleAudit(r: Row<'water_sample'>, river: string, section: string | null) {
  return { river, section, sampledOn: r.sampled_on, ...sampleValues(r), gbClass: r.gb_class, blackGrade: r.black_grade };
}

export function presentAlert(r: Row<'river_alert'>, names: Names, rivers: Map<string, string>): AlertView {
  return {
    id: r.id as string,
    riverId: r.river_id as string,
    river: rivers.get(r.river_id) ?? '',
    sampleId: r.sample_id as string,
    orgId: r.org_id as string,
    owner: names.get(r.org_id) ?? '',
    grade: r.grade as 'light' | 'severe',
    gradeLabel: BLACK_GRADE_LABELS[r.grade as BlackGrade],
    raisedOn: r.raised_on as string,
    message: r.message as string,
    status: r.status as 'open' | 'handled',
    handledOn: r.handled_on as string | null,
    handledBy: r.handled_by as string | null,
    handledNote: r.handled_note as string | null,
    version: r.version as number,
  };
}
