import { Button, Card, Space, Table, Tag, Tooltip } from 'antd';
import { DownloadOutlined, HistoryOutlined, UploadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import type { LedgerInfo } from '../api';
import { useLedgers } from '../hooks/useLedgers';
import { useDownload } from '../hooks/useDownload';
import { ExportButton } from './ExportButton';

/** 台账导入导出 — every ledger the user may read: template, export, and (with the right) import. */
export function LedgersPage() {
  const me = useMe();
  const ledgers = useLedgers();
  const navigate = useNavigate();
  const { run, busy } = useDownload();
  const moduleTitle = new Map(me.modules.map((m) => [m.key, m.title]));

  return (
    <>
      <PageTitle
        title="台账导入导出"
        description="按统一模板导入导出各类台账；导入前先预检，全部无误才写入，任何一行出错则整批不导入。"
        extra={
          <Button icon={<HistoryOutlined />} onClick={() => navigate('/ledgers/imports')}>
            导入记录
          </Button>
        }
      />
      <ErrorAlert error={ledgers.error} onRetry={ledgers.reload} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<LedgerInfo>
          rowKey="key"
          loading={ledgers.loading}
          dataSource={ledgers.data ?? []}
          pagination={false}
          columns={[
            { title: '台账', dataIndex: 'title', width: 160, render: (t: string) => <strong>{t}</strong> },
            { title: '所属业务', dataIndex: 'module', width: 120, render: (m: string) => moduleTitle.get(m) ?? m },
            {
              title: '列',
              key: 'columns',
              render: (_, l) =>
                l.columns.map((c) => (
                  <Tooltip key={c.header} title={c.enum ? `可选值：${c.enum.join('、')}` : undefined}>
                    <Tag color={c.required ? 'blue' : undefined} style={{ marginBottom: 4 }}>
                      {c.required ? '*' : ''}
                      {c.header}
                    </Tag>
                  </Tooltip>
                )),
            },
            {
              title: '操作',
              key: 'actions',
              width: 380,
              render: (_, l) => (
                <Space wrap>
                  <Button icon={<DownloadOutlined />} loading={busy === `template:${l.key}`} onClick={() => run(`template:${l.key}`, 'template', l)}>
                    下载模板
                  </Button>
                  <ExportButton ledger={l} />
                  {l.canImport ? (
                    <Button type="primary" icon={<UploadOutlined />} onClick={() => navigate(`/ledgers/${l.key}/import`)}>
                      导入
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
