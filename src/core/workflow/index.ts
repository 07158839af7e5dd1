/**
 * 流程引擎 — the one way a record's lifecycle is declared: stages, events, and a
 * who × stage × event matrix of transitions `{ to, if, after }`. An event not listed
 * for an actor at a stage is forbidden. Guards are pure functions of the facts a
 * module computes for a record, returning the reasons the event is blocked (each
 * citing its rule; empty = allowed), so the server sends every record's actions —
 * allowed or not, and why — in one shape (`WorkflowAction`), and the web app never
 * recomputes a gate.
 *
 * "Who" is a role key (`enforcement`, `legal`, …) or `*` for anyone holding the
 * module's act permission (the route checks the permission; the matrix says what
 * may happen at each stage). Modules declare their workflows in the manifest
 * (`workflows`); the registry validates each at start-up (`validateWorkflow`), and
 * `GET /api/workflows/:key` and `fazhi workflow <key>` print the matrix for review.
 */
import { errors } from '../errors.js';
import { ROLES } from '../auth/roles.js';

/** A guard: the reasons the event is not allowed now (empty when allowed). */
export type Guard<F> = (facts: F) => readonly string[];

export interface Transition<S extends string = string, F = never, X extends string = string> {
  /** The stage after the event (absent: the stage does not change). */
  to?: S;
  /** Guards, all of which must pass. */
  if?: readonly Guard<F>[];
  /** Effects the module's command runs after the transition (exhaustively handled there). */
  after?: readonly X[];
}

/** Row key of the matrix: a role, or `*` for anyone holding the module's act permission. */
export type Who = keyof typeof ROLES | '*';

export type Matrix<S extends string, E extends string, F, X extends string> = Readonly<
  Partial<Record<Who, Readonly<Partial<Record<S, Readonly<Partial<Record<E, Transition<S, F, X>>>>>>>>>
>;

/** A workflow: its stages, its events, its named guards and the who × stage × event matrix. */
export interface WorkflowDef<S extends string = string, E extends string = string, F = never, X extends string = string> {
  /** `<module>.<entity>`, e.g. `enforcement.case`. */
  key: string;
  /** What the records are, in Chinese (`行政处罚案件`). */
  label: string;
  stages: Readonly<Record<S, string>>;
  events: Readonly<Record<E, string>>;
  initial: S;
  /** Every guard the matrix uses, by name (the printed matrix names them). */
  guards: Readonly<Record<string, Guard<F>>>;
  /** What each guard checks, in Chinese, for the printed matrix (default: its name). */
  guardLabels?: Readonly<Record<string, string>>;
  /** Labels of the matrix's rows where they differ from the kernel's role labels. */
  whoLabels?: Readonly<Partial<Record<Who, string>>>;
  matrix: Matrix<S, E, F, X>;
}

/** An action as the server sends it with a record: the one shape the web renders. */
export interface WorkflowAction<E extends string = string, S extends string = string> {
  event: E;
  label: string;
  allowed: boolean;
  /** Why it is blocked (empty when allowed). */
  reasons: string[];
  /** The stage it leads to (null: the stage does not change). */
  to: S | null;
}

/** A typed identity: declares a workflow (validate it with {@link validateWorkflow}). */
export function defineWorkflow<S extends string, E extends string, F, X extends string = never>(def: WorkflowDef<S, E, F, X>): WorkflowDef<S, E, F, X> {
  return def;
}

// biome-ignore lint/suspicious/noExplicitAny: the engine handles workflows of any facts type
type AnyWorkflow = WorkflowDef<string, string, any, string>;

function rows(def: AnyWorkflow): Array<[string, string, string, Transition<string, unknown, string>]> {
  const out: Array<[string, string, string, Transition<string, unknown, string>]> = [];
  for (const [who, byStage] of Object.entries(def.matrix))
    for (const [stage, byEvent] of Object.entries(byStage ?? {}))
      for (const [event, t] of Object.entries(byEvent ?? {})) out.push([who, stage, event, t as Transition<string, unknown, string>]);
  return out;
}

/** Problems of a workflow: unknown stages, events, rows or guards, unreachable stages, events never allowed. */
export function workflowProblems(def: AnyWorkflow): string[] {
  const p: string[] = [];
  const stages = new Set(Object.keys(def.stages));
  const events = new Set(Object.keys(def.events));
  const guardSet = new Set(Object.values(def.guards));
  if (!stages.has(def.initial)) p.push(`unknown initial stage ${def.initial}`);
  const reach = new Set([def.initial]);
  const used = new Set<string>();
  for (const [who, stage, event, t] of rows(def)) {
    if (who !== '*' && !Object.hasOwn(ROLES, who)) p.push(`unknown role ${who}`);
    if (!stages.has(stage)) p.push(`${who} lists unknown stage ${stage}`);
    if (!events.has(event)) p.push(`${who}/${stage} lists unknown event ${event}`);
    if (t.to !== undefined && !stages.has(t.to)) p.push(`${who}/${stage}/${event} goes to unknown stage ${t.to}`);
    for (const g of t.if ?? []) {
      if (typeof g !== 'function') p.push(`${who}/${stage}/${event} has a guard that is not a function`);
      else if (!guardSet.has(g)) p.push(`${who}/${stage}/${event} has a guard not named in guards`);
    }
    if (t.to) reach.add(t.to);
    used.add(event);
  }
  for (const s of stages) if (!reach.has(s)) p.push(`stage ${s} is unreachable`);
  for (const e of events) if (!used.has(e)) p.push(`event ${e} is never allowed`);
  return [...new Set(p)].map((m) => `workflow ${def.key}: ${m}`);
}

