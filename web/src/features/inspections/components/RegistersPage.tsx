import { useEffect, useMemo, useState } from 'react';
import { Button, Card, Form, Input, Select, Table, Tabs, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { FormModal } from '../../../components/FormModal';
import { RecordList, type RecordColumn } from '../../../components/RecordList';
import { useListQuery } from '../../../components/useListQuery';
import { textSearch } from '../../../components/yearTextSearch';
import { ACTIVE_OPTIONS, type Conflict, ENTITY_LIST, INSPECTOR_LIST, type RegisterEntity, type RegisterInspector } from '../api';

type Item = { id: string; code: string; name: string; entityKind: string; basis: string | null; method: string | null };
const TABS = [
  { key: 'entities', label: '检查对象名录' },
  { key: 'inspectors', label: '执法检查人员' },
  { key: 'items', label: '抽查事项清单' },
  { key: 'conflicts', label: '回避关系' },
] as const;
type TabKey = (typeof TABS)[number]['key'];

const activeColumn = <T extends { active: boolean }>(): RecordColumn<T> => ({
  key: 'active',
  title: '状态',
  dataIndex: 'active',
  width: 90,
  filter: { param: 'active', options: ACTIVE_OPTIONS },
  render: (v: boolean) => (v ? <Tag color="green">在册</Tag> : <Tag>已停用</Tag>),
});

/**
 * 抽查名录 — one tab per register (its own URL, /inspections/registers/<tab>): the entity register and the
 * inspector register on the one list component (text search, column filters, sort on indexed columns,
 * the query in the URL; neither has a ledger, so no export), the item list and the conflicts of interest.
 */
export function RegistersPage() {
  const { tab = 'entities' } = useParams();
  const t = (TABS.find((x) => x.key === tab) ?? TABS[0]).key;
  // Each tab its own list: its query and columns start afresh on another tab.
  return <Registers key={t} tab={t} />;
}

function Registers({ tab }: { tab: TabKey }) {
  const can = useCan();
  const navigate = useNavigate();
  const [modal, setModal] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const done = () => {
    setModal(false);
    setReloadKey((k) => k + 1);
  };
  return (
    <>
      <PageTitle
        title="抽查名录"
        description="只能抽查已公布的随机抽查事项；检查对象名录与执法检查人员名录是摇号的范围；存在利害关系的人员须登记回避。"
        extra={
          can('inspections.manage') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal(true)} data-testid="register-add">
              {tab === 'conflicts' ? '登记回避' : '新增'}
            </Button>
          ) : null
        }
      />
      <Tabs activeKey={tab} onChange={(k) => navigate(`/inspections/registers/${k}`)} items={TABS.map((x) => ({ key: x.key, label: x.label }))} />
      {tab === 'entities' ? <EntityList reloadKey={reloadKey} /> : null}
      {tab === 'inspectors' ? <InspectorList reloadKey={reloadKey} /> : null}
      {tab === 'items' ? <ItemTable reloadKey={reloadKey} /> : null}
      {tab === 'conflicts' ? <ConflictTable reloadKey={reloadKey} /> : null}
      {modal ? <AddModal tab={tab} onClose={() => setModal(false)} onDone={done} /> : null}
    </>
  );
}

/** 检查对象名录: code, name or 统一社会信用代码 in the search form; kind, street and 在册 as column filters. */
function EntityList({ reloadKey }: { reloadKey: number }) {
  const query = useListQuery();
  const facets = useApi<{ kinds: string[]; streets: string[] }>('/api/inspections/entities/facets');
  const columns = useMemo<RecordColumn<RegisterEntity>[]>(
    () => [
      { key: 'code', title: '编码', dataIndex: 'code', width: 110, sortKey: 'code', fixedShown: true },
      { key: 'name', title: '名称', dataIndex: 'name', width: 300, sortKey: 'name', ellipsis: true },
      {
        key: 'kind',
        title: '类别',
        dataIndex: 'kind',
        width: 190,
        sortKey: 'kind',
        filter: { param: 'kind', options: (facets.data?.kinds ?? []).map((k) => ({ label: k, value: k })) },
      },
      { key: 'uscc', title: '统一社会信用代码', dataIndex: 'uscc', width: 190, render: (v: string | null) => v ?? '—' },
      {
        key: 'street',
        title: '街道',
        dataIndex: 'street',
        width: 120,
        sortKey: 'street',
        filter: { param: 'street', options: (facets.data?.streets ?? []).map((s) => ({ label: s, value: s })) },
        render: (v: string | null) => v ?? '—',
      },
      { key: 'address', title: '地址', dataIndex: 'address', width: 200, ellipsis: true, defaultHidden: true, render: (v: string | null) => v ?? '—' },
      activeColumn<RegisterEntity>(),
    ],
    [facets.data],
  );
  return (
    <RecordList<RegisterEntity>
      listKey="inspections.entities"
      query={query}
      endpoint={ENTITY_LIST}
      columns={columns}
      rowKey="id"
      unit="户"
      testId="entities-table"
      reloadKey={reloadKey}
      {...textSearch({ placeholder: '编码、名称、统一社会信用代码', width: 260 })}
    />
  );
}

