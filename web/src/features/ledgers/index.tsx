import { FileExcelOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';

const LedgersPage = lazyNamed(() => import('./components/LedgersPage'), 'LedgersPage');
const LedgerImportPage = lazyNamed(() => import('./components/LedgerImportPage'), 'LedgerImportPage');
const ImportsPage = lazyNamed(() => import('./components/ImportsPage'), 'ImportsPage');

/**
 * 台账 — every module's ledgers (kernel routes /api/ledgers) and the import history
 * (/api/imports). The group is titled 台账管理 so that its first entry keeps the name 台账导入导出.
 */
export const ledgersFeature = defineFeature({
  key: 'ledgers',
  title: '台账管理',
  icon: <FileExcelOutlined />,
  menu: [
    { path: '/ledgers', label: '台账导入导出' },
    { path: '/ledgers/imports', label: '导入记录' },
  ],
  routes: [
    { path: '/ledgers', element: <LedgersPage /> },
    { path: '/ledgers/imports', element: <ImportsPage /> },
    { path: '/ledgers/:key/import', element: <LedgerImportPage /> },
  ],
  entities: {
    ledger: { label: '台账', link: () => '/ledgers' },
    'ledger.import': {
      label: '台账导入',
      link: (id) => `/ledgers/imports?id=${encodeURIComponent(id)}`,
      actions: { undone: '撤销导入' },
      notes: {
        ledger: '台账',
        sha256: '文件指纹',
        size: '文件大小（字节）',
        findings: '历史问题',
        findingsByRule: '历史问题（按规则）',
        traceDigest: '导入明细摘要',
        stateDigest: '记录状态摘要',
        ignoredRows: '忽略行数',
        deleted: '删除记录',
        restored: '恢复记录',
      },
    },
  },
});
