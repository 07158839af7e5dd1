/** The Chinese names of the petitions module's records: a demand kind's, with the demand's fields and verbs (src/core/labels.ts). */
import { defineLabels } from '../../core/labels.js';
import { demandRecordLabels } from '../demands/labels.js';

export const petitionsLabels = defineLabels({
  'petitions.petition': { label: '信访件', ...demandRecordLabels },
});
