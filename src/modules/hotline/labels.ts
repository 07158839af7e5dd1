/** The Chinese names of the hotline module's records: a demand kind's, with the demand's fields and verbs (src/core/labels.ts). */
import { defineLabels } from '../../core/labels.js';
import { demandRecordLabels } from '../demands/labels.js';

export const hotlineLabels = defineLabels({
  'hotline.order': { label: '12345工单', ...demandRecordLabels },
  /** The district's average handling time of a year (keyed by the year), the comparison the report cites. */
  'hotline.district_avg': { label: '全区12345平均办理时长', fields: { avg: '平均办理工作日', note: '备注' } },
});
