import { Card, Descriptions, Layout, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useApi } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';

interface Disclosure {
  agency: string;
  duties: string;
  officers: Array<{ name: string; certNo: string; unit: string }>;
  items: Array<{ code: string; name: string; legalBasis: string; penaltyBasis: string | null; discretion: string | null; delegated: boolean }>;
  procedure: string[];
  remedies: string;
}

/** 行政执法事前公开 — agency, officers with certificate numbers, items, basis, procedure, remedies (no login). */
export function PublicDisclosurePage() {
  const r = useApi<Disclosure>('/api/public/enforcement');
  const d = r.data;
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f5f5' }}>
      <Layout.Content style={{ maxWidth: 1100, margin: '24px auto', width: '100%', padding: '0 16px' }}>
        <Typography.Title level={3}>行政执法公示</Typography.Title>
        <ErrorAlert error={r.error} onRetry={r.reload} />
        {!d ? (
          <Skeleton active />
        ) : (
          <>
            <Card title="执法主体与职责" size="small" style={{ marginBottom: 16 }}>
              <Descriptions
                column={1}
                items={[
                  { key: 'a', label: '执法主体', children: d.agency },
                  { key: 'd', label: '职责', children: d.duties },
                  { key: 'r', label: '救济途径', children: d.remedies },
                ]}
              />
            </Card>
            <Card title="执法程序" size="small" style={{ marginBottom: 16 }}>
              <Space wrap size={4}>
                {d.procedure.map((t, i) => (
                  <span key={t}>
                    {i ? <Typography.Text type="secondary"> → </Typography.Text> : null}
                    <Tag color="blue">
                      {i + 1}. {t}
                    </Tag>
                  </span>
                ))}
              </Space>
            </Card>
            <Card title={`执法人员（${d.officers.length}人）`} size="small" style={{ marginBottom: 16 }}>
              <Table
                rowKey="certNo"
                size="small"
                dataSource={d.officers}
                pagination={{ pageSize: 20 }}
                columns={[
                  { title: '姓名', dataIndex: 'name' },
                  { title: '执法证号', dataIndex: 'certNo' },
                  { title: '单位', dataIndex: 'unit' },
                ]}
              />
            </Card>
            <Card title={`执法事项（${d.items.length}项）`} size="small">
              <Table
                rowKey="code"
                size="small"
                dataSource={d.items}
                pagination={{ pageSize: 20 }}
                columns={[
                  { title: '编码', dataIndex: 'code', width: 170 },
                  { title: '事项', dataIndex: 'name' },
                  { title: '法律依据', dataIndex: 'legalBasis' },
                  { title: '处罚依据', dataIndex: 'penaltyBasis' },
                  { title: '裁量基准', dataIndex: 'discretion' },
                  { title: '实施主体', dataIndex: 'delegated', width: 100, render: (v: boolean) => (v ? '街道' : '区水务局') },
                ]}
              />
            </Card>
          </>
        )}
      </Layout.Content>
    </Layout>
  );
}
