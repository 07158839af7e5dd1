/** The Chinese names of the disclosure module's records: a demand kind's, with the demand's fields and verbs (src/core/labels.ts). */
import { defineLabels } from '../../core/labels.js';
import { demandRecordLabels } from '../demands/labels.js';

export const disclosureLabels = defineLabels({
  'disclosure.request': { label: '依申请公开', ...demandRecordLabels },
  'disclosure.proactive': {
    label: '主动公开信息',
    fields: { title: '标题', section: '栏目', published_on: '公开日期', platform: '公开平台', org_id: '公开单位' },
  },
});
