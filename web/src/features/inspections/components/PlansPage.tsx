import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import type { Plan } from '../api';
import { FormModal } from '../../../components/FormModal';

/** 年度抽查计划 — each plan's item, sampling ratio and whether it has been drawn. */
export function PlansPage() {
  const can = useCan();
  const navigate = useNavigate();
  const plans = useApi<Plan[]>('/api/inspections/plans');
  const items = useApi<Array<{ id: string; name: string; entityKind: string }>>('/api/inspections/items');
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageTitle
        title="“双随机、一公开”抽查计划"
        description="随机抽取检查对象、随机选派执法检查人员（每户至少2名，回避人员排除），抽取过程以记录的随机种子可复核；检查结果20个工作日内公示。"
        extra={
          can('inspections.manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建计划
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={plans.error} onRetry={plans.reload} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Plan>
          rowKey="id"
          loading={plans.loading}
          dataSource={plans.data ?? []}
          pagination={false}
          onRow={(p) => ({ onClick: () => navigate(`/inspections/plans/${p.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: '年度', dataIndex: 'year', width: 80 },
            { title: '计划名称', dataIndex: 'title' },
            { title: '抽查事项', dataIndex: 'itemName', width: 260 },
            { title: '抽查比例', dataIndex: 'ratioPercent', width: 100, render: (v: number) => `${v}%` },
            { title: '检查时段', key: 'w', width: 220, render: (_, p) => `${p.windowFrom} 至 ${p.windowTo}` },
            { title: '抽取', dataIndex: 'drawnOn', width: 140, render: (v: string | null) => (v ? <Tag color="green">已抽取 {v}</Tag> : <Tag>未抽取</Tag>) },
          ]}
        />
      </Card>
      {creating ? (
        <FormModal<Plan>
          title="新建抽查计划"
          initialValues={{ year: dayjs().year(), ratioPercent: 5, perEntity: 2, windowFrom: dayjs(), windowTo: dayjs().add(2, 'month') }}
          onSubmit={(v) => api.post('/api/inspections/plans', v)}
          onClose={() => setCreating(false)}
          onDone={(p) => {
            setCreating(false);
            navigate(`/inspections/plans/${p.id}`);
          }}
        >
          <Form.Item name="year" label="年度" rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="title" label="计划名称" rules={[{ required: true, message: '请填写计划名称' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="itemId" label="抽查事项（随机抽查事项清单）" rules={[{ required: true, message: '请选择抽查事项' }]}>
            <Select options={(items.data ?? []).map((i) => ({ value: i.id, label: `${i.name}（${i.entityKind}）` }))} />
          </Form.Item>
          <Form.Item name="ratioPercent" label="抽查比例（%）" rules={[{ required: true }]}>
            <InputNumber min={0.01} max={100} step={1} />
          </Form.Item>
          <Form.Item name="perEntity" label="每户执法检查人员数（至少2名）">
            <InputNumber min={1} max={10} />
          </Form.Item>
          <Form.Item name="windowFrom" label="检查开始日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="windowTo" label="检查结束日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </FormModal>
      ) : null}
    </>
  );
}
