/** The Chinese names of the reports module's records, their fields, verbs and note keys (src/core/labels.ts). */
import { defineLabels } from '../../core/labels.js';

export const reportsLabels = defineLabels({
  'reports.narrative': { label: '报告叙述', fields: { body: '正文' }, actions: { saved: '保存' }, notes: { version: '版本' } },
  'reports.figure_option': {
    label: '报告数字表述',
    fields: { rounding: '取整', stateYoy: '写明同比', include: '写入报告' },
    actions: { set: '设置' },
  },
});
