import { type ReactNode, useMemo, useState } from 'react';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Statistic, Tabs, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { HistoryDrawer } from '../../../components/HistoryDrawer';
import { PageTitle } from '../../../components/PageTitle';
import { RecordList, type RecordColumn } from '../../../components/RecordList';
import { useListQuery } from '../../../components/useListQuery';
import { type LatestYear, LatestYearHint } from '../../../components/useLatestYear';
import { FormModal } from '../../../components/FormModal';

type Row = Record<string, unknown> & { id: string; orgId: string };
interface Resource {
  key: string;
  label: string;
  entity: string;
  /** The register's columns (the first links to the record's history); sortKey: the server's indexed columns. */
  columns: Array<Omit<RecordColumn<Row>, 'render'> & { render?: (v: never, r: Row) => ReactNode }>;
  /** The column a record's year is read from (the latest year with records: the list sorted on it). */
  yearKey: 'date' | 'year';
  /** What 查找 searches (the server's text columns). */
  searchPlaceholder: string;
  form: ReactNode;
  initial?: Record<string, unknown>;
  /** Figures from the metric registry shown above the table. */
  metrics?: Array<{ key: string; title: string; suffix?: string }>;
}

const STUDY_FORMS = ['理论学习中心组', '专题培训', '法治讲座', '其他'] as const;
const AUDIENCES = ['局机关', '街道'] as const;
const MODES = ['线上', '线下', '线上线下'] as const;
const options = (xs: readonly string[]) => xs.map((v) => ({ label: v, value: v }));
const orDash = (v: unknown) => (v == null || v === '' ? '—' : String(v));

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
    yearKey: 'date',
    searchPlaceholder: '主题、主持/组织',
    columns: [
      { key: 'date', title: '日期', dataIndex: 'date', width: 110, sortKey: 'date', fixedShown: true },
      {
        key: 'form',
        title: '形式',
        dataIndex: 'form',
        width: 140,
        filter: { param: 'form', options: options(STUDY_FORMS) },
        render: (v: string) => <Tag color={v === '理论学习中心组' ? 'red' : 'blue'}>{v}</Tag>,
      },
      { key: 'topic', title: '主题', dataIndex: 'topic', width: 380, ellipsis: true, sortKey: 'topic' },
      { key: 'attendees', title: '参加人数', dataIndex: 'attendees', width: 100, render: orDash },
      { key: 'host', title: '主持/组织', dataIndex: 'host', width: 140, defaultHidden: true, render: orDash },
    ],
    initial: { date: dayjs(), form: '理论学习中心组' },
    form: (
      <>
        {dateItem()}
        <Form.Item name="form" label="形式">
          <Select options={options(STUDY_FORMS)} />
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
    yearKey: 'date',
    searchPlaceholder: '姓名、考试名称',
    columns: [
      { key: 'person', title: '姓名', dataIndex: 'person', width: 120, sortKey: 'person', fixedShown: true },
      { key: 'exam', title: '考试名称', dataIndex: 'exam', width: 280, ellipsis: true, sortKey: 'exam' },
      { key: 'date', title: '考试日期', dataIndex: 'date', width: 110, sortKey: 'date' },
      { key: 'score', title: '成绩', dataIndex: 'score', width: 90, sortKey: 'score' },
      { key: 'passMark', title: '及格线', dataIndex: 'passMark', width: 80 },
      {
        key: 'passed',
        title: '及格',
        dataIndex: 'passed',
        width: 80,
        render: (v: boolean) => (v ? <Tag color="green">及格</Tag> : <Tag color="red">不及格</Tag>),
      },
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
    yearKey: 'date',
    searchPlaceholder: '主题、主讲、地点',
    columns: [
      { key: 'date', title: '日期', dataIndex: 'date', width: 110, sortKey: 'date', fixedShown: true },
      { key: 'topic', title: '主题', dataIndex: 'topic', width: 340, ellipsis: true, sortKey: 'topic' },
      { key: 'audience', title: '对象', dataIndex: 'audience', width: 90, filter: { param: 'audience', options: options(AUDIENCES) }, render: orDash },
      { key: 'mode', title: '形式', dataIndex: 'mode', width: 110, filter: { param: 'mode', options: options(MODES) }, render: orDash },
      { key: 'onsite', title: '现场/线上', dataIndex: 'onsite', width: 110, render: (_v, r) => `${orDash(r.onsite)} / ${orDash(r.online)}` },
      { key: 'attendees', title: '参加人数', dataIndex: 'attendees', width: 100, sortKey: 'attendees' },
      { key: 'speaker', title: '主讲', dataIndex: 'speaker', width: 120, defaultHidden: true, render: orDash },
      { key: 'venue', title: '地点', dataIndex: 'venue', width: 140, defaultHidden: true, render: orDash },
    ],
    initial: { date: dayjs(), audience: '街道', mode: '线上线下' },
    form: (
      <>
        {dateItem()}
        <Form.Item name="topic" label="主题" rules={req('主题')}>
          <Input />
        </Form.Item>
        <Form.Item name="audience" label="对象">
          <Select options={options(AUDIENCES)} />
        </Form.Item>
        <Form.Item name="mode" label="形式">
          <Select options={options(MODES)} />
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
    yearKey: 'year',
    searchPlaceholder: '法律法规、普法内容',
    columns: [
      { key: 'year', title: '年度', dataIndex: 'year', width: 80, sortKey: 'year', fixedShown: true },
      { key: 'law', title: '法律法规', dataIndex: 'law', width: 260, ellipsis: true, sortKey: 'law' },
      { key: 'content', title: '普法内容', dataIndex: 'content', width: 260, ellipsis: true },
      { key: 'audience', title: '普法对象', dataIndex: 'audience', width: 180, ellipsis: true, render: orDash },
      { key: 'measures', title: '措施', dataIndex: 'measures', width: 240, ellipsis: true, defaultHidden: true, render: orDash },
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
    yearKey: 'date',
    searchPlaceholder: '活动名称、宣传法规、地点',
    columns: [
      { key: 'date', title: '日期', dataIndex: 'date', width: 110, sortKey: 'date', fixedShown: true },
      { key: 'title', title: '活动名称', dataIndex: 'title', width: 260, ellipsis: true, sortKey: 'title' },
      { key: 'laws', title: '宣传法规', dataIndex: 'laws', width: 240, ellipsis: true, render: orDash },
      { key: 'place', title: '地点', dataIndex: 'place', width: 160, ellipsis: true, render: orDash },
      { key: 'audienceCount', title: '受众人数', dataIndex: 'audienceCount', width: 100, render: orDash },
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

/** A register's routes: `${STAFF_API}/<register>/list` (a page) and `/export` (the filtered rows, the ledger's headers). */
const STAFF_API = '/api/staff';

/**
 * The latest year with records of a register (in the user's scope): the year of its newest record, one
 * row of the list sorted on its year's column. Not the metric look-up (useLatestYear): it needs the
 * metrics permission, which not every reader of these registers has.
 */
function useLatestRecordYear(r: Resource): LatestYear {
  const res = useApi<{ items: Row[] }>(`${STAFF_API}/${r.key}/list?sort=${r.yearKey}&order=desc&page=1&pageSize=1`);
  const latest = res.data?.items[0]?.[r.yearKey];
  return { year: latest ? Number(String(latest).slice(0, 4)) : null, current: dayjs().year(), loading: res.loading };
}

/**
 * 学法用法 — one tab per register, each on the one list component: year and text in the search form,
 * unit and the register's kinds as column filters, sort on indexed columns (server-side), the query in
 * the URL, the export of exactly the filtered rows under the register's ledger headers; figures from
 * the metric registry (for the year shown); each row opens its history. A register opens on its latest
 * year with records: clearing the year (or removing its tag) shows all years.
 */
export function StaffPage() {
  const { tab = 'study-sessions' } = useParams();
  const r = RESOURCES.find((x) => x.key === tab) ?? RESOURCES[0]!;
  // Each register its own list: its query, latest year and columns start afresh on another tab.
  return <Register key={r.key} r={r} />;
}

function Register({ r }: { r: Resource }) {
  const { id } = useParams();
  const { search } = useLocation();
  const navigate = useNavigate();
  const can = useCan();
  const latest = useLatestRecordYear(r);
  const query = useListQuery(latest.year !== null ? { year: String(latest.year) } : {});
  const units = useApi<Array<{ id: string; name: string }>>('/api/orgs');
  const [creating, setCreating] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const columns = useMemo<RecordColumn<Row>[]>(() => {
    const unitNames = new Map((units.data ?? []).map((o) => [o.id, o.name]));
    const cols = r.columns.map((c, i) =>
      // The first column opens the record's history (the list's query kept for coming back).
      i === 0 ? { ...c, render: (v: unknown, x: Row) => <Link to={`/staff/${r.key}/${x.id}${search}`}>{orDash(v)}</Link> } : c,
    ) as RecordColumn<Row>[];
    return [
      ...cols,
      {
        key: 'orgId',
        title: '单位',
        dataIndex: 'orgId',
        width: 140,
        render: (v: string) => unitNames.get(v) ?? '—',
        filter: { param: 'orgId', options: (units.data ?? []).map((o) => ({ label: o.name, value: o.id })) },
      },
    ];
  }, [r, units.data, search]);
  const metricYear = Number(query.values.year) || latest.year || dayjs().year();
  return (
    <>
      <PageTitle
        title="学法用法"
        description="领导干部学法、学法考试、培训（含街道线上线下培训），落实“谁执法谁普法”普法责任制。"
        extra={
          can('staff.write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="staff-create">
              登记{r.label}
            </Button>
          ) : null
        }
      />
      <Tabs activeKey={r.key} onChange={(k) => navigate(`/staff/${k}`)} items={RESOURCES.map((x) => ({ key: x.key, label: x.label }))} />
      {r.metrics ? (
        <Space size={48} wrap style={{ marginBottom: 16 }}>
          {r.metrics.map((m) => (
            <MetricFigure key={m.key} metric={m.key} title={`${metricYear}年${m.title}`} suffix={m.suffix} year={metricYear} />
          ))}
        </Space>
      ) : null}
      {latest.loading ? <Card loading /> : null}
      {latest.loading ? null : (
        <RecordList<Row>
          listKey={`staff.${r.key}`}
          query={query}
          endpoint={`${STAFF_API}/${r.key}/list`}
          exportEndpoint={`${STAFF_API}/${r.key}/export`}
          columns={columns}
          rowKey="id"
          unit="条"
          testId={`staff-${r.key}`}
          reloadKey={reloadKey}
          toolbar={query.values.year ? <LatestYearHint latest={latest} year={Number(query.values.year)} /> : null}
          searchFields={
            <>
              <Form.Item name="year" label="年度">
                <DatePicker picker="year" placeholder="全部年度" format="YYYY年" />
              </Form.Item>
              <Form.Item name="q" label="查找">
                <Input allowClear placeholder={r.searchPlaceholder} style={{ width: 240 }} />
              </Form.Item>
            </>
          }
          toForm={(v) => ({ q: v.q ?? '', year: v.year ? dayjs(`${v.year}-01-01`) : null })}
          // A cleared year is "all years" (year=), not the default latest year.
          fromForm={(v) => ({ q: (v.q as string | undefined)?.trim() || undefined, year: v.year ? String((v.year as Dayjs).year()) : '' })}
        />
      )}
      {creating ? (
        <FormModal
          title={`登记${r.label}`}
          initialValues={r.initial}
          onSubmit={(v) => api.post(`${STAFF_API}/${r.key}`, v)}
          onClose={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            setReloadKey((k) => k + 1);
          }}
        >
          {r.form}
        </FormModal>
      ) : null}
      <HistoryDrawer entity={r.entity} id={id ?? null} onClose={() => navigate(`/staff/${r.key}${search}`)} />
    </>
  );
}

function MetricFigure({ metric, title, suffix, year }: { metric: string; title: string; suffix?: string; year: number }) {
  const m = useApi<{ value: number | null }>(`/api/metrics/${metric}/drill?year=${year}`);
  return <Statistic title={title} value={m.data?.value ?? '—'} suffix={m.data?.value != null ? suffix : undefined} />;
}
