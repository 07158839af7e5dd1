import type { PermitCategory } from './schema.js';

/**
 * The demo bureau's permit-item catalogue (synthetic but typical of a district water
 * bureau). Σ法定 = 415, Σ承诺 = 29 working days: 1 − 29/415 = 93.01 %; 6 of 17 items
 * (35.29 %) are served through the 政务云窗.
 */
export const DEMO_ITEMS: ReadonlyArray<{
  code: string;
  name: string;
  category: PermitCategory;
  statutoryDays: number;
  committedDays: number;
  cloudWindow: boolean;
  basis: string;
}> = [
  {
    code: 'SL-001',
    name: '河道管理范围内建设项目工程建设方案审批',
    category: '水利',
    statutoryDays: 20,
    committedDays: 2,
    cloudWindow: true,
    basis: '《中华人民共和国水法》第三十八条；《中华人民共和国河道管理条例》第十一条',
  },
  {
    code: 'SL-002',
    name: '取水许可（新办）',
    category: '水利',
    statutoryDays: 45,
    committedDays: 3,
    cloudWindow: false,
    basis: '《取水许可和水资源费征收管理条例》第二十一条',
  },
  {
    code: 'SL-003',
    name: '取水许可（变更）',
    category: '水利',
    statutoryDays: 45,
    committedDays: 3,
    cloudWindow: false,
    basis: '《取水许可和水资源费征收管理条例》第二十一条、第二十七条',
  },
  {
    code: 'SL-004',
    name: '取水许可（延续）',
    category: '水利',
    statutoryDays: 45,
    committedDays: 3,
    cloudWindow: false,
    basis: '《取水许可和水资源费征收管理条例》第二十一条、第二十六条',
  },
  {
    code: 'SL-005',
    name: '生产建设项目水土保持方案审批',
    category: '水利',
    statutoryDays: 20,
    committedDays: 2,
    cloudWindow: true,
    basis: '《中华人民共和国水土保持法》第二十五条',
  },
  {
    code: 'SL-006',
    name: '占用农业灌溉水源、灌排工程设施审批',
    category: '水利',
    statutoryDays: 20,
    committedDays: 1,
    cloudWindow: false,
    basis: '《国务院对确需保留的行政审批项目设定行政许可的决定》第172项',
  },
  {
    code: 'SL-007',
    name: '河道采砂许可',
    category: '水利',
    statutoryDays: 20,
    committedDays: 1,
    cloudWindow: false,
    basis: '《中华人民共和国河道管理条例》第二十五条',
  },
  {
    code: 'PS-001',
    name: '城镇污水排入排水管网许可',
    category: '排水',
    statutoryDays: 20,
    committedDays: 2,
    cloudWindow: true,
    basis: '《城镇排水与污水处理条例》第二十一条',
  },
  {
    code: 'PS-002',
    name: '城镇污水排入排水管网许可（延续）',
    category: '排水',
    statutoryDays: 20,
    committedDays: 1,
    cloudWindow: true,
    basis: '《城镇污水排入排水管网许可管理办法》第十三条',
  },
  {
    code: 'PS-003',
    name: '城镇污水排入排水管网许可（变更）',
    category: '排水',
    statutoryDays: 20,
    committedDays: 1,
    cloudWindow: false,
    basis: '《城镇污水排入排水管网许可管理办法》第十四条',
  },
  {
    code: 'PS-004',
    name: '拆除、改动城镇排水与污水处理设施审核',
    category: '排水',
    statutoryDays: 20,
    committedDays: 2,
    cloudWindow: true,
    basis: '《城镇排水与污水处理条例》第四十三条',
  },
  {
    code: 'PS-005',
    name: '临时排水许可',
    category: '排水',
    statutoryDays: 20,
    committedDays: 1,
    cloudWindow: false,
    basis: '《广州市排水管理办法》第二十四条',
  },
  {
    code: 'PS-006',
    name: '排水设施接驳审批',
    category: '排水',
    statutoryDays: 20,
    committedDays: 1,
    cloudWindow: false,
    basis: '《广州市排水管理办法》第二十条',
  },
  {
    code: 'GC-001',
    name: '水利基建项目初步设计文件审批',
    category: '工程建设',
    statutoryDays: 20,
    committedDays: 2,
    cloudWindow: false,
    basis: '《国务院对确需保留的行政审批项目设定行政许可的决定》第171项',
  },
  {
    code: 'GC-002',
    name: '占用、挖掘城镇排水设施施工审批',
    category: '工程建设',
    statutoryDays: 20,
    committedDays: 1,
    cloudWindow: true,
    basis: '《城镇排水与污水处理条例》第四十三条',
  },
  {
    code: 'GC-003',
    name: '在建设项目管理范围内进行爆破、打井、取土审批',
    category: '工程建设',
    statutoryDays: 20,
    committedDays: 2,
    cloudWindow: false,
    basis: '《广东省水利工程管理条例》第二十条',
  },
  {
    code: 'GC-004',
    name: '水务工程建设项目施工图设计文件审查备案',
    category: '工程建设',
    statutoryDays: 20,
    committedDays: 1,
    cloudWindow: false,
    basis: '《建设工程质量管理条例》第十一条',
  },
];
