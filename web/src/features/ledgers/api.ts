import { api, download, qs, upload } from '../../api/client';

/** A ledger as `GET /api/ledgers` lists it: its columns and whether the user may import. */
export interface LedgerInfo {
  key: string;
  title: string;
  module: string;
  canImport: boolean;
  columns: Array<{ header: string; type: string; required: boolean; enum: string[] | null }>;
}

/** One problem of an import, as the user sees it in Excel: row number (header = 1) and column header. */
export interface RowError {
  row: number;
  column: string;
  message: string;
  value?: string;
}

/**
 * A rule a past record broke (历史问题): it never blocks the import, it is taken in as
 * history and marked on the record. `rule` is a stable key, never shown to users.
 */
export interface ImportFinding {
  row: number;
  column: string;
  rule: string;
  statute: string;
  message: string;
}

/** A note or signature row after the data that the import skipped on purpose. */
export interface IgnoredRow {
  row: number;
  reason: string;
}

/** A successful import or dry run. `importId` is null for a dry run. */
export interface ImportSuccess {
  ok: true;
  ledger: string;
  rows: number;
  dryRun: boolean;
  importId: string | null;
  created: number;
  updated: number;
  unchanged: number;
  /** The first 1,000 findings by row (all of them: `GET /api/imports/:id`). */
  findings: ImportFinding[];
  /** How many findings there are in all. */
  findingCount: number;
  ignoredRows: IgnoredRow[];
}

/** The answer of an import or its dry run (预检); `errors` lists the first 1,000 errors, `errorCount` counts them all. */
export type ImportResult = ImportSuccess | { ok: false; ledger: string; rows: number; errors: RowError[]; errorCount: number };

export type ExportFormat = 'xlsx' | 'csv' | 'csv-gb18030';

/** One import in the history (`GET /api/imports`); `findings` is a count. Instants are ISO. */
export interface ImportRecord {
  id: string;
  ledger: string;
  ledgerTitle: string;
  filename: string;
  sha256: string;
  size: number;
  actorName: string;
  at: string;
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  findings: number;
  ignoredRows: IgnoredRow[];
  undoneAt: string | null;
  undoneBy: string | null;
  /** running (导入中: chunks being committed; `rows` so far), committed, or failed (rolled back). */
  state?: 'running' | 'committed' | 'failed';
  /** Why a failed import failed and what its rollback kept. */
  failure?: string | null;
  canUndo?: boolean;
}

/** A page of the import history, newest first; `next` continues after its last item. */
export interface ImportPage {
  items: ImportRecord[];
  next: { beforeAt: string; beforeId: string } | null;
}

/** A finding of an import with the record it was marked on. */
export interface ImportRecordFinding extends ImportFinding {
  entity: string;
  entityId: string;
}

/** One import with its findings (`GET /api/imports/:id`); the server does not add the ledger's title here. */
export interface ImportDetail extends Omit<ImportRecord, 'ledgerTitle' | 'canUndo'> {
  ledgerTitle?: string;
  findingList: ImportRecordFinding[];
}

/** What an undo did. */
export interface UndoResult {
  deleted: number;
  restored: number;
}

/** Page of the import history; `id` opens that import's details. */
export const importsPath = (id?: string | null) => `/ledgers/imports${id ? `?id=${encodeURIComponent(id)}` : ''}`;

export const ledgersApi = {
  downloadTemplate: (l: LedgerInfo) => download(`/api/ledgers/${l.key}/template`, `${l.title}台账模板.xlsx`),
  exportFile: (l: LedgerInfo, format: ExportFormat) =>
    download(`/api/ledgers/${l.key}/export?format=${format}`, `${l.title}台账.${format === 'xlsx' ? 'xlsx' : 'csv'}`),
  /** `dryRun`: the server writes and rolls back, so the preview shows exactly what an import would do. */
  importFile: (key: string, file: File, opts: { dryRun: boolean }) =>
    upload<ImportResult>(`/api/ledgers/${key}/import${opts.dryRun ? '?dryRun=true' : ''}`, file),
  listImports: (q: { ledger?: string; limit?: number; before?: ImportPage['next'] }) =>
    api.get<ImportPage>(`/api/imports${qs({ ledger: q.ledger, limit: q.limit, beforeAt: q.before?.beforeAt, beforeId: q.before?.beforeId })}`),
  importPath: (id: string) => `/api/imports/${encodeURIComponent(id)}`,
  /** The file as it was imported. */
  downloadOriginal: (r: Pick<ImportRecord, 'id' | 'filename'>) => download(`/api/imports/${encodeURIComponent(r.id)}/file`, r.filename),
  undoImport: (id: string) => api.post<UndoResult>(`/api/imports/${encodeURIComponent(id)}/undo`),
};
