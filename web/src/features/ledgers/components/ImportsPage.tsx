import { useState } from 'react';
import { Alert, App, Button, Card, Flex, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { formatInstant } from '../../../lib/format';
import { ledgersApi, type ImportRecord } from '../api';
import { useImports } from '../hooks/useImports';
import { useLedgers } from '../hooks/useLedgers';
import { ImportDetailDrawer } from './ImportDetailDrawer';

/** 导入记录 — every ledger import the user may see, newest first: counts, findings, the original file, undo. */
export function ImportsPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const ledger = params.get('ledger') ?? undefined;
  const openId = params.get('id');
  const ledgers = useLedgers();
  const list = useImports(ledger);
  const [refusal, setRefusal] = useState<{ filename: string; message: string } | null>(null);
  const [undoing, setUndoing] = useState<string | null>(null);

  const setParam = (k: 'ledger' | 'id', v: string | undefined) =>
    setParams((p) => {
      const n = new URLSearchParams(p);
      if (v) n.set(k, v);
      else n.delete(k);
      return n;
    });

  const downloadOriginal = async (r: Pick<ImportRecord, 'id' | 'filename'>) => {
    try {
      message.success(`已下载：${await ledgersApi.downloadOriginal(r)}`);
    } catch (e) {
      message.error(e instanceof ApiError ? e.message : String(e));
    }
  };

  const undo = async (r: ImportRecord) => {
    setUndoing(r.id);
    setRefusal(null);
    try {
      const res = await ledgersApi.undoImport(r.id);
      message.success(`已撤销导入“${r.filename}”：删除新增的记录 ${res.deleted} 条，恢复更新前的记录 ${res.restored} 条`);
      list.reload();
    } catch (e) {
      const text = e instanceof ApiError ? e.message : String(e);
      setRefusal({ filename: r.filename, message: text });
      message.error(text);
    } finally {
      setUndoing(null);
    }
  };

  return (
    <>
      <PageTitle
        title="导入记录"
        description="每次台账导入的文件、导入人、结果与历史问题；可下载原文件，必要时撤销该台账最近一次导入。"
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/ledgers')}>
            返回台账列表
          </Button>
        }
      />
      <ErrorAlert error={ledgers.error} onRetry={ledgers.reload} />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      {refusal ? (
        <Alert
          type="error"
          showIcon
          closable={{ onClose: () => setRefusal(null) }}
          data-testid="undo-refused"
          title={`未能撤销导入“${refusal.filename}”`}
          description={refusal.message}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Card
        title={
          <Space>
            <span>台账</span>
            <Select
              allowClear
              placeholder="全部台账"
              style={{ width: 240 }}
              value={ledger}
              onChange={(v: string | undefined) => setParam('ledger', v)}
              options={(ledgers.data ?? []).map((l) => ({ value: l.key, label: l.title }))}
              data-testid="imports-ledger-filter"
            />
          </Space>
        }
        styles={{ body: { padding: 0 } }}
      >
        <Table<ImportRecord>
          rowKey="id"
          loading={list.loading}
          dataSource={list.items}
          pagination={false}
          data-testid="imports-table"
          scroll={{ x: 1120 }}
          locale={{ emptyText: '暂无导入记录' }}
          columns={[
            {
              title: '时间',
              dataIndex: 'at',
              width: 152,
              render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatInstant(at).slice(0, 16)}</span>,
            },
            { title: '台账', dataIndex: 'ledgerTitle', width: 130 },
            {
              title: '文件',
              dataIndex: 'filename',
              width: 180,
              ellipsis: { showTitle: false },
              render: (f: string) => (
                <Tooltip title={f}>
                  <span>{f}</span>
                </Tooltip>
              ),
            },
            { title: '导入人', dataIndex: 'actorName', width: 88 },
            { title: '行数', dataIndex: 'rows', width: 60, align: 'right' },
            {
              title: '新增/更新/未变',
              key: 'counts',
              width: 128,
              render: (_, r) => (
                <span>
                  <Typography.Text type="success">{r.created}</Typography.Text> / {r.updated} /{' '}
                  <Typography.Text type="secondary">{r.unchanged}</Typography.Text>
                </span>
              ),
            },
            {
              title: '历史问题',
              dataIndex: 'findings',
              width: 92,
              render: (n: number) =>
                n ? (
                  <Tag color="warning" data-testid="import-findings-count">
                    {n} 条
                  </Tag>
                ) : (
                  <Typography.Text type="secondary">无</Typography.Text>
                ),
            },
            {
              title: '状态',
              key: 'state',
              width: 150,
              render: (_, r) =>
                r.state === 'running' ? (
                  <Flex vertical gap={2} data-testid="import-state">
                    <span>
                      <Tag color="processing">导入中</Tag>
                    </span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      已写入 {r.rows} 行，完成前其记录已可见
                    </Typography.Text>
                  </Flex>
                ) : r.state === 'failed' ? (
                  <Flex vertical gap={2} data-testid="import-state">
                    <span>
                      <Tag color="error">失败，已回滚</Tag>
                    </span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.failure ?? '—'}
                    </Typography.Text>
                  </Flex>
                ) : r.undoneAt ? (
                  <Flex vertical gap={2} data-testid="import-state">
                    <span>
                      <Tag>已撤销</Tag>
                    </span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.undoneBy ?? '—'} 于 {formatInstant(r.undoneAt).slice(0, 16)}
                    </Typography.Text>
                  </Flex>
                ) : (
                  <Tag color="success" data-testid="import-state">
                    有效
                  </Tag>
                ),
            },
            {
              title: '操作',
              key: 'actions',
              width: 214,
              fixed: 'right',
              render: (_, r) => (
                <Space size={0}>
                  <Button size="small" type="link" onClick={() => setParam('id', r.id)}>
                    详情
                  </Button>
                  <Button size="small" type="link" onClick={() => void downloadOriginal(r)}>
                    下载原文件
                  </Button>
                  {r.canUndo && !r.undoneAt && (r.state ?? 'committed') === 'committed' ? (
                    <Popconfirm
                      title="撤销这次导入？"
                      description={
                        <div style={{ maxWidth: 340 }}>
                          只能撤销该台账最近一次导入，且仅限导入后其记录上未再办理、修改或被之后的导入更新。撤销将删除本次新增的记录、恢复本次更新前的内容，并记入审计日志。
                        </div>
                      }
                      okText="撤销导入"
                      okButtonProps={{ danger: true }}
                      cancelText="取消"
                      onConfirm={() => undo(r)}
                    >
                      <Button size="small" type="link" danger loading={undoing === r.id}>
                        撤销
                      </Button>
                    </Popconfirm>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
        {list.hasMore || list.items.length ? (
          <Flex justify="center" style={{ padding: 12 }}>
            {list.hasMore ? (
              <Button onClick={list.loadMore} loading={list.loading}>
                加载更多
              </Button>
            ) : (
              <Typography.Text type="secondary">已显示全部 {list.items.length} 次导入</Typography.Text>
            )}
          </Flex>
        ) : null}
      </Card>
      <ImportDetailDrawer id={openId} onClose={() => setParam('id', undefined)} onDownload={(d) => void downloadOriginal(d)} />
    </>
  );
}
