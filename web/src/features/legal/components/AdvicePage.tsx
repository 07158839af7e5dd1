import { Suspense, useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Segmented, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router-dom';
import { api, qs } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { todayShanghai } from '../../../lib/format';
import { ADVICE_KINDS, type Advice } from '../api';
import { FormModal } from '../../../components/FormModal';
import { lazyNamed } from '../../../lib/lazyNamed';

// A record's drawer (attachments, upload, history) loads when a record is opened: the list page stays within its budget.
const AdviceDrawer = lazyNamed(() => import('./AdviceDrawer'), 'AdviceDrawer');

/** 法律顾问工作台账 — records by type with the year's counts; a record opens with its attachments and history. */
export function AdvicePage() {
  const can = useCan();
  const navigate = useNavigate();
  const openId = useParams().id ?? null;
  const [year, setYear] = useState(() => Number(todayShanghai().slice(0, 4)));
  const [kind, setKind] = useState('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const res = useApi<{ items: Advice[]; total: number; byKind: Record<string, number> }>(`/api/legal/advice${qs({ year, kind, q, page })}`);
  const counts = useApi<{ byKind: Record<string, number> }>(`/api/legal/advice${qs({ year, pageSize: 1 })}`);
  return (
    <>
      <PageTitle
        title="法律顾问工作台账"
        description="合同审查、文件审核、法律意见书、会议、业务研讨与专题培训；审查的文件与出具的意见作为附件留存。"
        extra={
          can('legal.write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              登记工作
            </Button>
          ) : null
        }
      />
      <Card
        styles={{ body: { padding: 0 } }}
        title={
          <Space wrap>
            <DatePicker
              picker="year"
              allowClear={false}
              value={dayjs(`${year}-01-01`)}
              onChange={(d) => {
                if (!d) return;
                setYear(d.year());
                setPage(1);
              }}
              format="YYYY年"
            />
            <Segmented
              value={kind}
              onChange={(v) => {
                setKind(v as string);
                setPage(1);
              }}
              options={[{ label: '全部', value: '' }, ...ADVICE_KINDS.map((k) => ({ label: `${k} ${counts.data?.byKind[k] ?? 0}`, value: k }))]}
              data-testid="advice-kinds"
            />
            <Input.Search
              allowClear
              placeholder="事项名称、承办人"
              onSearch={(v) => {
                setQ(v);
                setPage(1);
              }}
              style={{ width: 200 }}
            />
          </Space>
        }
      >
        <ErrorAlert error={res.error} onRetry={res.reload} />
        <Table<Advice>
          rowKey="id"
          loading={res.loading}
          dataSource={res.data?.items ?? []}
          onRow={(a) => ({ onClick: () => navigate(`/legal/advice/${a.id}`), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: 20, total: res.data?.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 条`, showSizeChanger: false }}
          columns={[
            { title: '日期', dataIndex: 'date', width: 110 },
            { title: '类型', dataIndex: 'kind', width: 110 },
            { title: '事项名称', dataIndex: 'title' },
            { title: '顾问单位', dataIndex: 'firm', width: 240 },
            { title: '承办人', dataIndex: 'handler', width: 100 },
          ]}
        />
      </Card>
      {creating ? (
        <FormModal<Advice>
          title="登记法律顾问工作"
          initialValues={{ date: dayjs(), kind: '合同审查' }}
          onSubmit={(v) => api.post('/api/legal/advice', v)}
          onClose={() => setCreating(false)}
          onDone={(a) => {
            setCreating(false);
            res.reload();
            counts.reload();
            navigate(`/legal/advice/${a.id}`);
          }}
        >
          <Form.Item name="date" label="日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
            <Select options={ADVICE_KINDS.map((k) => ({ value: k, label: k }))} />
          </Form.Item>
          <Form.Item name="title" label="事项名称" rules={[{ required: true, message: '请填写事项名称' }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="handler" label="承办人">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="firm" label="顾问单位" extra="留空则取当日有效合同的顾问单位">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="opinion" label="意见摘要">
            <Input.TextArea rows={3} />
          </Form.Item>
        </FormModal>
      ) : null}
      {openId ? (
        <Suspense fallback={null}>
          <AdviceDrawer id={openId} onClose={() => navigate('/legal/advice')} />
        </Suspense>
      ) : null}
    </>
  );
}
