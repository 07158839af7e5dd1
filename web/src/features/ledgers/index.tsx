import { FileExcelOutlined } from '@ant-design/icons';
import { lazyNamed } from '../../lib/lazyNamed';
import { defineFeature } from '../types';

const LedgersPage = lazyNamed(() => import('./components/LedgersPage'), 'LedgersPage');
const LedgerImportPage = lazyNamed(() => import('./components/LedgerImportPage'), 'LedgerImportPage');

/** 台账导入导出 — every module's ledgers (kernel routes /api/ledgers). */
export const ledgersFeature = defineFeature({
  key: 'ledgers',
  title: '台账导入导出',
  icon: <FileExcelOutlined />,
  menu: [{ path: '/ledgers', label: '台账导入导出' }],
  routes: [
    { path: '/ledgers', element: <LedgersPage /> },
    { path: '/ledgers/:key/import', element: <LedgerImportPage /> },
  ],
  entities: { ledger: { label: '台账', link: () => '/ledgers' } },
});