/** 执法检查人员名录: code, name or 执法证号 in the search form; unit and 在册 as column filters. */
function InspectorList({ reloadKey }: { reloadKey: number }) {
  const query = useListQuery();
  // The units in the user's scope (not the register read whole to collect them).
  const units = useApi<Array<{ id: string; name: string }>>('/api/orgs');
  const columns = useMemo<RecordColumn<RegisterInspector>[]>(
    () => [
      { key: 'code', title: '编码', dataIndex: 'code', width: 100, sortKey: 'code', fixedShown: true },
      { key: 'name', title: '姓名', dataIndex: 'name', width: 120, sortKey: 'name' },
      { key: 'certNo', title: '执法证号', dataIndex: 'certNo', width: 180, sortKey: 'certNo', render: (v: string | null) => v ?? '—' },
      {
        key: 'orgName',
        title: '所属单位',
        dataIndex: 'orgName',
        width: 160,
        filter: { param: 'orgId', options: (units.data ?? []).map((o) => ({ label: o.name, value: o.id })) },
      },
      activeColumn<RegisterInspector>(),
    ],
    [units.data],
  );
  return (
    <RecordList<RegisterInspector>
      listKey="inspections.inspectors"
      query={query}
      endpoint={INSPECTOR_LIST}
      columns={columns}
      rowKey="id"
      unit="人"
      testId="inspectors-table"
      reloadKey={reloadKey}
      {...textSearch({ placeholder: '编码、姓名、执法证号', width: 240 })}
    />
  );
}

/** Reloads when `key` changes after the first render (a record was added). */
function useReloadOn(key: number, reload: () => void) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key is the trigger; reload is a new function each render
  useEffect(() => {
    if (key) reload();
  }, [key]);
}

/** The published random-inspection items (a short list: a plain table). */
function ItemTable({ reloadKey }: { reloadKey: number }) {
  const items = useApi<Item[]>('/api/inspections/items');
  useReloadOn(reloadKey, items.reload);
  return (
    <>
      <ErrorAlert error={items.error} onRetry={items.reload} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Item>
          rowKey="id"
          loading={items.loading}
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
    </>
  );
}

/** The conflicts of interest, each naming its inspector and entity (the server names them). */
function ConflictTable({ reloadKey }: { reloadKey: number }) {
  const conflicts = useApi<Conflict[]>('/api/inspections/conflicts');
  useReloadOn(reloadKey, conflicts.reload);
  return (
    <>
      <ErrorAlert error={conflicts.error} onRetry={conflicts.reload} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Conflict>
          rowKey="id"
          loading={conflicts.loading}
          dataSource={conflicts.data ?? []}
          pagination={false}
          columns={[
            { title: '执法检查人员', dataIndex: 'inspectorName', width: 140 },
            { title: '检查对象', dataIndex: 'entityName' },
            { title: '回避理由', dataIndex: 'reason' },
          ]}
        />
      </Card>
    </>
  );
}

/** A picker over a register's list searched on the server (no register read whole). */
function RegisterPicker({ endpoint, value, onChange }: { endpoint: string; value?: string; onChange?: (v: string) => void }) {
  const [text, setText] = useState('');
  const res = useApi<{ items: Array<{ id: string; code: string; name: string }> }>(
    `${endpoint}?pageSize=20&active=true${text ? `&q=${encodeURIComponent(text)}` : ''}`,
  );
  return (
    <Select
      showSearch
      filterOption={false}
      value={value}
      onChange={onChange}
      onSearch={setText}
      loading={res.loading}
      placeholder="输入编码或名称查找"
      options={(res.data?.items ?? []).map((x) => ({ value: x.id, label: `${x.name}（${x.code}）` }))}
    />
  );
}

function AddModal({ tab, onClose, onDone }: { tab: TabKey; onClose: () => void; onDone: () => void }) {
  const items = useApi<Item[]>(tab === 'entities' ? '/api/inspections/items' : null);
  if (tab === 'items')
    return (
      <FormModal title="新增抽查事项" onSubmit={(v) => api.post('/api/inspections/items', v)} onClose={onClose} onDone={onDone}>
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
    );
  if (tab === 'entities')
    return (
      <FormModal title="新增检查对象" onSubmit={(v) => api.post('/api/inspections/entities', v)} onClose={onClose} onDone={onDone}>
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
    );
  if (tab === 'inspectors')
    return (
      <FormModal title="新增执法检查人员" onSubmit={(v) => api.post('/api/inspections/inspectors', v)} onClose={onClose} onDone={onDone}>
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
    );
  return (
    <FormModal title="登记回避关系" onSubmit={(v) => api.post('/api/inspections/conflicts', v)} onClose={onClose} onDone={onDone}>
      <Form.Item name="inspectorId" label="执法检查人员" rules={[{ required: true }]}>
        <RegisterPicker endpoint={INSPECTOR_LIST} />
      </Form.Item>
      <Form.Item name="entityId" label="检查对象" rules={[{ required: true }]}>
        <RegisterPicker endpoint={ENTITY_LIST} />
      </Form.Item>
      <Form.Item name="reason" label="回避理由" rules={[{ required: true }]}>
        <Input />
      </Form.Item>
    </FormModal>
  );
}
