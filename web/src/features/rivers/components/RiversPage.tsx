import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { qs } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormModal } from '../../../components/FormModal';
import { PageTitle } from '../../../components/PageTitle';
import { CLASS_COLOR, GRADE_COLOR, GRADE_LABEL, riversApi, WATER_TYPES, type River } from '../api';

/** 河涌名录 — rivers with sections, chiefs, the year's samples and black-odorous count, open alerts. */
export function RiversPage() {
  const [year, setYear] = useState(2022);
  const [q, setQ] = useState('');
  const res = useApi<River[]>(`/api/rivers${qs({ year, q })}`);
  const [editing, setEditing] = useState<River | 'new' | null>(null);
  const can = useCan();
  const navigate = useNavigate();
  const rows = res.data ?? [];
  return (
    <>
      <PageTitle
        title="河涌名录"
        description={`共 ${rows.length} 条河涌；${year}年不黑不臭 ${rows.filter((r) => !r.blackSamples).length} 条。`}
        extra={
          <>
            <DatePicker picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && setYear(d.year())} format="YYYY年" />
            <Input.Search allowClear placeholder="河涌名称" onSearch={setQ} style={{ width: 180 }} />
            {can('rivers.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                新增河涌
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={res.error} onRetry={res.reload} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<River>
          rowKey="id"
          loading={res.loading}
          dataSource={rows}
          pagination={false}
          onRow={(r) => ({ onClick: () => navigate(`/rivers/${r.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: '河涌名称', dataIndex: 'name' },
            { title: '水体类型', dataIndex: 'waterType', width: 90 },
            { title: '长度（km）', dataIndex: 'lengthKm', width: 100 },
            { title: '所在街道', dataIndex: 'streets', render: (s: string[]) => s.join('、') },
            { title: '河长', dataIndex: 'chief', width: 90 },
            { title: '监测断面', dataIndex: 'sections', render: (s: River['sections']) => s.map((x) => x.name).join('、') || '—' },
            { title: `${year}年监测`, dataIndex: 'samples', width: 90 },
            { title: '黑臭次数', dataIndex: 'blackSamples', width: 90, render: (n: number) => (n ? <Tag color="red">{n}</Tag> : <Tag color="green">0</Tag>) },
            {
              title: '最近一次',
              key: 'latest',
              width: 210,
              render: (_, r) =>
                r.latest ? (
                  <>
                    {r.latest.sampledOn} {r.latest.gbClass && <Tag color={CLASS_COLOR[r.latest.gbClass]}>{r.latest.gbClass}</Tag>}
                    {r.latest.blackGrade && <Tag color={GRADE_COLOR[r.latest.blackGrade]}>{GRADE_LABEL[r.latest.blackGrade]}</Tag>}
                  </>
                ) : (
                  '—'
                ),
            },
            { title: '待处置预警', dataIndex: 'openAlerts', width: 100, render: (n: number) => (n ? <Tag color="red">{n}</Tag> : '—') },
          ]}
        />
      </Card>
      {editing && (
        <RiverFormModal
          river={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            res.reload();
          }}
        />
      )}
    </>
  );
}

/** 新增 / 修改河涌 (sections listed by name; a section with samples cannot be removed). */
export function RiverFormModal({ river, onClose, onSaved }: { river: River | null; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const orgs = useApi<Array<{ id: string; name: string; kind: string }>>('/api/orgs');
  const streets = (orgs.data ?? []).filter((o) => o.kind === 'street').map((o) => ({ value: o.id, label: o.name }));
  return (
    <FormModal<River>
      title={river ? `修改河涌 · ${river.name}` : '新增河涌'}
      width={600}
      initialValues={river ? { ...river, sections: river.sections.map((s) => s.name) } : { streetOrgIds: [], sections: [], waterType: '河流' }}
      onSubmit={(v) => (river ? riversApi.updateRiver(river.id, river.version, v) : riversApi.createRiver(v))}
      onDone={() => {
        message.success('河涌已保存');
        onSaved();
      }}
      onClose={onClose}
      testId="river-form"
    >
      <Space wrap>
        <Form.Item name="name" label="河涌名称" rules={[{ required: true, message: '请输入河涌名称' }]}>
          <Input style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="lengthKm" label="长度（km）">
          <InputNumber min={0} step={0.1} />
        </Form.Item>
        <Form.Item name="chief" label="河长">
          <Input style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="waterType" label="水体类型" tooltip="湖泊、水库按GB 3838-2002表1湖、库限值评价总磷，并评价总氮">
          <Select style={{ width: 110 }} options={WATER_TYPES.map((t) => ({ value: t, label: t }))} data-testid="river-water-type" />
        </Form.Item>
      </Space>
      <Form.Item name="streetOrgIds" label="所在街道（第一个为责任单位，接收黑臭预警）">
        <Select mode="multiple" options={streets} />
      </Form.Item>
      <Form.Item name="sections" label="监测断面">
        <Select mode="tags" tokenSeparators={['、', ',', '，']} />
      </Form.Item>
    </FormModal>
  );
}
