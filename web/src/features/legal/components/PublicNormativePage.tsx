import { useState } from 'react';
import { Card, Layout, Segmented, Table, Tag } from 'antd';
import { useApi } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { NormativeStatus, PublicNormative } from '../api';

const COLOR: Record<NormativeStatus, string> = { 现行有效: 'green', 已废止: 'default', 已失效: 'orange' };

/** 行政规范性文件目录 — the public page (no login): every published normative document with its number, date and status. */
export function PublicNormativePage() {
  const res = useApi<{ bureau: string; items: PublicNormative[] }>('/api/public/legal/normative-documents');
  const [status, setStatus] = useState<NormativeStatus | ''>('');
  const items = (res.data?.items ?? []).filter((x) => !status || x.status === status);
  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header style={{ background: '#1f4e8c', color: '#fff', fontSize: 18 }}>{res.data?.bureau ?? ''} · 行政规范性文件</Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1100, margin: '0 auto', width: '100%' }}>
        <Card
          title="行政规范性文件目录"
          extra={
            <Segmented
              value={status}
              onChange={(v) => setStatus(v as typeof status)}
              options={[
                { label: '全部', value: '' },
                { label: '现行有效', value: '现行有效' },
                { label: '已废止', value: '已废止' },
                { label: '已失效', value: '已失效' },
              ]}
            />
          }
          styles={{ body: { padding: 0 } }}
        >
          <ErrorAlert error={res.error} onRetry={res.reload} />
          <Table<PublicNormative>
            rowKey="id"
            loading={res.loading}
            dataSource={items}
            pagination={{ pageSize: 20 }}
            scroll={{ x: 800 }}
            locale={{ emptyText: '暂无公布的规范性文件' }}
            data-testid="public-normative"
            columns={[
              { title: '文号', dataIndex: 'docNo', width: 150, render: (v: string | null) => v ?? '—' },
              { title: '文件名称', dataIndex: 'title' },
              { title: '公布日期', dataIndex: 'publishedOn', width: 110 },
              { title: '有效期至', dataIndex: 'validUntil', width: 110, render: (v: string | null) => v ?? '—' },
              {
                title: '状态',
                dataIndex: 'status',
                width: 150,
                render: (v: NormativeStatus, r) => (
                  <Tag color={COLOR[v]}>
                    {v}
                    {r.repealedOn ? `（${r.repealedOn}）` : ''}
                  </Tag>
                ),
              },
            ]}
          />
        </Card>
      </Layout.Content>
    </Layout>
  );
}
