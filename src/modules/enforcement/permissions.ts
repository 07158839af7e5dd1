import type { PermissionDef } from '../../core/module.js';

/** 行政执法 permissions. What a role may do to a case at each stage is the workflow matrix's business. */
export const permissions = {
  'enforcement.case.read': { label: '查看行政处罚案件', roles: ['admin', 'leader', 'legal', 'enforcement', 'street', 'advisor', 'viewer'] },
  'enforcement.case.write': { label: '立案、导入案件', roles: ['enforcement', 'street', 'admin'] },
  'enforcement.case.act': { label: '办理案件环节（按流程矩阵）', roles: ['enforcement', 'street', 'legal', 'leader'] },
  'enforcement.clue.read': { label: '查看案件线索', roles: ['admin', 'leader', 'legal', 'enforcement', 'street', 'clerk', 'viewer'] },
  'enforcement.clue.write': { label: '登记、移送、处理线索', roles: ['enforcement', 'street', 'clerk'] },
  'enforcement.catalogue.read': {
    label: '查看执法事项与执法人员',
    roles: ['admin', 'leader', 'legal', 'enforcement', 'street', 'advisor', 'viewer', 'clerk', 'licensing', 'flood'],
  },
  'enforcement.catalogue.manage': { label: '维护执法事项目录与执法人员', roles: ['admin', 'legal'] },
  'enforcement.review.read': { label: '查看案卷评查与街道对比', roles: ['admin', 'leader', 'legal', 'enforcement', 'street', 'advisor', 'viewer'] },
  'enforcement.review.manage': { label: '组织案卷评查、评分', roles: ['legal', 'advisor'] },
} as const satisfies Record<string, PermissionDef>;
