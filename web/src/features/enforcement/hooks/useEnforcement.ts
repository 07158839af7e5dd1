import { useApi } from '../../../api/useApi';
import { qs } from '../../../api/client';
import type { CaseDetail, CaseSummary, Clue, Item, Meta, Officer } from '../api';

/** 案件列表 with the filters of the list page. */
export const useCaseList = (f: { stage?: string; side?: string; orgId?: string; year?: number; q?: string; deadline?: string }) =>
  useApi<CaseSummary[]>(`/api/enforcement/cases${qs(f)}`);
export const useCase = (id: string) => useApi<CaseDetail>(`/api/enforcement/cases/${id}`);
export const useMeta = () => useApi<Meta>('/api/enforcement/meta');
export const useOfficers = (orgId?: string) => useApi<Officer[]>(`/api/enforcement/officers${qs({ orgId })}`);
export const useItems = () => useApi<Item[]>('/api/enforcement/items');
export const useClues = (f: { status?: string; source?: string }) => useApi<Clue[]>(`/api/enforcement/clues${qs(f)}`);
export const useOrgList = () => useApi<Array<{ id: string; name: string; kind: string }>>('/api/orgs');
