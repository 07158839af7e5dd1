import { useState } from 'react';
import { Button, Card, Form, Input, Select, Table, Tabs } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { FormModal } from '../../../components/FormModal';

type Row = Record<string, string | boolean | null> & { id: string; name?: string; inspectorId?: string; entityId?: string };

/** 抽查名录 — the random-inspection item list, the entity register, the inspector register and conflicts of interest. */
export function RegistersPage() {
  const can = useCan();
  const [tab, setTab] = useState('entities');
  const items = useApi<Row[]>('/api/inspections/items');
  const entities = useApi<Row[]>('/api/inspections/entities');
  const inspectors = useApi<Row[]>('/api/inspections/inspectors');
  const conflicts = useApi<Row[]>('/api/inspections/conflicts');
  const [modal, setModal] = useState<string | null>(null);
  const name = (list: Row[] | undefined, id: string) => list?.find((x) => x.id === id)?.name ?? id;
  const reload = () => {
    for (const r of [items, entities, inspectors, conflicts]) r.reload();
  };
  return (
    <>
      <PageTitle
        title="抽查名录"
        description="只能抽查已公布的随机抽查事项；检查对象名录与执法检查人员名录是摇号的范围；存在利害关系的人员须登记回避。"
        extra={
          can('inspections.manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal(tab)}>
              新增
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={items.error ?? entities.error ?? inspectors.error} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'items',
            label: `抽查事项清单（${items.data?.length ?? 0}）`,
            children: (
              <Card styles={{ body: { padding: 0 } }}>
                <Table
                  rowKey="id"
                  dataSource={items.data ?? []}
                  pagination={false}
                  columns={[
                    { title: '编码', dataIndex: 'code', width: 110 },
                    { title: '事项', dataIndex: 'name' },
                    { title: '检查对象类别', dataIndex: 'entityKind', width: 200 },
                    { title: '依据', dataIndex: 'basis' },
                    { title: '方式', dataIndex: 'method', width: 160 },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'entities',
            label: `检查对象名录（${entities.data?.length ?? 0}）`,
            children: (
              <Card styles={{ body: { padding: 0 } }}>
                <Table
                  rowKey="id"
                  dataSource={entities.data ?? []}
                  pagination={{ pageSize: 20 }}
                  columns={[
                    { title: '编码', dataIndex: 'code', width: 100 },
                    { title: '名称', dataIndex: 'name' },
                    { title: '类别', dataIndex: 'kind', width: 200 },
                    { title: '统一社会信用代码', dataIndex: 'uscc', width: 200 },
                    { title: '街道', dataIndex: 'street', width: 110 },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'inspectors',
            label: `执法检查人员（${inspectors.data?.length ?? 0}）`,
            children: (
              <Card styles={{ body: { padding: 0 } }}>
                <Table
                  rowKey="id"
                  dataSource={inspectors.data ?? []}
                  pagination={false}
                  columns={[
                    { title: '编码', dataIndex: 'code', width: 100 },
                    { title: '姓名', dataIndex: 'name', width: 120 },
                    { title: '执法证号', dataIndex: 'certNo' },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'conflicts',
            label: `回避关系（${conflicts.data?.length ?? 0}）`,
            children: (
              <Card styles={{ body: { padding: 0 } }}>
                <Table
                  rowKey="id"
                  dataSource={conflicts.data ?? []}
                  pagination={false}
                  columns={[
                    { title: '执法检查人员', dataIndex: 'inspectorId', width: 140, render: (v) => name(inspectors.data, v) },
                    { title: '检查对象', dataIndex: 'entityId', render: (v) => name(entities.data, v) },
                    { title: '回避理由', dataIndex: 'reason' },
                  ]}
                />
              </Card>
            ),
          },
        ]}
      />
      {modal === 'items' ? (
        <FormModal
          title="新增抽查事项"
          onSubmit={(v) => api.post('/api/inspections/items', v)}
          onClose={() => setModal(null)}
          onDone={() => {
            setModal(null);
            reload();
          }}
        >
          <Form.Item name="code" label="编码" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="name" label="事项" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="entityKind" label="检查对象类别" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="basis" label="依据">
            <Input />
          </Form.Item>
          <Form.Item name="method" label="方式">
            <Input />
          </Form.Item>
        </FormModal>
      ) : modal === 'entities' ? (
        <FormModal
          title="新增检查对象"
          onSubmit={(v) => api.post('/api/inspections/entities', v)}
          onClose={() => setModal(null)}
          onDone={() => {
            setModal(null);
            reload();
          }}
        >
          <Form.Item name="code" label="编码" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="name" label="名称" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
            <Select options={[...new Set((items.data ?? []).map((i) => i.entityKind))].map((k) => ({ value: k, label: k }))} />
          </Form.Item>
          <Form.Item name="uscc" label="统一社会信用代码">
            <Input maxLength={18} />
          </Form.Item>
          <Form.Item name="street" label="街道">
            <Input />
          </Form.Item>
        </FormModal>
      ) : modal === 'inspectors' ? (
        <FormModal
          title="新增执法检查人员"
          onSubmit={(v) => api.post('/api/inspections/inspectors', v)}
          onClose={() => setModal(null)}
          onDone={() => {
            setModal(null);
            reload();
          }}
        >
          <Form.Item name="code" label="编码" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="name" label="姓名" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="certNo" label="执法证号">
            <Input />
          </Form.Item>
        </FormModal>
      ) : modal === 'conflicts' ? (
        <FormModal
          title="登记回避关系"
          onSubmit={(v) => api.post('/api/inspections/conflicts', v)}
          onClose={() => setModal(null)}
          onDone={() => {
            setModal(null);
            reload();
          }}
        >
          <Form.Item name="inspectorId" label="执法检查人员" rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={(inspectors.data ?? []).map((i) => ({ value: i.id, label: i.name }))} />
          </Form.Item>
          <Form.Item name="entityId" label="检查对象" rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={(entities.data ?? []).map((i) => ({ value: i.id, label: i.name }))} />
          </Form.Item>
          <Form.Item name="reason" label="回避理由" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
        </FormModal>
      ) : null}
    </>
  );
}
