/**
 * What the flood registers' saves share (risk points, projects, deployments, works): a batch of
 * inputs — one from a form, many from a ledger — matched to the stored records by id, or in an
 * import by natural key; each input's checks; a natural key held once; the checked records
 * written through the kernel's `persist`.
 */
import { write, type WriteScope } from '../../core/audit/audit.js';
import { errors } from '../../core/errors.js';
import { isUuid } from '../../core/ids.js';
import type { RowError, WriteOrigin } from '../../core/ledger/ledger.js';
import { attempt, type AnyRow, type Item, type Persisted, persist, rowFailure } from '../../core/persist.js';
import { assertInScope } from '../../core/scope.js';
import { checkVersion } from '../../core/versioned.js';
import type { Ctx } from '../../core/context.js';

/** What a domain function did with a batch: counts, and the row errors of an import (live mode throws instead). */
export interface SaveSummary {
  created: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
}

/** A batch that failed: nothing written, its row errors in row order. */
export const failed = (errs: RowError[]) => ({ created: 0, updated: 0, unchanged: 0, errors: errs.sort((a, b) => a.row - b.row), rows: [] as never[] });

/** The ledger's summary of a save (what `LedgerDef.commit` answers). */
export const summary = ({ created, updated, unchanged, errors }: SaveSummary): SaveSummary => ({ created, updated, unchanged, errors });

/** The well-formed record ids a batch names. */
export const idsOf = (inputs: ReadonlyArray<{ id?: string }>) => inputs.map((i) => i.id).filter(isUuid);

/** The non-empty texts of a field (trimmed): the natural keys a batch may name. */
export const textsOf = (values: readonly unknown[]) => values.map((v) => (typeof v === 'string' ? v.trim() : '')).filter(Boolean);

/** The keys an input really carries (a form's PATCH: absent keys keep the stored value). */
export function carried<T extends object>(input: T, keys: ReadonlyArray<keyof T>): Partial<T> {
  const out: Partial<T> = {};
  for (const k of keys) if (k in input) out[k] = input[k];
  return out;
}

/** A form's save of one record (live): the batch's write path with one input, its stored row. */
export function saveOne<I, R>(ctx: Ctx, save: (w: WriteScope, inputs: readonly I[], origin: WriteOrigin) => Promise<{ rows: R[] }>, input: I): Promise<R> {
  return write(ctx, async (w) => (await save(w, [input], { mode: 'live' })).rows[0]!);
}

/** A register's batch: its records' name, the ledger column its errors name, the field a taken key names. */
export interface BatchDef {
  /** The record, in messages (风险点, 项目 …). */
  label: string;
  /** The ledger column of the natural key (an unknown record or a taken key is reported on it). */
  column: string;
  /** The API field of the natural key (a taken key is a 409 naming it). */
  field: string;
  /** A stored record's natural key. */
  keyOf(r: AnyRow): string;
  /** Ledger column of each input field (row errors of an import name them). */
  columns: Readonly<Record<string, string>>;
}

/** An input of a batch: its ledger row, and for a change the record and the version it was made on. */
export interface BatchInput {
  row?: number;
  id?: string;
  version?: number;
}

/**
 * One save's inputs against the stored records (read beforehand, locked): each input's stored
 * record, its checks (thrown in a form, row errors of an import), its natural key claimed, and
 * the checked records written.
 */
export class Batch {
  readonly errs: RowError[] = [];
  private readonly byId: Map<string, AnyRow>;
  private readonly byKey: Map<string, AnyRow>;
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly w: WriteScope,
    private readonly origin: WriteOrigin,
    private readonly def: BatchDef,
    existing: readonly AnyRow[],
  ) {
    this.byId = new Map(existing.map((r) => [r.id, r]));
    this.byKey = new Map(existing.map((r) => [def.keyOf(r), r]));
  }

  /**
   * The stored record an input changes: named by id (unknown: 404 — in a form it must also lie
   * in the actor's scope and carry the stored version, else 404/409), or in an import found by
   * its natural key `key`; undefined for a new record, null when the input failed.
   */
  stored(input: BatchInput, key: string | undefined): AnyRow | undefined | null {
    if (!input.id) return this.origin.mode === 'historical' && key ? this.byKey.get(key) : undefined;
    const old = isUuid(input.id) ? this.byId.get(input.id) : undefined;
    if (!old) {
      rowFailure(this.origin, this.errs, { row: input.row, column: this.def.column }, errors.notFound(this.def.label));
      return null;
    }
    if (this.origin.mode === 'live') {
      assertInScope(this.w.ctx.actor, old.org_id, this.def.label);
      checkVersion(old, input.version);
    }
    return old;
  }

  /** Runs an input's checks: a form's error is thrown, an import's is a row error (undefined). */
  check<T>(input: BatchInput, fn: () => T): T | undefined {
    return attempt(this.origin, { row: input.row, columns: this.def.columns, errs: this.errs }, fn);
  }

  /**
   * Claims a natural key for the record `old` (undefined: a new one): refused when another
   * stored record holds it (`taken`, the message naming it), or an earlier row of the batch.
   */
  claim(input: BatchInput, at: { key: string; old: AnyRow | undefined; value: string; taken: string }): boolean {
    const clash = this.byKey.get(at.key);
    const earlier = this.seen.get(at.key);
    const message = clash && clash.id !== at.old?.id ? at.taken : earlier !== undefined ? `与第${earlier}行重复` : null;
    if (message) {
      rowFailure(this.origin, this.errs, { row: input.row, column: this.def.column, value: at.value }, errors.duplicate(this.def.field, message));
      return false;
    }
    this.seen.set(at.key, input.row ?? 0);
    return true;
  }

  /** Writes the checked records (nothing when an input failed: the row errors). */
  async persist<R extends object>(opts: {
    table: string;
    entity: string;
    items: ReadonlyArray<Item<Record<string, unknown>>>;
    view: (r: R) => Record<string, unknown>;
    note?: Record<string, unknown>;
  }): Promise<SaveSummary & Omit<Persisted<R>, 'created' | 'updated' | 'unchanged'>> {
    if (this.errs.length) return { ...failed(this.errs), actions: [] };
    const res = await persist(this.w.ctx, this.w, this.origin, opts);
    return { ...res, errors: [] };
  }
}
