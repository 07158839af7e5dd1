import { KERNEL_LABELS } from '../../../../src/core/labels';
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
    ledger: { ...KERNEL_LABELS.ledger, link: () => '/ledgers' },
    'ledger.import': { ...KERNEL_LABELS['ledger.import'], link: (id) => `/ledgers/imports?id=${encodeURIComponent(id)}` },
  },
});