/** Throws on the first start-up problem of a workflow (see {@link workflowProblems}). */
export function validateWorkflow(def: AnyWorkflow): void {
  const p = workflowProblems(def);
  if (p.length) throw new Error(p.join('\n'));
}

/** The transition for a set of rows (the first that lists the event at the stage). */
export function transitionFor<S extends string, E extends string, F, X extends string>(
  def: WorkflowDef<S, E, F, X>,
  who: readonly string[],
  stage: S,
  event: E,
): Transition<S, F, X> | undefined {
  for (const w of who) {
    const t = def.matrix[w as Who]?.[stage]?.[event];
    if (t) return t;
  }
  return undefined;
}

/** The events listed for any of the rows at a stage, in the workflow's event order. */
export function eventsFor<S extends string, E extends string, F, X extends string>(def: WorkflowDef<S, E, F, X>, who: readonly string[], stage: S): E[] {
  const out = new Set<string>();
  for (const w of who) for (const e of Object.keys(def.matrix[w as Who]?.[stage] ?? {})) out.add(e);
  return (Object.keys(def.events) as E[]).filter((e) => out.has(e));
}

/** Each listed event with whether its guards pass now and, if not, why. */
export function actionsFor<S extends string, E extends string, F, X extends string>(
  def: WorkflowDef<S, E, F, X>,
  who: readonly string[],
  stage: S,
  facts: F,
): WorkflowAction<E, S>[] {
  return eventsFor(def, who, stage).map((event) => {
    const t = transitionFor(def, who, stage, event) as Transition<S, F, X>;
    const reasons = (t.if ?? []).flatMap((g) => g(facts));
    return { event, label: def.events[event], allowed: reasons.length === 0, reasons, to: t.to ?? null };
  });
}

/**
 * The transition an event takes now, or the error that says why not: 403-free (the route
 * checked the permission) — an event not listed here is refused as not possible at this
 * stage, a blocked guard with its reasons (422, `code`).
 */
export function requireTransition<S extends string, E extends string, F, X extends string>(
  def: WorkflowDef<S, E, F, X>,
  who: readonly string[],
  at: { stage: S; event: E; facts: F; code?: string },
): Transition<S, F, X> {
  const code = at.code ?? 'STAGE_GATE';
  const t = transitionFor(def, who, at.stage, at.event);
  if (!t) throw errors.gate(code, `当前阶段（${def.stages[at.stage] ?? at.stage}）不能${def.events[at.event] ?? at.event}`);
  const reasons = (t.if ?? []).flatMap((g) => g(at.facts));
  if (reasons.length) throw errors.gate(code, reasons.join('；'));
  return t;
}

/** One row of the printed matrix. */
export interface MatrixRow {
  who: string;
  whoLabel: string;
  stage: string;
  stageLabel: string;
  event: string;
  eventLabel: string;
  to: string | null;
  toLabel: string;
  guards: string[];
}

/** The matrix as rows the legal office can review. */
export function matrixRows(def: AnyWorkflow): MatrixRow[] {
  const names = new Map(Object.entries(def.guards).map(([k, g]) => [g, k]));
  const stageOrder = Object.keys(def.stages);
  return rows(def)
    .sort((a, b) => stageOrder.indexOf(a[1]) - stageOrder.indexOf(b[1]))
    .sort((a, b) => Object.keys(def.matrix).indexOf(a[0]) - Object.keys(def.matrix).indexOf(b[0]))
    .map(([who, stage, event, t]) => ({
      who,
      whoLabel: def.whoLabels?.[who as Who] ?? (who === '*' ? '经办人员' : (ROLES[who as keyof typeof ROLES]?.label ?? who)),
      stage,
      stageLabel: def.stages[stage] ?? stage,
      event,
      eventLabel: def.events[event] ?? event,
      to: t.to ?? null,
      toLabel: t.to ? (def.stages[t.to] ?? t.to) : '（不变）',
      guards: (t.if ?? []).map((g) => {
        const n = names.get(g) ?? '?';
        return def.guardLabels?.[n] ?? n;
      }),
    }));
}

/** The matrix as a Markdown table. */
export function matrixMarkdown(def: AnyWorkflow): string {
  const lines = [`### ${def.label}`, '', '| 角色 | 阶段 | 环节 | 转入阶段 | 前置条件 |', '|---|---|---|---|---|'];
  for (const r of matrixRows(def)) lines.push(`| ${r.whoLabel} | ${r.stageLabel} | ${r.eventLabel} | ${r.toLabel} | ${r.guards.join('、') || '—'} |`);
  return lines.join('\n');
}
