import { useState } from 'react';
import { Alert, Card, Layout, Select, Table } from 'antd';
import { qs } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { PublicList } from '../api';

type Row = PublicList['works'][number];

/** 防汛责任人名单公示 — the public page (no login): the list as published, phones masked, and changes since. */
export function PublicPersonsPage() {
  const [year, setYear] = useState<number>();
  const res = useApi<PublicList>(`/api/public/flood/responsible-persons${qs({ year })}`);
  const d = res.data;
  const p = (x: Row['admin']) => `${x.name}${x.post ? `（${x.post}）` : ''}${x.phone ? ` ${x.phone}` : ''}`;
  return (
    <Layout style={{ minHeight: '100%' }}>
      <Layout.Header style={{ background: '#1f4e8c', color: '#fff', fontSize: 18 }}>{d?.bureau ?? ''} · 水利工程防汛责任人名单公示</Layout.Header>
      <Layout.Content style={{ padding: 24, maxWidth: 1200, margin: '0 auto', width: '100%' }}>
        <ErrorAlert error={res.error} onRetry={res.reload} />
        <Card
          title={d?.year ? `${d.year}年度水利工程防汛“三个责任人”名单（${d.publishedOn} 公示）` : '暂无公示'}
          extra={
            <Select
              style={{ width: 120 }}
              value={d?.year ?? undefined}
              onChange={setYear}
              options={(d?.years ?? []).map((y) => ({ value: y, label: `${y}年度` }))}
            />
          }
        >
          {d?.changes.length ? (
            <Alert
              type="info"
              showIcon
              title="公示后名单调整"
              description={
                <ul style={{ margin: 0 }}>
                  {d.changes.map((c) => (
                    <li key={c.work}>
                      {c.work}：{c.change}
                    </li>
                  ))}
                </ul>
              }
              style={{ marginBottom: 16 }}
            />
          ) : null}
          <Table<Row>
            rowKey="name"
            size="small"
            loading={res.loading}
            dataSource={d?.works ?? []}
            pagination={false}
            columns={[
              { title: '工程名称', dataIndex: 'name' },
              { title: '类型', dataIndex: 'kind', width: 70 },
              { title: '所在地', dataIndex: 'org', width: 110 },
              { title: '行政责任人', key: 'a', render: (_, r) => p(r.admin) },
              { title: '技术责任人', key: 't', render: (_, r) => p(r.tech) },
              { title: '巡查责任人', key: 'p', render: (_, r) => p(r.patrol) },
            ]}
          />
        </Card>
      </Layout.Content>
    </Layout>
  );
}
