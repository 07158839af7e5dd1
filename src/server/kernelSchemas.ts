/**
 * What the kernel's shared routes answer (workflows, findings, attachments, ledgers, metrics),
 * described with TypeBox: the OpenAPI description and the schema Fastify serialises by. The
 * deadline and calendar shapes live in core/calendar/schemas.ts, the audit event in
 * core/audit/schemas.ts.
 */
import { type Static, Type } from '@fastify/type-provider-typebox';
import { Instant, Nullable } from '../core/schemas.js';

const Str = Type.String();
const NStr = Nullable(Str);
const Int = Type.Integer();
/** Labels keyed by a workflow's own stage or event keys: a map whose keys each workflow names. */
const Labels = Type.Record(Str, Str);

/** A workflow as the list shows it. */
export const WorkflowSummaryView = Type.Object({ key: Str, label: Str, module: Str, stages: Labels, events: Labels }, { description: '流程' });
export const WorkflowSummaryList = Type.Array(WorkflowSummaryView);

/** A workflow's matrix: role × stage × event → next stage and conditions. */
export const WorkflowMatrixView = Type.Object(
  {
    key: Str,
    label: Str,
    stages: Labels,
    events: Labels,
    initial: Str,
    rows: Type.Array(
      Type.Object({ who: Str, whoLabel: Str, stage: Str, stageLabel: Str, event: Str, eventLabel: Str, to: NStr, toLabel: Str, guards: Type.Array(Str) }),
    ),
    markdown: Str,
  },
  { description: '流程矩阵' },
);

/** A rule a record broke when it was imported (历史问题). */
export const RecordFindingView = Type.Object({ id: Str, rule: Str, statute: Str, message: Str, field: NStr, importId: NStr, row: Nullable(Int), at: Instant });
export type RecordFindingView = Static<typeof RecordFindingView>;
export const RecordFindingList = Type.Array(RecordFindingView);

/** An attachment's metadata. */
export const AttachmentView = Type.Object(
  { id: Str, sha256: Str, size: Int, mime: Str, filename: Str, entity: Str, entityId: Str, createdAt: Instant },
  { description: '附件' },
);
export const AttachmentList = Type.Array(AttachmentView);

/** A ledger the caller may read, with its columns. */
export const LedgerView = Type.Object(
  {
    key: Str,
    title: Str,
    module: Str,
    canImport: Type.Boolean(),
    columns: Type.Array(Type.Object({ header: Str, type: Str, required: Type.Boolean(), enum: Nullable(Type.Array(Str)) })),
  },
  { description: '台账' },
);
export const LedgerList = Type.Array(LedgerView);

/** A metric's value: a number, a class as text, or null when nothing supports it. */
const MetricValue = Nullable(Type.Union([Type.Number(), Str]));
const MetricHead = { key: Str, title: Str, unit: Str, unitLabel: Str, definition: Str, value: MetricValue };

/** Every metric the caller may read, with its value for the period. */
export const MetricList = Type.Array(Type.Object(MetricHead), { description: '指标' });

/** A metric and the records behind it. */
export const MetricDrillView = Type.Object(
  {
    ...MetricHead,
    columns: Type.Array(Type.Object({ key: Str, title: Str })),
    /** The records' cells keyed by column: a free-form map (each metric names its columns). */
    rows: Type.Array(Type.Record(Str, Type.Unknown())),
    total: Int,
    sumOf: Type.Optional(Str),
    recordRoute: Type.Optional(Str),
  },
  { description: '指标明细' },
);

const RowError = Type.Object({ row: Int, column: Str, message: Str, value: Type.Optional(Str) });
const IgnoredRow = Type.Object({ row: Int, reason: Str });

/** What a ledger import did (or, with ok false, why it committed nothing). */
export const ImportResultView = Type.Union(
  [
    Type.Object({
      ok: Type.Literal(true),
      ledger: Str,
      rows: Int,
      dryRun: Type.Boolean(),
      importId: NStr,
      created: Int,
      updated: Int,
      unchanged: Int,
      findings: Type.Array(Type.Object({ row: Int, column: Str, rule: Str, statute: Str, message: Str })),
      findingCount: Int,
      ignoredRows: Type.Array(IgnoredRow),
    }),
    Type.Object({
      ok: Type.Literal(false),
      ledger: Str,
      rows: Int,
      errors: Type.Array(RowError),
      errorCount: Int,
      kept: Type.Optional(Type.Array(Type.Object({ entity: Str, entityId: Str, row: Int, reason: Str }))),
    }),
  ],
  { description: '导入结果' },
);

/** One import as the history lists it. */
export const ImportRecordView = Type.Object(
  {
    id: Str,
    ledger: Str,
    ledgerTitle: Str,
    filename: Str,
    sha256: Str,
    size: Int,
    actorName: Str,
    at: Instant,
    rows: Int,
    created: Int,
    updated: Int,
    unchanged: Int,
    findings: Int,
    ignoredRows: Type.Array(IgnoredRow),
    undoneAt: Nullable(Instant),
    undoneBy: NStr,
    state: Type.Union([Type.Literal('running'), Type.Literal('committed'), Type.Literal('failed')]),
    failure: NStr,
    canUndo: Type.Boolean(),
  },
  { description: '导入记录' },
);
export type ImportRecordView = Static<typeof ImportRecordView>;

/** A page of the import history, and where the next page starts. */
export const ImportPageView = Type.Object({
  items: Type.Array(ImportRecordView),
  next: Nullable(Type.Object({ beforeAt: Instant, beforeId: Str })),
});

/** One import with the findings it recorded. */
export const ImportDetailView = Type.Object(
  {
    ...ImportRecordView.properties,
    findingList: Type.Array(Type.Object({ row: Nullable(Int), column: NStr, rule: Str, statute: Str, message: Str, entity: Str, entityId: Str })),
  },
  { description: '一次导入' },
);

/** What an undo removed and put back. */
export const UndoImportView = Type.Object({ deleted: Int, restored: Int }, { description: '撤销导入的结果' });

/** An import record as the API presents it: its instants as strings, with its ledger's title and whether the caller may undo it. */
export const importView = <R extends { at: Date; undoneAt: Date | null }>(r: R, extra: { ledgerTitle: string; canUndo: boolean }) => ({
  ...r,
  ...extra,
  at: r.at.toISOString(),
  undoneAt: r.undoneAt ? r.undoneAt.toISOString() : null,
});
