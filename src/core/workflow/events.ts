/**
 * A workflow's events as commands: each event a closed TypeBox input carrying the `version` the
 * client read and the event's business date `on`, and a pure `apply(facts, input)` returning the
 * changes to the record (`eventCommands`). `applyWorkflowEvent` runs what every event shares, once:
 * the versioned update of the record loaded in scope, the workflow's transition (its guards refuse
 * with their reasons), the event's changes with the stage it leads to, the audit event
 * `<entity>.<event>` (with the event's note) and the deadlines the record's new state tracks;
 * `runWorkflowEvent` is the whole command as a route calls it (the id and the date checked, one transaction).
 */
import { type Static, type TObject, type TProperties, Type } from '@fastify/type-provider-typebox';
import { write, type WriteScope } from '../audit/audit.js';
import type { TrackInput } from '../calendar/service.js';
import type { Ctx } from '../context.js';
import { errors } from '../errors.js';
import { isUuid } from '../ids.js';
import { requiredDate } from '../input.js';
import type { AnyRow } from '../persist.js';
import { OptText } from '../schemas.js';
import type { System } from '../system.js';
import { updateVersioned } from '../versioned.js';

/** An optional text field of an event's input (null clears it): the kit's `OptText`, 2000 characters unless given. */
export const OptionalText = (max = 2000) => OptText(max);

/** What every event's input carries: the version the client read and the event's date. */
export const EVENT_COMMON = { version: Type.Integer(), on: Type.String({ maxLength: 10 }) };
export type EventInput<P extends TProperties> = Static<TObject<P & typeof EVENT_COMMON>>;

/** One event: its closed input and the pure changes it makes given facts `F`. */
export interface EventCommand<F, C, P extends TProperties = TProperties> {
  input: TObject<P & typeof EVENT_COMMON>;
  apply(f: F, input: EventInput<P>): C;
}

/** The `event(fields, apply)` declaring a module's events that read facts `F` and return changes `C`. */
export function eventCommands<F, C>() {
  return <P extends TProperties>(fields: P, apply: (f: F, input: EventInput<P>) => C): EventCommand<F, C, P> => ({
    input: Type.Object({ ...EVENT_COMMON, ...fields }, { additionalProperties: false }),
    apply,
  });
}

/** What an event's `apply` returns at least: the columns it sets, and a note for the audit event. */
export interface EventChanges {
  set: Record<string, unknown>;
  note?: Record<string, unknown>;
}

export interface WorkflowEvent<V, C extends EventChanges> {
  table: string;
  id: string;
  version: number;
  /** The record's name in the 404 message. */
  label: string;
  /** Reads the record as the caller sees it (in scope); undefined → 404. */
  load: () => Promise<V | undefined>;
  /** The workflow's transition now (`requireTransition`, which throws the guards' reasons); `to`: the stage it leads to. */
  step: (v: V) => { to?: string | null };
  /** The event's pure changes. */
  apply: (v: V) => C;
  /** `<entity>.<action>`; `view` what the event shows of the record (default: the changed columns). */
  audit: { entity: string; action: string; view?: (row: AnyRow, patch: Record<string, unknown>) => Record<string, unknown> };
  /** The deadlines the record's new state tracks (re-tracked after the change). */
  tracks: (row: AnyRow) => TrackInput[];
}

/** Applies one workflow event inside the caller's write scope; the stored row after it and the event's changes. */
export async function applyWorkflowEvent<V, C extends EventChanges>(
  w: WriteScope,
  sys: Pick<System, 'calendar'>,
  e: WorkflowEvent<V, C>,
): Promise<{ row: AnyRow; changes: C }> {
  let changes: C | undefined;
  const { row } = await updateVersioned<V>(w, {
    table: e.table,
    tenantId: w.ctx.actor.tenantId,
    id: e.id,
    version: e.version,
    label: e.label,
    load: () => e.load(),
    patch: (v) => {
      const t = e.step(v);
      changes = e.apply(v);
      return { ...(t.to ? { status: t.to } : {}), ...changes.set };
    },
    audit: { ...e.audit, note: () => changes?.note },
    ifUnchanged: 'write',
  });
  await sys.calendar.trackMany(w, w.ctx.actor, e.tracks(row));
  return { row, changes: changes! };
}

/** A workflow event as its route sends it: the record, the event's body (the version read, the date) and what the event does. */
export interface WorkflowEventRun<V, C extends EventChanges> extends Pick<WorkflowEvent<V, C>, 'table' | 'label' | 'audit' | 'tracks'> {
  id: string;
  body: { version: number; on: string };
  /** Reads the record as the caller sees it (in scope) in the write's transaction; undefined → 404. */
  load: (w: WriteScope) => Promise<V | undefined>;
  /** The workflow's transition now, given the event's date (`requireTransition`). */
  step: (v: V, on: string) => { to?: string | null };
  /** The event's pure changes, given its date. */
  apply: (v: V, on: string) => C;
  /** What the event does beyond the record's columns, in the same transaction (a hearing recorded, a publication withdrawn). */
  after?: (w: WriteScope, row: AnyRow, changes: C) => Promise<void>;
}

/**
 * One workflow event as a command: a malformed id is the 404 of a missing record, the event's date
 * `on` must be a real date (a 400 naming it), then in one transaction `applyWorkflowEvent` and the
 * event's own `after`; answers the record as read after it.
 */
export async function runWorkflowEvent<V, C extends EventChanges>(ctx: Ctx, sys: Pick<System, 'calendar'>, e: WorkflowEventRun<V, C>): Promise<V> {
  if (!isUuid(e.id)) throw errors.notFound(e.label);
  const on = requiredDate('on', '日期', e.body.on);
  return write(ctx, async (w) => {
    const { row, changes } = await applyWorkflowEvent<V, C>(w, sys, {
      table: e.table,
      id: e.id,
      version: e.body.version,
      label: e.label,
      load: () => e.load(w),
      step: (v) => e.step(v, on),
      apply: (v) => e.apply(v, on),
      audit: e.audit,
      tracks: e.tracks,
    });
    await e.after?.(w, row, changes);
    return (await e.load(w))!;
  });
}
