import { Button, Descriptions, Drawer, Empty, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useApi } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { entityLink } from '../../registry';
import { formatInstant } from '../../../lib/format';
import { ledgersApi, type ImportDetail, type ImportRecordFinding } from '../api';
import { useLedgers } from '../hooks/useLedgers';
import { IgnoredRowsList } from './ImportFindings';

/** File size in the units a clerk reads. */
export function formatSize(n: number): string {
  if (n < 1024) return `${n} 字节`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

interface Props {
  /** The import; the drawer is closed when null. */
  id: string | null;
  onClose: () => void;
  onDownload: (r: ImportDetail) => void;
}

/** 导入详情 — counts, the file's fingerprint, the skipped rows and the findings with links to their records. */
export function ImportDetailDrawer({ id, onClose, onDownload }: Props) {
  return (
    <Drawer open={id !== null} onClose={onClose} size={820} title="导入详情" destroyOnHidden>
      {id ? <ImportDetailView id={id} onDownload={onDownload} /> : null}
    </Drawer>
  );
}

function ImportDetailView({ id, onDownload }: { id: string; onDownload: (r: ImportDetail) => void }) {
  const { data: d, error, reload } = useApi<ImportDetail>(ledgersApi.importPath(id));
  const ledgers = useLedgers();
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!d) return <Skeleton active />;
  return (
    <Flex vertical gap={16} data-testid="import-detail">
      <Descriptions
        column={2}
        size="small"
        bordered
        items={[
          { key: 'ledger', label: '台账', children: d.ledgerTitle ?? ledgers.data?.find((l) => l.key === d.ledger)?.title ?? d.ledger },
          { key: 'at', label: '导入时间', children: formatInstant(d.at) },
          {
            key: 'file',
            label: '文件',
            span: 2,
            children: (
              <Flex gap={8} align="center" wrap>
                <span>{d.filename}</span>
                <Typography.Text type="secondary">{formatSize(d.size)}</Typography.Text>
                <Button size="small" icon={<DownloadOutlined />} onClick={() => onDownload(d)}>
                  下载原文件
                </Button>
              </Flex>
            ),
          },
          {
            key: 'sha',
            label: '文件指纹（SHA-256）',
            span: 2,
            children: (
              <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                {d.sha256}
              </Typography.Text>
            ),
          },
          { key: 'actor', label: '导入人', children: d.actorName },
          { key: 'rows', label: '数据行数', children: d.rows },
          { key: 'counts', label: '新增 / 更新 / 未变', children: `${d.created} / ${d.updated} / ${d.unchanged}` },
          { key: 'findings', label: '历史问题', children: d.findings ? <Tag color="warning">{d.findings} 条</Tag> : '无' },
          {
            key: 'state',
            label: '状态',
            span: 2,
            children: d.undoneAt ? (
              <Tag color="default">
                已撤销（{d.undoneBy ?? '—'}，{formatInstant(d.undoneAt).slice(0, 16)}）
              </Tag>
            ) : (
              <Tag color="success">有效</Tag>
            ),
          },
        ]}
      />
      <IgnoredRowsList rows={d.ignoredRows} />
      <div>
        <Typography.Title level={5}>历史问题</Typography.Title>
        <Typography.Paragraph type="secondary">文件中的历史记录违反规则之处；已照实导入，并在各条记录上标注。</Typography.Paragraph>
        {d.findingList.length ? (
          <Table<ImportRecordFinding>
            size="small"
            rowKey={(f, i) => `${f.row}:${f.column}:${i ?? 0}`}
            dataSource={d.findingList}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            data-testid="import-detail-findings"
            columns={[
              { title: '行', dataIndex: 'row', width: 80, render: (r: number) => `第${r}行` },
              { title: '列', dataIndex: 'column', width: 110, render: (c: string | null) => c || '（整行）' },
              { title: '问题', dataIndex: 'message', render: (m: string) => <Typography.Text type="warning">{m}</Typography.Text> },
              { title: '依据', dataIndex: 'statute', width: 220 },
              {
                title: '记录',
                key: 'record',
                width: 80,
                render: (_, f) => {
                  const to = d.undoneAt ? undefined : entityLink(f.entity, f.entityId);
                  return to ? <Link to={to}>查看</Link> : '—';
                },
              },
            ]}
          />
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={d.undoneAt && d.findings ? '该次导入已撤销，其历史问题已一并删除' : '未发现历史问题'} />
        )}
      </div>
    </Flex>
  );
}
