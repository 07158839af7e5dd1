import { useState } from 'react';
import { Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Statistic, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormModal } from '../../../components/FormModal';
import { HistoryDrawer } from '../../../components/HistoryDrawer';
import { PageTitle } from '../../../components/PageTitle';
import { todayShanghai } from '../../../lib/format';
import { CATEGORIES, licensingApi, type PermitItem } from '../api';

/** 许可事项目录 — statutory and committed time limits, 政务云窗; the compression rate comes from the metric registry. */
export function ItemsPage() {
  const can = useCan();
  const navigate = useNavigate();
  const historyId = useParams().id ?? null;
  const items = useApi<PermitItem[]>('/api/licensing/items');
  const year = todayShanghai().slice(0, 4);
  const rate = useApi<{ value: number | null }>(`/api/metrics/licensing.compression_rate/drill?year=${year}`);
  const cloud = useApi<{ value: number | null }>(`/api/metrics/licensing.cloud_window_share/drill?year=${year}`);
  const [editing, setEditing] = useState<PermitItem | 'new' | null>(null);
  return (
    <>
      <PageTitle
        title="行政许可事项目录"
        description="法定时限、承诺时限按工作日计（行政许可法第八十二条）；时限压缩率 = 1 − Σ承诺时限 / Σ法定时限。"
        extra={
          can('licensing.items.manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新增事项
            </Button>
          ) : null
        }
      />
      <Space size={48} style={{ marginBottom: 16 }}>
        <Statistic title="办理时限压缩率" value={rate.data?.value ?? '—'} suffix="%" />
        <Statistic title="纳入“政务云窗”事项占比" value={cloud.data?.value ?? '—'} suffix="%" />
        <Statistic title="事项数" value={items.data?.length ?? 0} />
      </Space>
      <ErrorAlert error={items.error} onRetry={items.reload} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<PermitItem>
          rowKey="id"
          loading={items.loading}
          dataSource={items.data ?? []}
          pagination={false}
          columns={[
            { title: '事项编码', dataIndex: 'code', width: 100 },
            { title: '事项名称', dataIndex: 'name' },
            { title: '类别', dataIndex: 'category', width: 90 },
            { title: '法定时限', dataIndex: 'statutoryDays', width: 90, render: (v: number) => `${v}个工作日` },
            { title: '承诺时限', dataIndex: 'committedDays', width: 90, render: (v: number) => `${v}个工作日` },
            { title: '政务云窗', dataIndex: 'cloudWindow', width: 90, render: (v: boolean) => (v ? <Tag color="blue">是</Tag> : '否') },
            {
              title: '操作',
              key: 'a',
              width: 120,
              render: (_, i) => (
                <Space size={4}>
                  {can('licensing.items.manage') ? (
                    <Button type="link" size="small" onClick={() => setEditing(i)}>
                      编辑
                    </Button>
                  ) : null}
                  <Button type="link" size="small" onClick={() => navigate(`/licensing/items/${i.id}`)}>
                    历史
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing ? (
        <ItemForm
          item={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            items.reload();
            rate.reload();
            cloud.reload();
          }}
        />
      ) : null}
      <HistoryDrawer
        entity="licensing.item"
        id={historyId}
        name={items.data?.find((i) => i.id === historyId)?.name}
        onClose={() => navigate('/licensing/items')}
      />
    </>
  );
}

/** 新增 / 编辑 a catalogue item (an edit carries the version it was read at). */
function ItemForm({ item, onClose, onSaved }: { item: PermitItem | null; onClose(): void; onSaved(): void }) {
  return (
    <FormModal<PermitItem>
      title={item ? `编辑事项 · ${item.name}` : '新增许可事项'}
      testId="item-form"
      initialValues={item ? { ...item } : { category: '排水', statutoryDays: 20, committedDays: 2, cloudWindow: false }}
      onSubmit={(v) => (item ? licensingApi.updateItem(item.id, { ...v, version: item.version }) : licensingApi.createItem(v))}
      onClose={onClose}
      onDone={onSaved}
    >
      <Form.Item name="code" label="事项编码" rules={[{ required: true, message: '请填写事项编码' }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="name" label="事项名称" rules={[{ required: true, message: '请填写事项名称' }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="category" label="类别">
        <Select options={CATEGORIES.map((c) => ({ value: c, label: c }))} />
      </Form.Item>
      <Form.Item name="statutoryDays" label="法定时限（工作日）" rules={[{ required: true }]}>
        <InputNumber min={1} />
      </Form.Item>
      <Form.Item name="committedDays" label="承诺时限（工作日）" rules={[{ required: true }]}>
        <InputNumber min={1} />
      </Form.Item>
      <Form.Item name="cloudWindow" valuePropName="checked">
        <Checkbox>纳入政务云窗</Checkbox>
      </Form.Item>
      <Form.Item name="basis" label="设定依据">
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
