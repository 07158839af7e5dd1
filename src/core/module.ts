import type { EntityLabels } from './labels.js';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { MetricDef, MetricFamilyDef, MetricRegistry } from './metrics/registry.js';
import type { LedgerDef } from './ledger/ledger.js';
import type { RoleKey } from './auth/roles.js';
import type { DemoContext } from './demo.js';
import { isUuid } from './ids.js';
import type { AnyDb } from './db/types.js';
import type { WorkflowDef } from './workflow/index.js';

/** A frozen SQL migration. Its id is `<module>/<file>`; its checksum guards against edits. */
export interface Migration {
  id: string;
  sql: string;
}

/** A permission a module declares, with the roles that hold it. */
export interface PermissionDef {
  label: string;
  roles: readonly RoleKey[];
}

/**
 * An entity a module owns, so the kernel can check data scope for things attached
 * to it (attachments, audit history): returns the owning org, or undefined if the
 * record does not exist in this tenant.
 */
export interface EntityDef extends EntityLabels {
  /** Permission needed to read the record (and its history and attachments). */
  readPermission: string;
  /** Permission needed to attach files to it. */
  writePermission?: string;
  ownerOrg(db: AnyDb, tenantId: string, id: string): Promise<string | null | undefined>;
  /**
   * The table holding the records (keyed by `tenant_id, id`): every audit event on the entity
   * then carries the hash of the record's row after the change, and `fazhi audit verify
   * --records` names rows changed outside the application.
   */
  records?: RecordsDef;
}

/** Where an entity's records live, for record-state hashing. */
export interface RecordsDef {
  /** The table; rows are keyed by `tenant_id` and `key`. */
  table: string;
  /** The key column whose text is the audit event's entity id (default `id`). */
  key?: string;
  /** Which rows of a shared table are this entity's (each demand kind's in `dm_item`). */
  filter?: Readonly<Record<string, string>>;
  /** Columns the application changes without an audit event (login counters): left out of the hash. */
  exclude?: readonly string[];
}

/**
 * A column holding personal identifiers encrypted with `encryptPii` (core/crypto/pii.ts),
 * with the column of its blind index (`piiIndex`) when it has one. The kernel re-encrypts
 * every declared column when the key is rotated (`fazhi keys rotate-pii`).
 */
export interface PiiColumnDef {
  table: string;
  column: string;
  /** The blind-index column computed from the same value. */
  index?: string;
  /**
   * Rows written before the column was encrypted hold plain text (value set, index null):
   * sealed in chunks at start-up. Needs `index`; give the table a partial index on
   * `(tenant_id, id) WHERE <column> IS NOT NULL AND <index> IS NULL` so the check is cheap.
   */
  sealPlaintext?: boolean;
}

/**
 * An entity whose records are rows of `table` keyed by a uuid `id`, owned by `org_id`: its
 * owner look-up (a malformed id names no record) and where its records live.
 */
export function ownedRows(table: string): Pick<EntityDef, 'ownerOrg' | 'records'> {
  return {
    records: { table },
    async ownerOrg(db, tenantId, id) {
      if (!isUuid(id)) return undefined;
      const r = await db.selectFrom(table).select('org_id').where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
      return (r as { org_id?: string } | undefined)?.org_id;
    },
  };
}

/**
 * A point where other modules plug into this one (the demand machinery's `demands.kind`):
 * what a contribution is, and its start-up check.
 */
export interface ExtensionPointDef {
  label: string;
  /** Problems of one contribution (empty when sound); `from` is the contributing module's key. */
  check?(contribution: unknown, from: string): readonly string[];
}

/** The manifest of a business module: everything the kernel needs from it. */
export interface ModuleDef {
  key: string;
  title: string;
  migrations?: readonly Migration[];
  permissions?: Readonly<Record<string, PermissionDef>>;
  entities?: Readonly<Record<string, EntityDef>>;
  ledgers?: readonly LedgerDef<unknown>[];
  metrics?: readonly MetricDef[];
  /** Metric families whose members the data names (e.g. one per monitoring section). */
  metricFamilies?: readonly MetricFamilyDef[];
  /** The lifecycles of the module's records, on the kernel's workflow engine (validated at start-up). */
  // biome-ignore lint/suspicious/noExplicitAny: a manifest lists workflows of any facts type
  workflows?: readonly WorkflowDef<string, string, any, string>[];
  /** Extension points this module offers others, by name (`<module>.<point>`). */
  extensionPoints?: Readonly<Record<string, ExtensionPointDef>>;
  /**
   * What this module plugs into others' extension points, by point name: declared here, never
   * registered by an import's side effect; the registry checks each at start-up.
   */
  contributes?: Readonly<Record<string, readonly unknown[]>>;
  /** Every column holding encrypted personal identifiers (and its blind index). */
  pii?: readonly PiiColumnDef[];
  /** Registers the module's HTTP routes (mounted under /api). */
  routes?: (app: FastifyInstance) => void | Promise<void>;
  /**
   * Start-up checks of what the module names in other modules' registrations (e.g. the metric
   * keys its report sentences cite): each problem returned stops the start, naming it.
   */
  checks?: (registry: { metrics: MetricRegistry; modules: readonly ModuleDef[] }) => readonly string[];
  /** Loads the module's part of the demo bureau. Runs in manifest order. */
  demo?: (ctx: DemoContext) => Promise<void>;
}

/** Declares a module; typed identity function. */
export function defineModule<M extends ModuleDef>(m: M): M {
  return m;
}

/** Reads frozen SQL migrations that sit beside a module's manifest. */
export function sqlMigrations(moduleKey: string, dirUrl: URL, files: readonly string[]): Migration[] {
  const dir = fileURLToPath(dirUrl);
  return files.map((f) => ({ id: `${moduleKey}/${f}`, sql: fs.readFileSync(`${dir}/${f}`, 'utf8') }));
}
