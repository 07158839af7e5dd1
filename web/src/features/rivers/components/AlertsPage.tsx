import { useState } from 'react';
import { Alert as AntAlert, App, Button, Card, Form, Input, Modal, Segmented, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { qs } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { applyApiError } from '../../../lib/formErrors';
import { GRADE_COLOR, riversApi, type Alert } from '../api';

/** 黑臭预警 — alerts raised to each river's owner (a street sees its own), and their handling. */
export function AlertsPage() {
  const [status, setStatus] = useState<'open' | 'handled' | ''>('open');
  const res = useApi<Alert[]>(`/api/river-alerts${qs({ status })}`);
  const [handling, setHandling] = useState<Alert | null>(null);
  return (
    <>
      <PageTitle title="黑臭预警" description="水样判定为黑臭时，系统即向河涌责任单位（属地街道）和河长发出预警；责任单位核查处置后登记处置情况。" />
      <Card
        styles={{ body: { padding: 0 } }}
        title={
          <Segmented
            value={status}
            onChange={(v) => setStatus(v as typeof status)}
            options={[
              { label: '待处置', value: 'open' },
              { label: '已处置', value: 'handled' },
              { label: '全部', value: '' },
            ]}
          />
        }
      >
        <ErrorAlert error={res.error} onRetry={res.reload} />
        <Table<Alert>
          rowKey="id"
          loading={res.loading}
          dataSource={res.data ?? []}
          pagination={{ pageSize: 20 }}
          data-testid="alerts-table"
          columns={[
            { title: '预警日期', dataIndex: 'raisedOn', width: 110 },
            { title: '河涌', dataIndex: 'river', width: 160, render: (v, a) => <Link to={`/rivers/${a.riverId}`}>{v}</Link> },
            { title: '责任单位', dataIndex: 'owner', width: 110 },
            { title: '分级', dataIndex: 'gradeLabel', width: 100, render: (v, a) => <Tag color={GRADE_COLOR[a.grade]}>{v}</Tag> },
            { title: '预警内容', dataIndex: 'message', render: (v, a) => <Link to={`/rivers/samples/${a.sampleId}`}>{v}</Link> },
            {
              title: '状态',
              dataIndex: 'status',
              width: 180,
              render: (s, a) =>
                s === 'open' ? (
                  <Tag color="red">待处置</Tag>
                ) : (
                  <>
                    <Tag color="green">已处置</Tag>
                    {a.handledOn} {a.handledBy}
                    <div style={{ color: '#666' }}>{a.handledNote}</div>
                  </>
                ),
            },
            {
              title: '操作',
              key: 'x',
              width: 90,
              render: (_, a) =>
                a.actions?.handle ? (
                  <Button size="small" onClick={() => setHandling(a)}>
                    登记处置
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      {handling && (
        <HandleModal
          alert={handling}
          onClose={() => setHandling(null)}
          onSaved={() => {
            setHandling(null);
            res.reload();
          }}
        />
      )}
    </>
  );
}

function HandleModal({ alert, onClose, onSaved }: { alert: Alert; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: { note: string }) => {
    try {
      await riversApi.handleAlert(alert.id, alert.version, v.note);
      message.success('处置情况已登记');
      onSaved();
    } catch (e) {
      setError(applyApiError(form, e));
    }
  };
  return (
    <Modal open title={`登记处置 · ${alert.river}`} onCancel={onClose} onOk={() => form.submit()} okText="保存" destroyOnHidden>
      {error && <AntAlert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <p>{alert.message}</p>
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="note" label="处置情况" rules={[{ required: true, message: '请填写处置情况' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
