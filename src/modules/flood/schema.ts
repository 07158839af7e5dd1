import type { ColumnType, Generated } from 'kysely';
import type { DateCol, Instant } from '../../core/db/types.js';

type Default<T> = ColumnType<T, T | undefined, T>;
/** numeric columns come back as numbers (type parser in core/db/connect.ts). */
type Num = ColumnType<number, number | string, number | string>;
/** A numeric column read back as text (pg) or number (PGlite), written as a number, nullable. */
type Coord = ColumnType<string | number | null, number | null | undefined, number | null>;

export type RiskStatus = '未整治' | '整治中' | '已完成';
export type RiskLevel = '高' | '中' | '低';
export type ProjectKind = '内涝治理项目' | '零星排水改造应急工程';
export type DutyRole = 'A角' | 'B角';
export type WarningLevel = '蓝色' | '黄色' | '橙色' | '红色';

/** The flood module's tables (a type alias, as `withTables` needs). */
export type FloodTables = {
  flood_risk_point: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    code: string;
    name: string;
    lng: Num | null;
    lat: Num | null;
    risk_level: RiskLevel | null;
    registered_on: DateCol;
    measure: string | null;
    status: RiskStatus;
    completed_on: DateCol | null;
    admin_person: string | null;
    tech_person: string | null;
    patrol_person: string | null;
    version: Default<number>;
    created_at: Instant;
    updated_at: Instant;
  };
  flood_risk_progress: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    point_id: string;
    on_date: DateCol;
    status: RiskStatus;
    note: string;
    created_by: string;
    /** The ledger import that recorded it (null: a form). */
    import_id: string | null;
    created_at: Instant;
  };
  /** 巡查打卡 — a patrol's check-in at a risk point from the field app (0004). */
  flood_patrol_checkin: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    point_id: string;
    key: string;
    checked_at: Instant;
    received_at: Instant;
    lat: Coord;
    lng: Coord;
    accuracy_m: Coord;
    note: string | null;
    sha256: string;
    created_by: string | null;
    created_by_name: string;
  };
  flood_project: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    name: string;
    kind: ProjectKind;
    street_org_id: string | null;
    started_on: DateCol | null;
    completed_on: DateCol | null;
    status: string | null;
    version: Default<number>;
    created_at: Instant;
    updated_at: Instant;
  };
  flood_deployment: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    on_date: DateCol;
    event: string;
    persons: number;
    pumps: number;
    vehicles: number;
    note: string | null;
    version: Default<number>;
    created_at: Instant;
    updated_at: Instant;
  };
  flood_duty: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    duty_date: DateCol;
    shift: string;
    role: DutyRole;
    person: string;
    /** Encrypted (core/crypto/pii.ts); read with `openPhone`. */
    phone: string | null;
    phone_idx: Default<string | null>;
    created_at: Instant;
  };
  flood_drought_warning: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    title: string;
    level: WarningLevel;
    starts_on: DateCol;
    ends_on: DateCol | null;
    version: Default<number>;
    created_at: Instant;
    updated_at: Instant;
  };
  flood_dispatch: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    warning_id: string;
    on_date: DateCol;
    chloride_mgl: Num | null;
    content: string;
    created_by: string;
    created_at: Instant;
  };
  flood_work: {
    tenant_id: string;
    id: Generated<string>;
    org_id: string;
    name: string;
    kind: string;
    location: string | null;
    admin_name: string;
    admin_post: string | null;
    admin_phone: string | null;
    tech_name: string;
    tech_post: string | null;
    tech_phone: string | null;
    patrol_name: string;
    patrol_post: string | null;
    patrol_phone: string | null;
    /** Blind indexes of the three (encrypted) phones. */
    admin_phone_idx: Default<string | null>;
    tech_phone_idx: Default<string | null>;
    patrol_phone_idx: Default<string | null>;
    version: Default<number>;
    created_at: Instant;
    updated_at: Instant;
  };
  flood_disclosure: {
    tenant_id: string;
    year: number;
    org_id: string;
    published_on: DateCol;
    note: string | null;
    snapshot: ColumnType<unknown, string, string>;
    created_at: Instant;
  };
};
