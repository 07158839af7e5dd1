import { Button, Dropdown } from 'antd';
import { DownOutlined, ExportOutlined } from '@ant-design/icons';
import type { ExportFormat, LedgerInfo } from '../api';
import { useDownload } from '../hooks/useDownload';

const FORMATS: Array<{ key: ExportFormat; label: string }> = [
  { key: 'xlsx', label: 'Excel 表格（.xlsx）' },
  { key: 'csv', label: 'CSV（UTF-8）' },
  { key: 'csv-gb18030', label: 'CSV（GB18030，适合中文版 Excel）' },
];

/** 导出 — the ledger in the user's data scope, as xlsx or csv. */
export function ExportButton({ ledger }: { ledger: LedgerInfo }) {
  const { run, busy } = useDownload();
  return (
    <Dropdown menu={{ items: FORMATS, onClick: ({ key }) => void run(key, key as ExportFormat, ledger) }} trigger={['click']}>
      <Button icon={<ExportOutlined />} loading={busy !== null}>
        导出 <DownOutlined />
      </Button>
    </Dropdown>
  );
}
