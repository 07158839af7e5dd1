import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, InputNumber, Space, Statistic, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router-dom';
import { qs } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { HistoryDrawer } from '../../../components/HistoryDrawer';
import { PageTitle } from '../../../components/PageTitle';
import { floodApi, type Deployment } from '../api';
import { actionsColumn, clean, RecordModal, type RecordModalProps, useEditing } from './common';

/** 抢险投入 — persons, pumps and vehicles per event, with the year's totals. */
export function DeploymentsPage() {
  const [year, setYear] = useState(2022);
  const res = useApi<Deployment[]>(`/api/flood/deployments${qs({ year })}`);
  const editing = useEditing<Deployment>(res.reload);
  const can = useCan();
  const historyId = useParams().id ?? null;
  const navigate = useNavigate();
  const rows = res.data ?? [];
  const sum = (k: 'persons' | 'pumps' | 'vehicles') => rows.reduce((a, r) => a + r[k], 0);
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
      <Card style={{ marginBottom: 16 }}>
        <Space size={48}>
          <DatePicker picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && setYear(d.year())} format="YYYY年" />
          <Statistic title="事件数" value={rows.length} />
          <Statistic title="投入人员（人次）" value={sum('persons')} />
          <Statistic title="抽水泵（台次）" value={sum('pumps')} />
          <Statistic title="车辆（台次）" value={sum('vehicles')} />
        </Space>
      </Card>
      <ErrorAlert error={res.error} onRetry={res.reload} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Deployment>
          rowKey="id"
          loading={res.loading}
          dataSource={rows}
          pagination={{ pageSize: 20 }}
          columns={[
            { title: '日期', dataIndex: 'onDate', width: 120 },
            { title: '事件', dataIndex: 'event' },
            { title: '投入人员（人次）', dataIndex: 'persons', width: 150 },
            { title: '抽水泵（台次）', dataIndex: 'pumps', width: 140 },
            { title: '车辆（台次）', dataIndex: 'vehicles', width: 130 },
            actionsColumn<Deployment>({ edit: can('flood.write') ? editing.edit : undefined, history: (r) => navigate(`/flood/deployments/${r.id}`) }),
          ]}
        />
      </Card>
      {editing.open && <DeploymentModal record={editing.record} onClose={editing.close} onSaved={editing.saved} />}
      <HistoryDrawer
        entity="flood.deployment"
        id={historyId}
        name={rows.find((r) => r.id === historyId)?.event}
        onClose={() => navigate('/flood/deployments')}
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
