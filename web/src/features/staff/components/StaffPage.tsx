import { useState, type ReactNode } from 'react';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Statistic, Table, Tabs, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router-dom';
import { api, qs } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { HistoryDrawer } from '../../../components/HistoryDrawer';
import { PageTitle } from '../../../components/PageTitle';
import { todayShanghai } from '../../../lib/format';
import { FormModal } from '../../../components/FormModal';

type Row = Record<string, unknown> & { id: string };
interface Resource {
  key: string;
  label: string;
  entity: string;
  columns: Array<{ title: string; dataIndex: string; width?: number; render?: (v: unknown, r: Row) => ReactNode }>;
  form: ReactNode;
  initial?: Record<string, unknown>;
  /** Figures from the metric registry shown above the table. */
  metrics?: Array<{ key: string; title: string; suffix?: string }>;
}

const dateItem = (name = 'date', label = '日期') => (
  <Form.Item name={name} label={label} rules={[{ required: true, message: `请选择${label}` }]}>
    <DatePicker />
  </Form.Item>
);
const req = (label: string) => [{ required: true, message: `请填写${label}` }];

const RESOURCES: Resource[] = [
  {
    key: 'study-sessions',
    label: '学法记录',
    entity: 'staff.study_session',
    metrics: [{ key: 'study.party_group_sessions', title: '理论学习中心组集体学习（次）' }],
    columns: [
      { title: '日期', dataIndex: 'date', width: 110 },
      { title: '形式', dataIndex: 'form', width: 140, render: (v) => <Tag color={v === '理论学习中心组' ? 'red' : 'blue'}>{String(v ?? '')}</Tag> },
      { title: '主题', dataIndex: 'topic' },
      { title: '参加人数', dataIndex: 'attendees', width: 100 },
    ],
    initial: { date: dayjs(), form: '理论学习中心组' },
    form: (
      <>
        {dateItem()}
        <Form.Item name="form" label="形式">
          <Select options={['理论学习中心组', '专题培训', '法治讲座', '其他'].map((v) => ({ value: v, label: v }))} />
        </Form.Item>
        <Form.Item name="topic" label="主题" rules={req('主题')}>
          <Input />
        </Form.Item>
        <Form.Item name="attendees" label="参加人数">
          <InputNumber min={0} />
        </Form.Item>
        <Form.Item name="host" label="主持/组织">
          <Input />
        </Form.Item>
      </>
    ),
  },
  {
    key: 'exam-results',
    label: '考试成绩',
    entity: 'staff.exam_result',
    metrics: [
      { key: 'staff.law_exam_pass_rate', title: '学法考试通过率', suffix: '%' },
      { key: 'staff.law_exam_min_score', title: '最低分', suffix: '分' },
    ],
    columns: [
      { title: '考试名称', dataIndex: 'exam' },
      { title: '考试日期', dataIndex: 'date', width: 110 },
      { title: '姓名', dataIndex: 'person', width: 120 },
      { title: '成绩', dataIndex: 'score', width: 80 },
      { title: '及格线', dataIndex: 'passMark', width: 80 },
      { title: '及格', dataIndex: 'passed', width: 80, render: (v) => (v ? <Tag color="green">及格</Tag> : <Tag color="red">不及格</Tag>) },
    ],
    initial: { date: dayjs(), passMark: 60 },
    form: (
      <>
        <Form.Item name="exam" label="考试名称" rules={req('考试名称')}>
          <Input />
        </Form.Item>
        {dateItem('date', '考试日期')}
        <Form.Item name="person" label="姓名" rules={req('姓名')}>
          <Input />
        </Form.Item>
        <Form.Item name="score" label="成绩" rules={req('成绩')}>
          <InputNumber min={0} max={150} />
        </Form.Item>
        <Form.Item name="passMark" label="及格线" rules={req('及格线')}>
          <InputNumber min={1} max={150} />
        </Form.Item>
      </>
    ),
  },
  {
    key: 'trainings',
    label: '培训记录',
    entity: 'staff.training',
    metrics: [{ key: 'streets.training_attendees', title: '街道培训参加人数（人）' }],
    columns: [
      { title: '日期', dataIndex: 'date', width: 110 },
      { title: '主题', dataIndex: 'topic' },
      { title: '对象', dataIndex: 'audience', width: 90 },
      { title: '形式', dataIndex: 'mode', width: 100 },
      { title: '现场/线上', dataIndex: 'onsite', width: 110, render: (_v, r) => `${r.onsite ?? '—'} / ${r.online ?? '—'}` },
      { title: '参加人数', dataIndex: 'attendees', width: 100 },
    ],
    initial: { date: dayjs(), audience: '街道', mode: '线上线下' },
    form: (
      <>
        {dateItem()}
        <Form.Item name="topic" label="主题" rules={req('主题')}>
          <Input />
        </Form.Item>
        <Form.Item name="audience" label="对象">
          <Select options={['局机关', '街道'].map((v) => ({ value: v, label: v }))} />
        </Form.Item>
        <Form.Item name="mode" label="形式">
          <Select options={['线上', '线下', '线上线下'].map((v) => ({ value: v, label: v }))} />
        </Form.Item>
        <Space>
          <Form.Item name="onsite" label="现场人数">
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="online" label="线上人数">
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item name="attendees" label="参加人数（合计）" rules={req('参加人数')}>
            <InputNumber min={1} />
          </Form.Item>
        </Space>
        <Form.Item name="venue" label="地点">
          <Input />
        </Form.Item>
        <Form.Item name="speaker" label="主讲">
          <Input />
        </Form.Item>
      </>
    ),
  },
  {
    key: 'pufa-duties',
    label: '普法责任清单',
    entity: 'staff.pufa_duty',
    columns: [
      { title: '年度', dataIndex: 'year', width: 80 },
      { title: '法律法规', dataIndex: 'law', width: 280 },
      { title: '普法内容', dataIndex: 'content' },
      { title: '普法对象', dataIndex: 'audience', width: 180 },
      { title: '措施', dataIndex: 'measures', width: 260 },
    ],
    initial: { year: dayjs().year() },
    form: (
      <>
        <Form.Item name="year" label="年度" rules={req('年度')}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="law" label="法律法规" rules={req('法律法规')}>
          <Input />
        </Form.Item>
        <Form.Item name="content" label="普法内容" rules={req('普法内容')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="audience" label="普法对象">
          <Input />
        </Form.Item>
        <Form.Item name="measures" label="措施">
          <Input.TextArea rows={2} />
        </Form.Item>
      </>
    ),
  },
  {
    key: 'pufa-activities',
    label: '普法活动',
    entity: 'staff.pufa_activity',
    columns: [
      { title: '日期', dataIndex: 'date', width: 110 },
      { title: '活动名称', dataIndex: 'title' },
      { title: '宣传法规', dataIndex: 'laws', width: 240 },
      { title: '地点', dataIndex: 'place', width: 160 },
      { title: '受众人数', dataIndex: 'audienceCount', width: 100 },
    ],
    initial: { date: dayjs() },
    form: (
      <>
        {dateItem()}
        <Form.Item name="title" label="活动名称" rules={req('活动名称')}>
          <Input />
        </Form.Item>
        <Form.Item name="laws" label="宣传法规">
          <Input />
        </Form.Item>
        <Form.Item name="place" label="地点">
          <Input />
        </Form.Item>
        <Form.Item name="audienceCount" label="受众人数">
          <InputNumber min={0} />
        </Form.Item>
      </>
    ),
  },
];

/** 学法用法 — one tab per record type; figures come from the metric registry; each row has its history. */
export function StaffPage() {
  const { tab = 'study-sessions', id } = useParams();
  const navigate = useNavigate();
  const can = useCan();
  const [year, setYear] = useState(() => Number(todayShanghai().slice(0, 4)));
  const [creating, setCreating] = useState(false);
  const r = RESOURCES.find((x) => x.key === tab) ?? RESOURCES[0]!;
  const list = useApi<Row[]>(`/api/staff/${r.key}${qs({ year })}`);
  return (
    <>
      <PageTitle
        title="学法用法"
        description="领导干部学法、学法考试、培训（含街道线上线下培训），落实“谁执法谁普法”普法责任制。"
        extra={
          <Space>
            <DatePicker picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && setYear(d.year())} format="YYYY年" />
            {can('staff.write') ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                登记{r.label}
              </Button>
            ) : null}
          </Space>
        }
      />
      <Tabs activeKey={r.key} onChange={(k) => navigate(`/staff/${k}`)} items={RESOURCES.map((x) => ({ key: x.key, label: x.label }))} />
      {r.metrics ? (
        <Space size={48} style={{ marginBottom: 16 }}>
          {r.metrics.map((m) => (
            <MetricFigure key={m.key} metric={m.key} title={m.title} suffix={m.suffix} year={year} />
          ))}
        </Space>
      ) : null}
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Row>
          rowKey="id"
          data-testid={`staff-${r.key}`}
          loading={list.loading}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 条` }}
          onRow={(x) => ({ onClick: () => navigate(`/staff/${r.key}/${x.id}`), style: { cursor: 'pointer' } })}
          columns={r.columns}
        />
      </Card>
      {creating ? (
        <FormModal
          title={`登记${r.label}`}
          initialValues={r.initial}
          onSubmit={(v) => api.post(`/api/staff/${r.key}`, v)}
          onClose={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            list.reload();
          }}
        >
          {r.form}
        </FormModal>
      ) : null}
      <HistoryDrawer entity={r.entity} id={id ?? null} onClose={() => navigate(`/staff/${r.key}`)} />
    </>
  );
}

function MetricFigure({ metric, title, suffix, year }: { metric: string; title: string; suffix?: string; year: number }) {
  const m = useApi<{ value: number | null }>(`/api/metrics/${metric}/drill?year=${year}`);
  return <Statistic title={title} value={m.data?.value ?? '—'} suffix={m.data?.value != null ? suffix : undefined} />;
}
