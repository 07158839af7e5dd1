import { useState } from 'react';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { FormModal } from '../../../components/FormModal';
import type { AnnualPlan, AnnualPlanDetail } from '../api';

/** 年度检查计划 — per unit and year: the planned inspections (entity, kind, month), the yearly cap per enterprise and who passed it. */
export function AnnualPlansPage() {
  const can = useCan();
  const plans = useApi<AnnualPlan[]>('/api/inspections/annual-plans');
  const [selected, setSelected] = useState<string>();
  const current = selected ?? plans.data?.[0]?.id;
  const detail = useApi<AnnualPlanDetail>(current ? `/api/inspections/annual-plans/${current}` : null);
  const entities = useApi<Array<{ id: string; name: string }>>(can('inspections.manage') ? '/api/inspections/entities' : null);
  const [modal, setModal] = useState<null | 'plan' | 'entry'>(null);
  const done = () => {
    setModal(null);
    plans.reload();
    detail.reload();
  };
  return (
    <>
      <PageTitle
        title="年度检查计划"
        description="各单位年度行政检查计划（检查对象、类别、月份）与同一企业年度检查次数上限；计划外的入企检查须说明理由。"
        extra={
          can('inspections.manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal('plan')}>
              新建年度计划
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={plans.error} onRetry={plans.reload} />
      <Card styles={{ body: { padding: 0 } }} style={{ marginBottom: 16 }}>
        <Table<AnnualPlan>
          rowKey="id"
          loading={plans.loading}
          dataSource={plans.data ?? []}
          pagination={false}
          scroll={{ x: 600 }}
          rowClassName={(p) => (p.id === current ? 'ant-table-row-selected' : '')}
          onRow={(p) => ({ onClick: () => setSelected(p.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: '年度', dataIndex: 'year', width: 80 },
            { title: '计划名称', dataIndex: 'title' },
            { title: '单位', dataIndex: 'orgName', width: 140 },
            { title: '计划检查', dataIndex: 'entries', width: 100, render: (v: number) => `${v} 项` },
            { title: '每企业年度上限', dataIndex: 'entityCap', width: 130, render: (v: number) => `${v} 次` },
          ]}
        />
      </Card>
      {detail.data ? (
        <Row gutter={16}>
          <Col xs={24} lg={14}>
            <Card
              title={`计划检查 · ${detail.data.plan.title}`}
              styles={{ body: { padding: 0 } }}
              style={{ marginBottom: 16 }}
              extra={
                can('inspections.manage') ? (
                  <Button size="small" onClick={() => setModal('entry')}>
                    添加计划检查
                  </Button>
                ) : null
              }
            >
              <Table
                rowKey="id"
                size="small"
                dataSource={detail.data.entries}
                pagination={{ pageSize: 15, showSizeChanger: false }}
                scroll={{ x: 480 }}
                columns={[
                  { title: '月份', dataIndex: 'month', width: 70, render: (v: number) => `${v}月` },
                  { title: '检查对象', dataIndex: 'entityName' },
                  { title: '类别', dataIndex: 'kind', width: 90 },
                  { title: '备注', dataIndex: 'note', width: 150, render: (v) => v ?? '—' },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <Card title="年度检查次数" styles={{ body: { padding: 0 } }} style={{ marginBottom: 16 }} data-testid="plan-counts">
              <Table
                rowKey="entityId"
                size="small"
                dataSource={detail.data.counts}
                pagination={{ pageSize: 15, showSizeChanger: false }}
                columns={[
                  { title: '企业', dataIndex: 'entityName', ellipsis: true },
                  {
                    title: '检查次数',
                    dataIndex: 'inspections',
                    width: 120,
                    render: (v: number, c) => (c.overCap ? <Tag color="red">{v} 次（超上限）</Tag> : `${v} 次`),
                  },
                ]}
              />
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 8 }}>
                {detail.data.source}
              </Typography.Paragraph>
            </Card>
          </Col>
        </Row>
      ) : null}
      {modal === 'plan' ? (
        <FormModal
          title="新建年度检查计划"
          initialValues={{ year: new Date().getFullYear(), entityCap: 2 }}
          onSubmit={(v) => api.post('/api/inspections/annual-plans', v)}
          onClose={() => setModal(null)}
          onDone={done}
        >
          <Form.Item name="year" label="年度" rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} />
          </Form.Item>
          <Form.Item name="title" label="计划名称" rules={[{ required: true, message: '请填写计划名称' }]}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="entityCap" label="同一企业年度检查次数上限" extra="默认2次，可按本单位规定调整">
            <InputNumber min={1} max={50} />
          </Form.Item>
        </FormModal>
      ) : modal === 'entry' && current ? (
        <FormModal
          title="添加计划检查"
          initialValues={{ kind: '专项', month: 1 }}
          onSubmit={(v) => api.post(`/api/inspections/annual-plans/${current}/entries`, { entries: [v] })}
          onClose={() => setModal(null)}
          onDone={done}
        >
          <Form.Item name="entityId" label="检查对象" rules={[{ required: true, message: '请选择检查对象' }]}>
            <Select showSearch optionFilterProp="label" options={(entities.data ?? []).map((e) => ({ value: e.id, label: e.name }))} />
          </Form.Item>
          <Form.Item name="kind" label="检查类别">
            <Select options={['专项', '投诉举报', '上级交办', '回访'].map((k) => ({ value: k, label: k }))} />
          </Form.Item>
          <Form.Item name="month" label="计划月份">
            <InputNumber min={1} max={12} />
          </Form.Item>
          <Form.Item name="note" label="备注">
            <Input maxLength={500} />
          </Form.Item>
        </FormModal>
      ) : null}
    </>
  );
}
