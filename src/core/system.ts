import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Kysely } from 'kysely';
import type { KernelDB } from './db/types.js';
import { openDatabase, resolveFilesDir, resolveTarget, type Database, type DatabaseTarget } from './db/connect.js';
import { checkMigrations, migrate } from './db/migrate.js';
import type { EntityDef, ExtensionPointDef, Migration, ModuleDef, PermissionDef } from './module.js';
import { MetricRegistry } from './metrics/registry.js';
import type { LedgerDef } from './ledger/ledger.js';
import { recoverImports } from './ledger/imports.js';
import { folderStore, type BlobStore } from './files/store.js';
import type { RoleKey } from './auth/roles.js';
import { CalendarService } from './calendar/service.js';
import { configurePii } from './crypto/pii.js';
import { adoptLegacyKey, prepareKeyDir, resolveKeyPaths, type KeyPaths } from './crypto/keys.js';
import { openPiiKey, sealPlaintext } from './crypto/columns.js';
import { loadAuditKey } from './audit/checkpoint.js';
import { configureRecordStates } from './audit/records.js';
import { systemClock, type Actor, type Clock, type Ctx } from './context.js';
import { workflowProblems, type WorkflowDef } from './workflow/index.js';

const kernelDir = fileURLToPath(new URL('./db/migrations/', import.meta.url));

/** The kernel's own migrations, applied before any module's. */
export function kernelMigrations(): Migration[] {
  return fs
    .readdirSync(kernelDir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => ({ id: `core/${f}`, sql: fs.readFileSync(kernelDir + f, 'utf8') }));
}

/** Every migration, kernel first, then the modules in manifest order. */
export function allMigrations(modules: readonly ModuleDef[]): Migration[] {
  return [...kernelMigrations(), ...modules.flatMap((m) => m.migrations ?? [])];
}

/** The registries the kernel builds from the manifests. Validated once, at start-up. */
export class Registry {
  readonly metrics: MetricRegistry;
  readonly ledgers = new Map<string, LedgerDef<unknown> & { module: string }>();
  readonly entities = new Map<string, EntityDef & { module: string }>();
  readonly permissions = new Map<string, PermissionDef & { module: string }>();
  // biome-ignore lint/suspicious/noExplicitAny: workflows of any facts type
  readonly workflows = new Map<string, WorkflowDef<string, string, any, string> & { module: string }>();
  readonly extensionPoints = new Map<string, ExtensionPointDef & { module: string }>();
  private readonly contributed = new Map<string, Array<{ module: string; value: unknown }>>();
  private readonly byRole = new Map<string, ReadonlySet<string>>();

  constructor(readonly modules: readonly ModuleDef[]) {
    const keys = new Set<string>();
    for (const m of modules) {
      if (keys.has(m.key)) throw new Error(`module ${m.key} listed twice`);
      keys.add(m.key);
      for (const [k, p] of Object.entries(m.permissions ?? {})) {
        if (this.permissions.has(k)) throw new Error(`permission ${k} declared twice`);
        this.permissions.set(k, { ...p, module: m.key });
      }
      for (const [k, e] of Object.entries(m.entities ?? {})) {
        if (this.entities.has(k)) throw new Error(`entity ${k} declared twice`);
        this.entities.set(k, { ...e, module: m.key });
      }
      for (const [k, p] of Object.entries(m.extensionPoints ?? {})) {
        if (this.extensionPoints.has(k)) throw new Error(`extension point ${k} declared twice`);
        if (!k.startsWith(`${m.key}.`)) throw new Error(`extension point ${k}: name must start with its module ${m.key}.`);
        this.extensionPoints.set(k, { ...p, module: m.key });
      }
      for (const w of m.workflows ?? []) {
        if (this.workflows.has(w.key)) throw new Error(`workflow ${w.key} declared twice`);
        if (!w.key.startsWith(`${m.key}.`)) throw new Error(`workflow ${w.key}: key must start with its module ${m.key}.`);
        this.workflows.set(w.key, { ...w, module: m.key });
      }
      for (const l of m.ledgers ?? []) {
        if (this.ledgers.has(l.spec.key)) throw new Error(`ledger ${l.spec.key} declared twice`);
        this.ledgers.set(l.spec.key, { ...l, module: m.key });
      }
    }
    for (const [k, e] of this.entities) {
      if (!this.permissions.has(e.readPermission)) throw new Error(`entity ${k}: unknown permission ${e.readPermission}`);
    }
    const contributionProblems: string[] = [];
    for (const m of modules) {
      for (const [point, values] of Object.entries(m.contributes ?? {})) {
        const def = this.extensionPoints.get(point);
        if (!def) {
          contributionProblems.push(`${m.key}: contributes to unknown extension point ${point}`);
          continue;
        }
        for (const value of values) {
          contributionProblems.push(...(def.check?.(value, m.key) ?? []).map((p) => `${m.key} → ${point}: ${p}`));
          this.contributed.set(point, [...(this.contributed.get(point) ?? []), { module: m.key, value }]);
        }
      }
    }
    if (contributionProblems.length) throw new Error(`start-up checks failed:\n${contributionProblems.join('\n')}`);
    for (const [k, w] of this.workflows) {
      if (!this.entities.has(k)) throw new Error(`workflow ${k}: no entity ${k} (a workflow is the lifecycle of an entity's records)`);
      if (this.entities.get(k)?.module !== w.module) throw new Error(`workflow ${k}: entity ${k} belongs to another module`);
    }
    for (const [k, l] of this.ledgers) {
      for (const p of [l.readPermission, l.writePermission]) if (!this.permissions.has(p)) throw new Error(`ledger ${k}: unknown permission ${p}`);
    }
    this.metrics = new MetricRegistry(
      modules.flatMap((m) => m.metrics ?? []),
      modules.flatMap((m) => m.metricFamilies ?? []),
    );
    const wfProblems = [...this.workflows.values()].flatMap((w) => workflowProblems(w));
    if (wfProblems.length) throw new Error(`start-up checks failed:\n${wfProblems.join('\n')}`);
    const problems = modules.flatMap((m) => (m.checks?.({ metrics: this.metrics, modules }) ?? []).map((p) => `${m.key}: ${p}`));
    if (problems.length) throw new Error(`start-up checks failed:\n${problems.join('\n')}`);
  }

