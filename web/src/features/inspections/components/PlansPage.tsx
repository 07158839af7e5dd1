import { useMemo, useState } from 'react';
import { Button, DatePicker, Form, Input, InputNumber, Select, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { PageTitle } from '../../../components/PageTitle';
import { RecordList, type RecordColumn } from '../../../components/RecordList';
import { useListQuery } from '../../../components/useListQuery';
import { type Plan, PLAN_LIST } from '../api';
import { FormModal } from '../../../components/FormModal';

/**
 * 年度抽查计划 — each plan's item, sampling ratio and whether it has been drawn, on the one list component:
 * year and text (title, item) in the search form, the item as a column filter, sort by year, title and the
 * start of the window (server-side), the query in the URL; a plan's title opens it. No ledger: no export.
 */
export function PlansPage() {
  const can = useCan();
  const navigate = useNavigate();
  const query = useListQuery();
  const items = useApi<Array<{ id: string; name: string; entityKind: string }>>('/api/inspections/items');
  const [creating, setCreating] = useState(false);
  const columns = useMemo<RecordColumn<Plan>[]>(
    () => [
      { key: 'year', title: '年度', dataIndex: 'year', width: 80, sortKey: 'year' },
      {
        key: 'title',
        title: '计划名称',
        dataIndex: 'title',
        width: 280,
        sortKey: 'title',
        fixedShown: true,
        ellipsis: true,
        render: (v: string, p) => <Link to={`/inspections/plans/${p.id}`}>{v}</Link>,
      },
      {
        key: 'itemName',
        title: '抽查事项',
        dataIndex: 'itemName',
        width: 260,
        ellipsis: true,
        filter: { param: 'itemId', options: (items.data ?? []).map((i) => ({ label: i.name, value: i.id })) },
      },
      { key: 'ratioPercent', title: '抽查比例', dataIndex: 'ratioPercent', width: 100, render: (v: number) => `${v}%` },
      {
        key: 'windowFrom',
        title: '检查时段',
        dataIndex: 'windowFrom',
        width: 220,
        sortKey: 'windowFrom',
        render: (_: string, p) => `${p.windowFrom} 至 ${p.windowTo}`,
      },
      {
        key: 'drawnOn',
        title: '抽取',
        dataIndex: 'drawnOn',
        width: 150,
        render: (v: string | null) => (v ? <Tag color="green">已抽取 {v}</Tag> : <Tag>未抽取</Tag>),
      },
    ],
    [items.data],
  );
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
      <RecordList<Plan>
        listKey="inspections.plans"
        query={query}
        endpoint={PLAN_LIST}
        columns={columns}
        rowKey="id"
        unit="个"
        testId="plans-table"
        searchFields={
          <>
            <Form.Item name="year" label="年度">
              <DatePicker picker="year" placeholder="全部年度" format="YYYY年" />
            </Form.Item>
            <Form.Item name="q" label="查找">
              <Input allowClear placeholder="计划名称、抽查事项" style={{ width: 220 }} />
            </Form.Item>
          </>
        }
        toForm={(v) => ({ q: v.q ?? '', year: v.year ? dayjs(`${v.year}-01-01`) : null })}
        fromForm={(v) => ({ q: (v.q as string | undefined)?.trim() || undefined, year: v.year ? String((v.year as Dayjs).year()) : undefined })}
      />
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
