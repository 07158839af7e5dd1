import type { ColumnType, Generated } from 'kysely';
import type { DateCol, Instant } from '../../core/db/types.js';
import type { BlackGrade, WaterClass, WaterType } from './rules.js';

type Default<T> = ColumnType<T, T | undefined, T>;
type Num = ColumnType<number, number | string, number | string>;
/** A numeric column read back as text (pg) or number (PGlite), written as a number, nullable. */
type Coord = ColumnType<string | number | null, number | null | undefined, number | null>;

/** The rivers module's tables. */
export type RiversTables = {
  river: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    name: string;
    length_km: Num | null;
    street_org_ids: Default<string[]>;
    chief: string | null;
    /** 水体类型 (河流 / 湖泊 / 水库), default 河流. */
    water_type: Default<WaterType>;
    version: Default<number>;
    created_at: Instant;
    updated_at: Instant;
  };
  river_section: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    river_id: string;
    name: string;
    sort: Default<number>;
    created_at: Instant;
  };
  water_sample: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    river_id: string;
    section_id: string | null;
    sampled_on: DateCol;
    transparency_cm: Num | null;
    depth_cm: Num | null;
    do_mgl: Num | null;
    orp_mv: Num | null;
    nh3n_mgl: Num | null;
    tp_mgl: Num | null;
    cod_mgl: Num | null;
    codmn_mgl: Num | null;
    bod5_mgl: Num | null;
    /** 总氮 (mg/L) — assessed for lakes and reservoirs only. */
    tn_mgl: Num | null;
    gb_class: WaterClass | null;
    black_grade: BlackGrade | null;
    created_by: string;
    version: Default<number>;
    created_at: Instant;
    updated_at: Instant;
  };
  /** 外勤水质采样 — a sample recorded in the field with a photo, as the device recorded it (0003). */
  water_sample_capture: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    sample_id: string;
    key: string;
    attachment_id: string;
    sha256: string;
    captured_at: Instant;
    received_at: Instant;
    lat: Coord;
    lng: Coord;
    accuracy_m: Coord;
    created_by: string | null;
  };
  river_alert: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    river_id: string;
    sample_id: string;
    grade: 'light' | 'severe';
    raised_on: DateCol;
    message: string;
    status: Default<'open' | 'handled'>;
    handled_on: DateCol | null;
    handled_by: string | null;
    handled_note: string | null;
    version: Default<number>;
    created_at: Instant;
    updated_at: Instant;
  };
};
