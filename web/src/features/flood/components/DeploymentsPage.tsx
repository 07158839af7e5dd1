import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Modal, Space, Statistic, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router-dom';
import { qs } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { HistoryDrawer } from '../../../components/HistoryDrawer';
import { PageTitle } from '../../../components/PageTitle';
import { applyApiError } from '../../../lib/formErrors';
import { floodApi, type Deployment } from '../api';
import { clean, type FormOf } from './common';

/** 抢险投入 — persons, pumps and vehicles per event, with the year's totals. */
export function DeploymentsPage() {
  const [year, setYear] = useState(2022);
  const res = useApi<Deployment[]>(`/api/flood/deployments${qs({ year })}`);
  const [editing, setEditing] = useState<Deployment | 'new' | null>(null);
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
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
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
            {
              title: '操作',
              key: 'a',
              width: 120,
              render: (_, r) => (
                <Space size={4}>
                  {can('flood.write') && (
                    <Button type="link" size="small" onClick={() => setEditing(r)}>
                      修改
                    </Button>
                  )}
                  <Button type="link" size="small" onClick={() => navigate(`/flood/deployments/${r.id}`)}>
                    历史
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing && (
        <DeploymentModal
          item={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            res.reload();
          }}
        />
      )}
      <HistoryDrawer
        entity="flood.deployment"
        id={historyId}
        name={rows.find((r) => r.id === historyId)?.event}
        onClose={() => navigate('/flood/deployments')}
      />
    </>
  );
}

function DeploymentModal({ item, onClose, onSaved }: { item: Deployment | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: FormOf<Deployment, 'onDate'>) => {
    setError(null);
    const body = clean({ ...v, onDate: v.onDate?.format('YYYY-MM-DD') });
    try {
      if (item) await floodApi.updateDeployment(item.id, item.version, body);
      else await floodApi.createDeployment(body);
      message.success('已保存');
      onSaved();
    } catch (e) {
      setError(applyApiError(form, e));
    }
  };
  return (
    <Modal open title={item ? '修改抢险投入' : '记录抢险投入'} onCancel={onClose} onOk={() => form.submit()} okText="保存" destroyOnHidden>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={item ? { ...item, onDate: dayjs(item.onDate) } : { persons: 0, pumps: 0, vehicles: 0 }}
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
      </Form>
    </Modal>
  );
}
