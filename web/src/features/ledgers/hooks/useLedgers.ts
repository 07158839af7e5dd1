import { useApi } from '../../../api/useApi';
import type { LedgerInfo } from '../api';

/** The ledgers the user may read (from every module). */
export function useLedgers() {
  return useApi<LedgerInfo[]>('/api/ledgers');
}
