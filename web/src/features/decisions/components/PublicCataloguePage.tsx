import { Card, Empty, Layout, Table, Typography } from 'antd';
import { useApi } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { PublicCatalogue } from '../api';

type Item = PublicCatalogue['years'][number]['items'][number];

/** 年度重大行政决策事项目录 — the public page (no login): every published catalogue by year. */
export function PublicCataloguePage() {
  const res = useApi<PublicCatalogue>('/api/public/major-decisions');
  const years = res.data?.years ?? [];
  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header
        style={{ background: '#1f4e8c', color: '#fff', fontSize: 18, paddingInline: 16, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' }}
      >
        {res.data?.bureau ?? ''} · 重大行政决策事项目录
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 1100, margin: '0 auto', width: '100%' }}>
        <ErrorAlert error={res.error} onRetry={res.reload} />
        {!res.loading && !years.length ? <Empty description="暂无公布的决策事项目录" /> : null}
        {years.map((y) => (
          <Card
            key={y.year}
            title={`${y.year}年度目录`}
            extra={y.publishedOn ? <Typography.Text type="secondary">{y.publishedOn} 公布</Typography.Text> : null}
            styles={{ body: { padding: 0 } }}
            style={{ marginBottom: 16 }}
            data-testid={`public-catalogue-${y.year}`}
          >
            <Table<Item>
              rowKey="seq"
              dataSource={y.items}
              pagination={false}
              scroll={{ x: 720 }}
              columns={[
                { title: '序号', dataIndex: 'seq', width: 60 },
                { title: '决策事项', dataIndex: 'title' },
                { title: '事项类别', dataIndex: 'category', width: 170 },
                { title: '承办单位', dataIndex: 'unit', width: 130, render: (x: string | null) => x ?? '—' },
                { title: '计划完成时间', dataIndex: 'planned', width: 130, render: (x: string | null) => x ?? '—' },
              ]}
            />
          </Card>
        ))}
      </Layout.Content>
    </Layout>
  );
}
