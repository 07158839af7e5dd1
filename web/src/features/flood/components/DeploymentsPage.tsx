import { useMemo, useState } from 'react';
import { Button, Card, DatePicker, Form, Input, InputNumber, Space, Statistic } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router-dom';
import { qs } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { HistoryDrawer } from '../../../components/HistoryDrawer';
import { PageTitle } from '../../../components/PageTitle';
import { RecordList, type RecordColumn } from '../../../components/RecordList';
import { useListQuery } from '../../../components/useListQuery';
import { LatestYearHint } from '../../../components/useLatestYear';
import { DEPLOYMENT_LIST, floodApi, type Deployment } from '../api';
import { actionsColumn, clean, RecordModal, type RecordModalProps, useEditing, useLatestYearOf, yearTextFields } from './common';

/**
 * 抢险投入 on the one list component: year and text (event) in the search form, sort by date and event
 * (server-side), the query in the URL, the filtered records' totals, and the export of exactly the
 * filtered records under the 抢险投入记录 ledger's headers. It opens on the latest year with records.
 */
export function DeploymentsPage() {
  const latest = useLatestYearOf(DEPLOYMENT_LIST, { sort: 'onDate', field: 'onDate' });
  const query = useListQuery(latest.year !== null ? { year: String(latest.year) } : {});
  const [reloadKey, setReloadKey] = useState(0);
  const { year, orgId, q } = query.values;
  const totals = useApi<{ events: number; persons: number; pumps: number; vehicles: number }>(
    latest.loading ? null : `${DEPLOYMENT_LIST}/totals${qs({ year: year || undefined, orgId: orgId || undefined, q: q || undefined })}`,
  );
  const editing = useEditing<Deployment>(() => {
    setReloadKey((k) => k + 1);
    totals.reload();
  });
  const can = useCan();
  const historyId = useParams().id ?? null;
  const navigate = useNavigate();
  const opened = useApi<Deployment>(historyId ? `${DEPLOYMENT_LIST}/${historyId}` : null);
  const t = totals.data;
  const columns = useMemo<RecordColumn<Deployment>[]>(
    () => [
      { key: 'onDate', title: '日期', dataIndex: 'onDate', width: 120, sortKey: 'onDate', fixedShown: true },
      { key: 'event', title: '事件', dataIndex: 'event', width: 260, sortKey: 'event' },
      { key: 'persons', title: '投入人员（人次）', dataIndex: 'persons', width: 150 },
      { key: 'pumps', title: '抽水泵（台次）', dataIndex: 'pumps', width: 140 },
      { key: 'vehicles', title: '车辆（台次）', dataIndex: 'vehicles', width: 130 },
      { key: 'note', title: '备注', dataIndex: 'note', width: 160, defaultHidden: true, render: (v: string | null) => v ?? '—' },
      {
        ...actionsColumn<Deployment>({
          edit: can('flood.write') ? editing.edit : undefined,
          history: (r) => navigate(`/flood/deployments/${r.id}${window.location.search}`),
        }),
        key: 'actions',
        title: '操作',
        fixedShown: true,
      },
    ],
    [can, editing.edit, navigate],
  );
  return (
    <>
      <PageTitle
        title="抢险投入记录"
        description="每次降雨、台风等事件投入的抢险人员、抽水泵和车辆。"
        extra={
          can('flood.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => editing.edit('new')}>
              记录投入
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }} data-testid="deployment-totals">
        <Space size={48} wrap>
          <Statistic title="事件数" value={t?.events ?? 0} loading={totals.loading} />
          <Statistic title="投入人员（人次）" value={t?.persons ?? 0} loading={totals.loading} />
          <Statistic title="抽水泵（台次）" value={t?.pumps ?? 0} loading={totals.loading} />
          <Statistic title="车辆（台次）" value={t?.vehicles ?? 0} loading={totals.loading} />
        </Space>
      </Card>
      {latest.loading ? <Card loading /> : null}
      {latest.loading ? null : (
        <RecordList<Deployment>
          listKey="flood.deployments"
          query={query}
          endpoint={`${DEPLOYMENT_LIST}/list`}
          exportEndpoint={`${DEPLOYMENT_LIST}/export`}
          columns={columns}
          rowKey="id"
          unit="条"
          testId="deployments-table"
          reloadKey={reloadKey}
          toolbar={year ? <LatestYearHint latest={latest} year={Number(year)} /> : null}
          {...yearTextFields({ yearLabel: '年度', placeholder: '事件或备注' })}
        />
      )}
      {editing.open && <DeploymentModal record={editing.record} onClose={editing.close} onSaved={editing.saved} />}
      <HistoryDrawer
        entity="flood.deployment"
        id={historyId}
        name={opened.data?.event}
        onClose={() => navigate(`/flood/deployments${window.location.search}`)}
      />
    </>
  );
}

function DeploymentModal({ record, onClose, onSaved }: RecordModalProps<Deployment>) {
  return (
    <RecordModal<Partial<Deployment>>
      title={record ? '修改抢险投入' : '记录抢险投入'}
      initialValues={record ? { ...record, onDate: dayjs(record.onDate) } : { persons: 0, pumps: 0, vehicles: 0 }}
      save={(v) => (record ? floodApi.updateDeployment(record.id, record.version, clean(v)) : floodApi.createDeployment(clean(v)))}
      onClose={onClose}
      onSaved={onSaved}
    >
      <Form.Item name="onDate" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="event" label="事件" rules={[{ required: true, message: '请输入事件' }]}>
        <Input placeholder="如：6月1日暴雨" />
      </Form.Item>
      <Space>
        <Form.Item name="persons" label="投入人员（人次）">
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="pumps" label="抽水泵（台次）">
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="vehicles" label="车辆（台次）">
          <InputNumber min={0} />
        </Form.Item>
      </Space>
      <Form.Item name="note" label="备注">
        <Input />
      </Form.Item>
    </RecordModal>
  );
}
