import { useState } from 'react';
import { Card, Descriptions, Input, Layout, List, Segmented, Space, Tag, Typography } from 'antd';
import { qs } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { KIND_LABELS, type PublicDecision } from '../api';

/** 行政执法公示 — the public page (no login): published decisions, personal identifiers masked. */
export function PublicDecisionsPage() {
  const [kind, setKind] = useState<'penalty' | 'permit' | ''>('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const res = useApi<{ bureau: string; items: PublicDecision[] }>(`/api/public/decisions${qs({ kind, q, page })}`);
  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header style={{ background: '#1f4e8c', color: '#fff', fontSize: 18 }}>{res.data?.bureau ?? ''} · 行政执法公示</Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1100, margin: '0 auto', width: '100%' }}>
        <Card
          title="行政处罚与行政许可决定公示"
          extra={
            <Space>
              <Segmented
                value={kind}
                onChange={(v) => {
                  setKind(v as typeof kind);
                  setPage(1);
                }}
                options={[
                  { label: '全部', value: '' },
                  { label: '行政处罚', value: 'penalty' },
                  { label: '行政许可', value: 'permit' },
                ]}
              />
              <Input.Search
                allowClear
                placeholder="文书号、事项或当事人"
                onSearch={(v) => {
                  setQ(v);
                  setPage(1);
                }}
                style={{ width: 240 }}
              />
            </Space>
          }
        >
          <ErrorAlert error={res.error} onRetry={res.reload} />
          <List
            loading={res.loading}
            dataSource={res.data?.items ?? []}
            locale={{ emptyText: '暂无公示信息' }}
            pagination={{
              current: page,
              pageSize: 20,
              total: (page - 1) * 20 + (res.data?.items.length ?? 0) + ((res.data?.items.length ?? 0) === 20 ? 1 : 0),
              onChange: setPage,
              simple: true,
            }}
            renderItem={(d) => (
              <List.Item key={d.id}>
                <Descriptions
                  size="small"
                  column={2}
                  title={
                    <Space>
                      <Tag color={d.kind === 'penalty' ? 'volcano' : 'blue'}>{KIND_LABELS[d.kind]}</Tag>
                      <Typography.Text>{d.title}</Typography.Text>
                    </Space>
                  }
                  items={[
                    { key: 'no', label: '决定文书号', children: d.decisionNo },
                    { key: 'party', label: '当事人', children: `${d.party}${d.partyIdNo ? `（${d.partyIdNo}）` : ''}` },
                    { key: 'content', label: d.kind === 'penalty' ? '处罚内容' : '许可内容', children: d.content },
                    { key: 'basis', label: '依据', children: d.basis ?? '—' },
                    { key: 'date', label: '决定日期', children: d.decidedOn },
                    { key: 'pub', label: '公示日期', children: d.publishedOn },
                    { key: 'org', label: '决定机关', children: d.authority },
                  ]}
                />
              </List.Item>
            )}
          />
        </Card>
      </Layout.Content>
    </Layout>
  );
}
