import { DatePicker, Form, Input, InputNumber, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { floodApi, type RiskPoint } from '../api';
import { clean, RecordModal, useStreets } from './common';

const COORDINATES = [
  ['lng', '经度'],
  ['lat', '纬度'],
] as const;
/** The point's three responsible persons (行政、技术、巡查). */
const PERSONS = [
  ['adminPerson', '行政责任人'],
  ['techPerson', '技术责任人'],
  ['patrolPerson', '巡查责任人'],
] as const;

/** 登记 / 修改风险点 — the server's message lands on the field it names; edits carry the version. */
export function RiskPointFormModal({ point, onClose, onSaved }: { point: RiskPoint | null; onClose: () => void; onSaved: (p: RiskPoint) => void }) {
  const streets = useStreets();
  return (
    <RecordModal<Partial<RiskPoint>, RiskPoint>
      title={point ? `修改风险点 · ${point.code}` : '登记水浸风险点'}
      width={640}
      initialValues={point ? { ...point, registeredOn: dayjs(point.registeredOn) } : {}}
      save={(v) => (point ? floodApi.updatePoint(point.id, point.version, clean(v)) : floodApi.createPoint(clean(v)))}
      saved={point ? '风险点已保存' : '风险点已登记'}
      onClose={onClose}
      onSaved={onSaved}
    >
      <Space.Compact block>
        <Form.Item name="code" label="编号" rules={[{ required: true, message: '请输入编号' }]} style={{ width: '35%' }}>
          <Input />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={[{ required: true, message: '请输入名称' }]} style={{ width: '65%' }}>
          <Input />
        </Form.Item>
      </Space.Compact>
      <Space wrap>
        <Form.Item name="orgId" label="所在街道" rules={[{ required: true, message: '请选择所在街道' }]}>
          <Select options={streets} style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="riskLevel" label="风险等级">
          <Select allowClear options={['高', '中', '低'].map((x) => ({ value: x, label: x }))} style={{ width: 100 }} />
        </Form.Item>
        <Form.Item name="registeredOn" label="纳入台账日期" rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker />
        </Form.Item>
        {COORDINATES.map(([name, label]) => (
          <Form.Item key={name} name={name} label={label}>
            <InputNumber step={0.000001} style={{ width: 130 }} />
          </Form.Item>
        ))}
      </Space>
      <Form.Item name="measure" label="整治措施">
        <Input.TextArea rows={2} />
      </Form.Item>
      <Space wrap>
        {PERSONS.map(([name, label]) => (
          <Form.Item key={name} name={name} label={label}>
            <Input />
          </Form.Item>
        ))}
      </Space>
    </RecordModal>
  );
}
