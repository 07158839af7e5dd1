/** The Chinese names of the rivers module's records, their fields, verbs and note keys (src/core/labels.ts). */
import { defineLabels } from '../../core/labels.js';

export const RIVER_FIELDS = {
  river_id: '河涌',
  section_id: '监测断面',
  sample_id: '水样',
  name: '河涌名称',
  lengthKm: '长度（km）',
  orgId: '责任单位',
  streetOrgIds: '所在街道',
  chief: '河长',
  sections: '监测断面',
  waterType: '水体类型',
  river: '河涌',
  section: '断面',
  sampledOn: '采样日期',
  transparencyCm: '透明度（cm）',
  depthCm: '水深（cm）',
  doMgl: '溶解氧',
  orpMv: '氧化还原电位',
  nh3nMgl: '氨氮',
  tpMgl: '总磷',
  codMgl: '化学需氧量',
  codmnMgl: '高锰酸盐指数',
  bod5Mgl: '五日生化需氧量',
  tnMgl: '总氮',
  gbClass: '水质类别',
  blackGrade: '黑臭分级',
  grade: '黑臭分级',
  raisedOn: '预警日期',
  message: '预警内容',
  status: '状态',
  handledOn: '处置日期',
  handledBy: '处置人',
  handledNote: '处置情况',
};

export const riversLabels = defineLabels({
  'rivers.river': { label: '河涌', fields: RIVER_FIELDS },
  'rivers.sample': {
    label: '水质监测记录',
    fields: RIVER_FIELDS,
    actions: { recorded: '录入', field_recorded: '外勤采样' },
    notes: { capturedAt: '采样时间（设备）', location: '采样位置', receivedAt: '接收时间（服务器）', sha256: '照片 SHA-256', via: '来源' },
  },
  'rivers.alert': { label: '黑臭预警', fields: RIVER_FIELDS, actions: { raised: '发出预警', handled: '处置预警' }, notes: { sampleId: '水样' } },
});
