import { useState } from 'react';
import { App, Button, Form, Modal, Segmented, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { ColumnType } from 'antd/es/table';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { FormModal } from '../../../components/FormModal';
import { PageTitle } from '../../../components/PageTitle';
import { RecordList, type RecordColumn } from '../../../components/RecordList';
import { yearTextSearch } from '../../../components/yearTextSearch';
import { useListQuery } from '../../../components/useListQuery';
import type { DemandItem } from '../api';
import { demandColumns } from './DemandTable';

interface Props {
  module: string;
  title: string;
  description: string;
  writePermission: string;
  /** The kind's own columns (诉求类型、满意度 …). */
  extraColumns?: ColumnType<DemandItem>[];
  /** The kind's types (诉求类型/类别): a filter on the 诉求类型 column. */
  demandTypes?: { label: string; values: readonly string[] };
}

const STATUS = [
  { label: '在办', value: 'open' },
  { label: '已逾期', value: 'overdue' },
  { label: '待分派', value: 'received' },
  { label: '待签收', value: 'assigned' },
  { label: '办理中', value: 'handling' },
  { label: '已答复', value: 'replied' },
  { label: '已办结', value: 'closed' },
  { label: '全部', value: '' },
];

interface BatchResult {
  done: number;
  failed: number;
  results: Array<{ id: string; refNo: string | null; ok: boolean; status: string | null; message: string | null }>;
}

/**
 * A module's list of demands on the one list component: status, year, text or the caller's phone,
 * the kind's type; sort by number, receipt or due date; export of the filtered rows under the
 * ledger's headers; 批量分派 and 批量办结 with a result per item.
 */
export function DemandListPage({ module, title, description, writePermission, extraColumns = [], demandTypes }: Props) {
  const can = useCan();
  const query = useListQuery({ status: 'open' });
  const base = `/api/${module}/items`;
  const columns: RecordColumn<DemandItem>[] = demandColumns({
    extra: extraColumns.map((c) => {
      const key = String(c.key ?? c.dataIndex);
      const typed = demandTypes && key === 'demandType';
      return {
        ...c,
        key,
        title: typed ? demandTypes.label : String(c.title),
        ...(typed ? { filter: { param: 'demandType', options: demandTypes.values.map((v) => ({ label: v, value: v })) } } : {}),
      };
    }),
  });
  return (
    <>
      <PageTitle
        title={title}
        description={description}
        extra={
          can(writePermission) ? (
            <Link to={`/${module}/new`}>
              <Button type="primary" icon={<PlusOutlined />}>
                登记
              </Button>
            </Link>
          ) : null
        }
      />
      <RecordList<DemandItem>
        listKey={`demands.${module}`}
        query={query}
        endpoint={base}
        exportEndpoint={`${base}/export`}
        columns={columns}
        rowKey="id"
        unit="件"
        testId="demand-table"
        toolbar={<Segmented value={query.values.status ?? ''} onChange={(v) => query.setFilters({ status: String(v) })} options={STATUS} />}
        {...yearTextSearch({ yearLabel: '受理年度', placeholder: '编号、事项、地点或来电号码' })}
        batch={can(writePermission) ? (selected, done) => <BatchActions module={module} selected={selected} done={done} /> : undefined}
      />
    </>
  );
}

/** 批量分派 to a unit and 批量办结: each selected item on its own; the result of each is shown. */
function BatchActions({ module, selected, done }: { module: string; selected: DemandItem[]; done: () => void }) {
  const { message } = App.useApp();
  const [assigning, setAssigning] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ label: string; data: BatchResult } | null>(null);
  const items = selected.map((r) => ({ id: r.id, version: r.version }));
  const closeAll = async () => {
    setBusy(true);
    try {
      const data = await api.post<BatchResult>(`/api/${module}/items/batch/close`, { items });
      setResult({ label: '批量办结', data });
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button onClick={() => setAssigning(true)}>批量分派</Button>
      <Button loading={busy} onClick={closeAll}>
        批量办结
      </Button>
      {assigning && (
        <BatchAssignModal
          count={selected.length}
          assign={(orgId) => api.post<BatchResult>(`/api/${module}/items/batch/assign`, { items, orgId })}
          onClose={() => setAssigning(false)}
          onDone={(data) => {
            setAssigning(false);
            setResult({ label: '批量分派', data });
          }}
        />
      )}
      <Modal
        open={!!result}
        title={result ? `${result.label}：成功 ${result.data.done} 件，未办理 ${result.data.failed} 件` : ''}
        footer={
          <Button
            type="primary"
            onClick={() => {
              setResult(null);
              done();
            }}
          >
            知道了
          </Button>
        }
        onCancel={() => {
          setResult(null);
          done();
        }}
        width={640}
      >
        <Table
          data-testid="batch-results"
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={result?.data.results ?? []}
          scroll={{ x: 'max-content', y: 360 }}
          columns={[
            { title: '编号', dataIndex: 'refNo', width: 180, render: (v: string | null) => v ?? '—' },
            { title: '结果', dataIndex: 'ok', width: 90, render: (ok: boolean) => (ok ? <Tag color="green">已办理</Tag> : <Tag color="red">未办理</Tag>) },
            { title: '当前状态', dataIndex: 'status', width: 90, render: (v: string | null) => v ?? '—' },
            { title: '原因', dataIndex: 'message', render: (v: string | null) => v ?? '' },
          ]}
        />
      </Modal>
    </>
  );
}

/** 批量分派's form: the unit (any but the bureau) the selected items go to; 分派 waits for one. */
function BatchAssignModal({
  count,
  assign,
  onClose,
  onDone,
}: {
  count: number;
  assign: (orgId: string) => Promise<BatchResult>;
  onClose: () => void;
  onDone: (result: BatchResult) => void;
}) {
  const [form] = Form.useForm();
  const orgId = Form.useWatch('orgId', form) as string | undefined;
  const orgs = useApi<Array<{ id: string; name: string; kind: string }>>('/api/orgs');
  return (
    <FormModal<BatchResult>
      title={`批量分派（${count} 件）`}
      okText="分派"
      width={520}
      form={form}
      okDisabled={!orgId}
      onSubmit={(v) => assign(v.orgId as string)}
      onDone={onDone}
      onClose={onClose}
      testId="batch-assign-form"
    >
      <Form.Item name="orgId" label="承办单位" required>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          loading={orgs.loading}
          options={(orgs.data ?? []).filter((o) => o.kind !== 'bureau').map((o) => ({ value: o.id, label: o.name }))}
        />
      </Form.Item>
    </FormModal>
  );
}
