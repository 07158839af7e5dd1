import { useEffect, useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Form, Input, InputNumber, List, Row, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { RecordHistory } from '../../../components/RecordHistory';
import { floodApi, type Warning, type WarningDetail } from '../api';
import { clean, EntryForm, RecordModal } from './common';

const LEVEL_COLOR: Record<string, string> = { 蓝色: 'blue', 黄色: 'gold', 橙色: 'orange', 红色: 'red' };

/** 抗旱防咸 — warning periods and their daily dispatch records (一天一调度), with the days missing a record. */
export function DroughtPage() {
  const list = useApi<Warning[]>('/api/flood/warnings');
  const [id, setId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const can = useCan();
  useEffect(() => {
    if (!id && list.data?.[0]) setId(list.data[0].id);
  }, [list.data, id]);
  return (
    <>
      <PageTitle
        title="抗旱防咸保供水"
        description="预警期间一天一调度、24小时值班值守；缺少调度记录的日期会列出。"
        extra={
          can('flood.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              发布预警
            </Button>
          )
        }
      />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Row gutter={16}>
        <Col span={7}>
          <Card title="预警">
            <List
              dataSource={list.data ?? []}
              renderItem={(w) => (
                <List.Item onClick={() => setId(w.id)} style={{ cursor: 'pointer', background: w.id === id ? '#e6f4ff' : undefined, paddingLeft: 8 }}>
                  <List.Item.Meta
                    title={
                      <>
                        <Tag color={LEVEL_COLOR[w.level]}>{w.level}</Tag>
                        {w.title}
                      </>
                    }
                    description={`${w.startsOn} 至 ${w.endsOn ?? '未解除'}`}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col span={17}>{id && <WarningPanel id={id} />}</Col>
      </Row>
      {creating && (
        <WarningModal
          onClose={() => setCreating(false)}
          onSaved={(w) => {
            setCreating(false);
            list.reload();
            setId(w.id);
          }}
        />
      )}
    </>
  );
}

function WarningPanel({ id }: { id: string }) {
  const res = useApi<WarningDetail>(`/api/flood/warnings/${id}`);
  const w = res.data;
  if (res.error) return <ErrorAlert error={res.error} onRetry={res.reload} />;
  if (!w) return null;
  return (
    <Card title={w.title}>
      {w.missingDays.length ? (
        <Alert
          type="warning"
          showIcon
          title={`有 ${w.missingDays.length} 天没有调度记录`}
          description={w.missingDays.slice(0, 30).join('、') + (w.missingDays.length > 30 ? ' …' : '')}
          style={{ marginBottom: 12 }}
        />
      ) : (
        <Alert type="success" showIcon title={`预警期间每天均有调度记录（共 ${w.dispatches.length} 天）`} style={{ marginBottom: 12 }} />
      )}
      {w.actions.dispatch && (
        <EntryForm<Parameters<typeof floodApi.addDispatch>[1]>
          initialValues={{ onDate: dayjs() }}
          send={(v) => floodApi.addDispatch(id, v)}
          button="填报调度"
          saved="调度记录已保存"
          onSaved={res.reload}
          style={{ marginBottom: 12 }}
        >
          <Form.Item name="onDate" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="chlorideMgl">
            <InputNumber placeholder="含氯度 mg/L" min={0} style={{ width: 130 }} />
          </Form.Item>
          <Form.Item name="content" rules={[{ required: true, message: '请填写调度内容' }]} style={{ flex: 1 }}>
            <Input placeholder="调度内容" />
          </Form.Item>
        </EntryForm>
      )}
      <Table
        size="small"
        rowKey="id"
        dataSource={[...w.dispatches].reverse()}
        pagination={{ pageSize: 10 }}
        columns={[
          { title: '日期', dataIndex: 'onDate', width: 110 },
          { title: '含氯度（mg/L）', dataIndex: 'chlorideMgl', width: 120, render: (v) => v ?? '—' },
          { title: '调度内容', dataIndex: 'content' },
          { title: '填报人', dataIndex: 'createdBy', width: 100 },
        ]}
      />
      <Card size="small" title="变更历史" style={{ marginTop: 12 }} styles={{ body: { maxHeight: 300, overflow: 'auto' } }}>
        <RecordHistory entity="flood.warning" id={id} />
      </Card>
    </Card>
  );
}

function WarningModal({ onClose, onSaved }: { onClose: () => void; onSaved: (w: Warning) => void }) {
  return (
    <RecordModal<Partial<Warning>, Warning>
      title="发布抗旱防咸预警"
      initialValues={{ level: '黄色' }}
      save={(v) => floodApi.createWarning(clean(v))}
      onClose={onClose}
      onSaved={onSaved}
    >
      <Form.Item name="title" label="预警名称" rules={[{ required: true, message: '请输入名称' }]}>
        <Input />
      </Form.Item>
      <Form.Item name="level" label="级别">
        <Select options={['蓝色', '黄色', '橙色', '红色'].map((x) => ({ value: x, label: x }))} />
      </Form.Item>
      <Form.Item name="startsOn" label="开始日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="endsOn" label="解除日期">
        <DatePicker />
      </Form.Item>
    </RecordModal>
  );
}
