import type { Selectable } from 'kysely';
import { decryptPii } from '../../core/crypto/pii.js';
import { publicIdNo, publicPartyName } from './rules.js';
import type { PublicityTables } from './schema.js';
import type { DecisionRegisterView, PublicDecisionView } from './schemas.js';

type DecisionRow = Selectable<PublicityTables['pub_decision']>;

/** A published decision for the public page: a natural person's name and ID number masked. */
export const presentPublicDecision = (
  r: Pick<
    DecisionRow,
    'id' | 'kind' | 'decision_no' | 'decided_on' | 'published_on' | 'party_name' | 'party_type' | 'party_id_no' | 'title' | 'content' | 'basis'
  > & {
    org_name: string;
  },
): PublicDecisionView => ({
  id: r.id,
  kind: r.kind,
  decisionNo: r.decision_no,
  decidedOn: r.decided_on,
  publishedOn: r.published_on,
  party: publicPartyName(r.party_name, r.party_type),
  partyType: r.party_type,
  partyIdNo: publicIdNo(decryptPii(r.party_id_no), r.party_type),
  title: r.title,
  content: r.content,
  basis: r.basis,
  authority: r.org_name,
});

/** A recorded decision in the staff's register. */
export const presentRegisterEntry = (r: DecisionRow): DecisionRegisterView => ({
  id: r.id,
  kind: r.kind,
  orgId: r.org_id,
  sourceEntity: r.source_entity,
  sourceId: r.source_id,
  decisionNo: r.decision_no,
  decidedOn: r.decided_on,
  dueOn: r.due_on,
  publishedOn: r.published_on,
  party: publicPartyName(r.party_name, r.party_type),
  title: r.title,
  withdrawnOn: r.withdrawn_on,
  withdrawReason: r.withdraw_reason,
});
