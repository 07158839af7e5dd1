import { download, upload } from '../../api/client';

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

/** The answer of an import or its dry run (预检). */
export type ImportResult =
  | { ok: true; ledger: string; rows: number; dryRun: boolean; created: number; updated: number; unchanged: number }
  | { ok: false; ledger: string; rows: number; errors: RowError[] };

export type ExportFormat = 'xlsx' | 'csv' | 'csv-gb18030';

export const ledgersApi = {
  downloadTemplate: (l: LedgerInfo) => download(`/api/ledgers/${l.key}/template`, `${l.title}台账模板.xlsx`),
  exportFile: (l: LedgerInfo, format: ExportFormat) => download(`/api/ledgers/${l.key}/export?format=${format}`, `${l.title}台账.${format === 'xlsx' ? 'xlsx' : 'csv'}`),
  /** `dryRun`: the server writes and rolls back, so the preview shows exactly what an import would do. */
  importFile: (key: string, file: File, opts: { dryRun: boolean }) => upload<ImportResult>(`/api/ledgers/${key}/import${opts.dryRun ? '?dryRun=true' : ''}`, file),
};