  /** What the modules contribute to an extension point, in manifest order (typed by the point's owner). */
  contributions<T>(point: string): ReadonlyArray<{ module: string; value: T }> {
    if (!this.extensionPoints.has(point)) throw new Error(`unknown extension point ${point}`);
    return (this.contributed.get(point) ?? []) as Array<{ module: string; value: T }>;
  }

  /** The permissions held by a set of roles (union over roles). */
  readonly resolvePermissions = (roles: readonly RoleKey[]): ReadonlySet<string> => {
    const key = [...roles].sort().join(',');
    let set = this.byRole.get(key);
    if (!set) {
      set = new Set([...this.permissions].filter(([, p]) => p.roles.some((r) => roles.includes(r))).map(([k]) => k));
      this.byRole.set(key, set);
    }
    return set;
  };
}

/** A running system: the database, the registries, the file store, the calendar. */
export interface System {
  database: Database;
  db: Kysely<KernelDB>;
  registry: Registry;
  files: BlobStore;
  calendar: CalendarService;
  /** The key that signs audit-chain checkpoints (kept outside the database). */
  auditKey: Buffer;
  /** The key folder and key files (outside the data folder). */
  keys: KeyPaths;
  /**
   * A context for an actor: the system's database (or `opts.db`) — with its replica as `readDb` when
   * DATABASE_READ_URL names one — the current calendar, the clock.
   */
  ctx(actor: Actor, opts?: { db?: Kysely<KernelDB>; clock?: Clock; requestId?: string }): Ctx;
  close(): Promise<void>;
}

export interface OpenOptions {
  modules: readonly ModuleDef[];
  target?: DatabaseTarget;
  data?: string;
  filesDir?: string;
  /** Apply pending migrations (default true). The check for newer or edited migrations always runs. */
  migrate?: boolean;
  /** An already open database (tests). */
  database?: Database;
  /** The key folder (default `FAZHI_KEY_DIR`, else `<data>.keys` beside the data folder). */
  keyDir?: string;
  /** Where start-up notices go (moved keys, a finished rotation); default stderr. */
  log?: (message: string) => void;
}

export async function openSystem(opts: OpenOptions): Promise<System> {
  const registry = new Registry(opts.modules);
  const database = opts.database ?? (await openDatabase(opts.target ?? resolveTarget({ data: opts.data })));
  const migrations = allMigrations(opts.modules);
  try {
    if (opts.migrate === false) await checkMigrations(database.db, migrations);
    else await migrate(database.db, migrations);
  } catch (e) {
    await database.close();
    throw e;
  }
  const filesDir = opts.filesDir ?? resolveFilesDir({ data: opts.data });
  const log = opts.log ?? ((m: string) => console.error(m));
  const keys = resolveKeyPaths({ data: opts.data, keyDir: opts.keyDir });
  let auditKey: Buffer;
  try {
    if (!(process.env.FAZHI_PII_KEY && process.env.FAZHI_AUDIT_KEY)) prepareKeyDir(keys.dir);
    // Keys an older install kept in the data folder (its default: beside the files folder) move out.
    if (!opts.database) {
      const legacyDirs = new Set([path.resolve(opts.data ?? process.env.FAZHI_DATA ?? '.fazhi'), path.dirname(filesDir)]);
      for (const dir of legacyDirs) {
        adoptLegacyKey(path.join(dir, 'pii.key'), keys.pii, '个人信息加密密钥 pii.key', log);
        adoptLegacyKey(path.join(dir, 'audit.key'), keys.audit, '审计检查点密钥 audit.key', log);
      }
    }
    const pii = opts.modules.flatMap((m) => m.pii ?? []);
    configurePii(await openPiiKey(database.db, pii, keys.pii, log));
    await sealPlaintext(database.db, pii);
    const hasCheckpoints = !!(await database.db.selectFrom('audit_checkpoint').select('seq').limit(1).executeTakeFirst());
    auditKey = loadAuditKey(keys.audit, { hasCheckpoints });
  } catch (e) {
    await database.close();
    throw e;
  }
  configureRecordStates(registry.entities);
  const calendar = new CalendarService(database.db);
  await calendar.load();
  // Imports a killed process left running are rolled back before anyone works on their records.
  if (opts.migrate !== false)
    await recoverImports({ db: database.db, registry, ctx: (actor) => ({ db: database.db, actor, calendar: calendar.current, clock: systemClock }) });
  return {
    auditKey,
    keys,
    database,
    db: database.db,
    registry,
    files: folderStore(filesDir),
    calendar,
    ctx: (actor, o = {}) => ({
      db: o.db ?? database.db,
      // The replica serves lag-tolerant reads (lagTolerantDb) of the system's own database only.
      ...(database.readDb && !o.db ? { readDb: database.readDb } : {}),
      actor,
      calendar: calendar.current,
      clock: o.clock ?? systemClock,
      requestId: o.requestId,
    }),
    close: () => database.close(),
  };
}
