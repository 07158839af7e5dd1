import type { ColumnType, Generated, Kysely, SelectQueryBuilder, Transaction } from 'kysely';

/** Column the database fills on insert (defaults) but that is always present on select. */
type Default<T> = ColumnType<T, T | undefined, T>;
/** A timestamptz column: Date on select, Date or ISO string on write. */
export type Instant = ColumnType<Date, Date | string | undefined, Date | string>;
/** A `date` column: always an ISO `YYYY-MM-DD` string (type parsers are set so). */
export type DateCol = ColumnType<string, string, string>;

export interface TenantTable {
  id: Generated<string>;
  name: string;
  division_code: string | null;
  /** The screen watermark (0010_tenant_settings.sql). */
  watermark: Generated<boolean>;
  created_at: Instant;
}

export type OrgKind = 'bureau' | 'department' | 'street' | 'other';

export interface OrgTable {
  tenant_id: string;
  id: Generated<string>;
  name: string;
  kind: OrgKind;
  parent_id: string | null;
  uscc: string | null;
  division_code: string | null;
  sort: Default<number>;
  version: Default<number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface ApiKeyTable {
  tenant_id: string;
  id: Generated<string>;
  name: string;
  permissions: string[];
  secret_hash: string;
  created_by: string;
  created_at: Instant;
  expires_on: DateCol;
  revoked_at: Instant | null;
  revoked_by: string | null;
  last_used_at: Instant | null;
}

export interface UserTable {
  tenant_id: string;
  id: Generated<string>;
  username: string;
  display_name: string;
  org_id: string;
  roles: Default<string[]>;
  password_hash: string;
  must_change_password: Default<boolean>;
  failed_attempts: Default<number>;
  locked_until: Date | null;
  disabled: Default<boolean>;
  version: Default<number>;
  created_at: Instant;
  updated_at: Instant;
}

export interface SessionTable {
  id_hash: string;
  tenant_id: string;
  user_id: string;
  csrf_token: string;
  created_at: Instant;
  last_seen_at: Instant;
  /** Where the session signed in from (0008): the request's address and user agent. */
  ip: string | null;
  user_agent: string | null;
}

export interface AuditEventTable {
  tenant_id: string;
  seq: number;
  at: Date;
  actor_id: string | null;
  actor_name: string;
  org_id: string | null;
  entity: string;
  entity_id: string;
  action: string;
  changes: ColumnType<unknown, string, never>;
  request_id: string | null;
  prev_hash: string;
  hash: string;
  /** The record's state after the change (0003_record_states.sql); null where not tracked. */
  state_hash: string | null;
}

export interface CalendarOverrideTable {
  date: DateCol;
  kind: 'workday' | 'holiday';
  name: string | null;
  note: string | null;
  updated_at: Instant;
}

/** One day of the working-day calendar (0007_work_day.sql): `ord` counts working days up to and including it. */
export interface WorkDayTable {
  day: DateCol;
  workday: boolean;
  ord: number;
}

export interface WorkDayStateTable {
  id: Generated<boolean>;
  fingerprint: string;
  filled_at: Generated<Instant>;
}

export interface TrackedDeadlineTable {
  tenant_id: string;
  id: Generated<string>;
  org_id: string;
  module: string;
  entity: string;
  entity_id: string;
  title: string;
  rule: ColumnType<unknown, string, string>;
  start_date: DateCol;
  pauses: ColumnType<unknown, string | undefined, string>;
  extensions: ColumnType<unknown, string | undefined, string>;
  restart_on: DateCol | null;
  due_date: DateCol;
  done_on: DateCol | null;
  assignee_id: string | null;
  label: string | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface AttachmentTable {
  tenant_id: string;
  id: Generated<string>;
  sha256: string;
  size: number;
  mime: string;
  filename: string;
  entity: string;
  entity_id: string;
  org_id: string;
  uploaded_by: string | null;
  created_at: Instant;
}

export interface LedgerImportTable {
  tenant_id: string;
  id: Generated<string>;
  ledger: string;
  filename: string;
  file_sha256: string;
  file_size: number;
  actor_id: string | null;
  actor_name: string;
  at: Instant;
  row_count: number;
  created: number;
  updated: number;
  unchanged: number;
  finding_count: number;
  ignored_rows: ColumnType<unknown, string | undefined, string>;
  audit_seq: number | null;
  undone_at: Date | null;
  undone_by: string | null;
  /** running → committed | failed (0004_import_state.sql). */
  state: ColumnType<'running' | 'committed' | 'failed', 'running' | 'committed' | 'failed' | undefined, 'running' | 'committed' | 'failed'>;
  /** The audit chain's head when the import began: a later event on its records was someone else's change. */
  started_seq: number | null;
  /** Why a failed import failed (Chinese), when it is kept in the list. */
  failure: string | null;
}

export interface LedgerImportRowTable {
  tenant_id: string;
  import_id: string;
  row_number: number;
  entity: string;
  entity_id: string;
  action: 'created' | 'updated';
  org_id: string | null;
  values: ColumnType<Record<string, unknown>, string, string>;
  before: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  /** The record's state after the import wrote it (null until sealed, or not tracked). */
  state_hash: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface RecordFindingTable {
  tenant_id: string;
  id: Generated<string>;
  entity: string;
  entity_id: string;
  org_id: string | null;
  rule: string;
  statute: string;
  message: string;
  field: string | null;
  import_id: string | null;
  row_number: number | null;
  at: Instant;
}

export interface AuditCheckpointTable {
  tenant_id: string;
  seq: number;
  hash: string;
  at: Instant;
  mac: string;
}

export interface SchemaMigrationTable {
  id: string;
  checksum: string;
  applied_at: Instant;
}

/** The kernel's tables. Modules add their own with `db.withTables<TheirTables>()`. */
export interface KernelDB {
  tenant: TenantTable;
  org: OrgTable;
  app_user: UserTable;
  app_session: SessionTable;
  audit_event: AuditEventTable;
  calendar_override: CalendarOverrideTable;
  work_day: WorkDayTable;
  work_day_state: WorkDayStateTable;
  tracked_deadline: TrackedDeadlineTable;
  api_key: ApiKeyTable;
  attachment: AttachmentTable;
  ledger_import: LedgerImportTable;
  ledger_import_row: LedgerImportRowTable;
  record_finding: RecordFindingTable;
  audit_checkpoint: AuditCheckpointTable;
  fazhi_migration: SchemaMigrationTable;
}

export type DB = Kysely<KernelDB>;
export type Tx = Transaction<KernelDB>;
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Kysely<KernelDB>;

/**
 * A database or transaction used on tables named at run time (a module's tables, record states,
 * bulk writes, migrations), which the query builder's schema type cannot describe: the kernel's
 * database glue, the one place it says `any` for a schema.
 */
// biome-ignore lint/suspicious/noExplicitAny: tables named at run time; Kysely's schema type cannot describe them
export type AnyDb = Kysely<any>;
/** A select over tables named at run time (the shared filters of scopes and metrics). */
// biome-ignore lint/suspicious/noExplicitAny: tables named at run time; Kysely's schema type cannot describe them
export type AnySelect = SelectQueryBuilder<any, any, any>;
