/** The Chinese names of the proposals module's records: a demand kind's, with the demand's fields and verbs (src/core/labels.ts). */
import { defineLabels } from '../../core/labels.js';
import { demandRecordLabels } from '../demands/labels.js';

export const proposalsLabels = defineLabels({
  'proposals.proposal': { label: '建议提案', ...demandRecordLabels },
});
