/** The register's routes: `${REGISTER_LIST}/list` (a page) and `${REGISTER_LIST}/export?kind=` (the filtered decisions of a kind, the credit platform's 双公示 layout). */
export const REGISTER_LIST = '/api/publicity/decisions';

/** A decision in the publication register (staff view). */
export interface RegisterEntry {
  id: string;
  kind: 'penalty' | 'permit';
  orgId: string;
  sourceEntity: string;
  sourceId: string;
  decisionNo: string;
  decidedOn: string;
  dueOn: string;
  publishedOn: string | null;
  party: string;
  title: string;
  withdrawnOn: string | null;
  withdrawReason: string | null;
}

/** A decision as the public page shows it (names and identifiers already masked by the server). */
export interface PublicDecision {
  id: string;
  kind: 'penalty' | 'permit';
  decisionNo: string;
  decidedOn: string;
  publishedOn: string;
  party: string;
  partyType: string;
  partyIdNo: string;
  title: string;
  content: string;
  basis: string | null;
  authority: string;
}

export const KIND_LABELS = { penalty: '行政处罚', permit: '行政许可' } as const;
