import { useCallback, useState } from 'react';
import { ApiError } from '../../../api/client';
import { ledgersApi, type ImportSuccess, type RowError } from '../api';

/**
 * Where an import stands:
 * pick → checking (预检) → invalid (row errors; pick a corrected file) | ready (counts) →
 * importing → done; `failed` when the file could not be read at all.
 */
export type ImportState =
  | { phase: 'pick' }
  | { phase: 'checking'; file: File }
  | { phase: 'invalid'; file: File; rows: number; errors: RowError[]; errorCount: number }
  | { phase: 'ready'; file: File; preview: ImportSuccess }
  | { phase: 'importing'; file: File; preview: ImportSuccess }
  | { phase: 'done'; file: File; result: ImportSuccess }
  | { phase: 'failed'; file: File; message: string };

const messageOf = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

/** The import wizard of one ledger: preview with a dry run, then the real import. */
export function useLedgerImport(key: string) {
  const [state, setState] = useState<ImportState>({ phase: 'pick' });

  const choose = useCallback(
    async (file: File) => {
      setState({ phase: 'checking', file });
      try {
        const r = await ledgersApi.importFile(key, file, { dryRun: true });
        setState(r.ok ? { phase: 'ready', file, preview: r } : { phase: 'invalid', file, rows: r.rows, errors: r.errors, errorCount: r.errorCount });
      } catch (e) {
        setState({ phase: 'failed', file, message: messageOf(e) });
      }
    },
    [key],
  );

  const confirm = useCallback(async () => {
    if (state.phase !== 'ready') return;
    const { file, preview } = state;
    setState({ phase: 'importing', file, preview });
    try {
      const r = await ledgersApi.importFile(key, file, { dryRun: false });
      setState(r.ok ? { phase: 'done', file, result: r } : { phase: 'invalid', file, rows: r.rows, errors: r.errors, errorCount: r.errorCount });
    } catch (e) {
      setState({ phase: 'failed', file, message: messageOf(e) });
    }
  }, [key, state]);

  const reset = useCallback(() => setState({ phase: 'pick' }), []);
  return { state, choose, confirm, reset };
}
