import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Select, Space, Table, Tabs, Tag } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { ApiError, qs } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormModal } from '../../../components/FormModal';
import { useSearchParams } from 'react-router-dom';
import { PageTitle } from '../../../components/PageTitle';
import { RecordList, type RecordColumn } from '../../../components/RecordList';
import { useListQuery } from '../../../components/useListQuery';
import { type LatestYear, LatestYearHint } from '../../../components/useLatestYear';
import { withKeys } from '../../../lib/keys';
import { DUTY_LIST, floodApi, type DutyLine } from '../api';
import { useLatestYearOf, yearTextFields } from './common';

const SHIFT_ORDER = ['全天', '夜班', '早班', '中班'];

/**
 * 值班表 — a month's roster by day (AB角 24-hour duty and the rescue team's three shifts; a day is
 * edited as a whole), and every duty line on the one list component (year and person in the search form,
 * role and shift as column filters, sort by date and person, the query in the URL, the export of exactly
 * the filtered lines under the 值班表 ledger's headers). Both open on the latest month / year with duty.
 */
export function DutyPage() {
  const [params] = useSearchParams();
  // A shared list link (its query in the URL) opens on the list.
  const [tab, setTab] = useState(params.size ? 'list' : 'month');
  const latest = useLatestYearOf(DUTY_LIST, { sort: 'date', field: 'date' });
  const newest = useApi<{ items: DutyLine[] }>(`${DUTY_LIST}/list?sort=date&order=desc&page=1&pageSize=1`);
  const [reloadKey, setReloadKey] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const can = useCan();
  const saved = () => {
    setEditing(null);
    setReloadKey((k) => k + 1);
  };
  return (
    <>
      <PageTitle
        title="值班表"
        description="在编干部AB角24小时值守（每天须有A角和B角），抢险队伍三班倒；同一人不能同时值两个时间重叠的班次。"
        extra={
          can('flood.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing(dayjs().format('YYYY-MM-DD'))}>
              排班
            </Button>
          )
        }
      />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'month',
            label: '按月排班',
            children: newest.loading ? (
              <Card loading />
            ) : (
              <MonthRoster initial={newest.data?.items[0]?.date} reloadKey={reloadKey} onEdit={can('flood.write') ? setEditing : undefined} />
            ),
          },
          {
            key: 'list',
            label: '值班记录',
            children: latest.loading ? (
              <Card loading />
            ) : (
              <DutyList latest={latest} reloadKey={reloadKey} onEdit={can('flood.write') ? setEditing : undefined} />
            ),
          },
        ]}
      />
      {editing && <DayLoader date={editing} onClose={() => setEditing(null)} onSaved={saved} />}
    </>
  );
}

/** The roster of a month, a row a day; `initial`: a date of the month it opens on (the latest with duty). */
function MonthRoster({ initial, reloadKey, onEdit }: { initial?: string; reloadKey: number; onEdit?: (date: string) => void }) {
  const [month, setMonth] = useState(() => dayjs(initial ?? undefined));
  const from = month.startOf('month').format('YYYY-MM-DD');
  const to = month.endOf('month').format('YYYY-MM-DD');
  const res = useApi<{ shifts: Record<string, { label: string }>; entries: DutyLine[] }>(`/api/flood/duty${qs({ from, to })}`);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reloadKey is the trigger
  useEffect(() => {
    if (reloadKey) res.reload();
  }, [reloadKey]);
  const days = useMemo(() => {
    const m = new Map<string, DutyLine[]>();
    for (const e of res.data?.entries ?? []) m.set(e.date, [...(m.get(e.date) ?? []), e]);
    return [...m].map(([date, lines]) => ({ date, lines }));
  }, [res.data]);
  const cell = (lines: DutyLine[], shift: string) =>
    lines
      .filter((l) => l.shift === shift)
      .sort((a, b) => a.role.localeCompare(b.role))
      .map((l) => (
        <div key={l.role + l.person}>
          <Tag color={l.role === 'A角' ? 'blue' : 'purple'}>{l.role}</Tag>
          {l.person}
          {l.phone ? <span style={{ color: '#999' }}> {l.phone}</span> : null}
        </div>
      ));
  const others = (lines: DutyLine[]) => lines.filter((l) => !SHIFT_ORDER.includes(l.shift));
  return (
    <>
      <ErrorAlert error={res.error} onRetry={res.reload} />
      <Card
        styles={{ body: { padding: 0 } }}
        title={<DatePicker picker="month" allowClear={false} value={month} onChange={(d) => d && setMonth(d)} format="YYYY年M月" data-testid="duty-month" />}
      >
        <Table
          rowKey="date"
          size="small"
          loading={res.loading}
          dataSource={days}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '本月尚未排班' }}
          columns={[
            { title: '日期', dataIndex: 'date', width: 110 },
            { title: '全天（08:30至次日08:30）', key: '全天', render: (_, d) => cell(d.lines, '全天') },
            { title: '夜班 00:00–08:00', key: '夜班', render: (_, d) => cell(d.lines, '夜班') },
            { title: '早班 08:00–16:00', key: '早班', render: (_, d) => cell(d.lines, '早班') },
            { title: '中班 16:00–24:00', key: '中班', render: (_, d) => cell(d.lines, '中班') },
            {
              title: '其他时段',
              key: 'o',
              render: (_, d) =>
                others(d.lines).map((l) => (
                  <div key={l.shift + l.role + l.person}>
                    {l.shift} {l.role} {l.person}
                  </div>
                )),
            },
            ...(onEdit
              ? [
                  {
                    title: '操作',
                    key: 'a',
                    width: 80,
                    render: (_: unknown, d: { date: string }) => (
                      <Button type="link" size="small" onClick={() => onEdit(d.date)}>
                        调整
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </>
  );
}

/** Every duty line on the one list component. */
function DutyList({ latest, reloadKey, onEdit }: { latest: LatestYear; reloadKey: number; onEdit?: (date: string) => void }) {
  const query = useListQuery(latest.year !== null ? { year: String(latest.year) } : {});
  const columns = useMemo<RecordColumn<DutyLine>[]>(
    () => [
      { key: 'date', title: '日期', dataIndex: 'date', width: 120, sortKey: 'date', fixedShown: true },
      { key: 'shift', title: '班次', dataIndex: 'shift', width: 120, filter: { param: 'shift', options: SHIFT_ORDER.map((x) => ({ label: x, value: x })) } },
      {
        key: 'role',
        title: '角色',
        dataIndex: 'role',
        width: 90,
        filter: { param: 'role', options: ['A角', 'B角'].map((x) => ({ label: x, value: x })) },
        render: (r: DutyLine['role']) => <Tag color={r === 'A角' ? 'blue' : 'purple'}>{r}</Tag>,
      },
      { key: 'person', title: '姓名', dataIndex: 'person', width: 120, sortKey: 'person' },
      { key: 'phone', title: '联系电话', dataIndex: 'phone', width: 140, render: (v: string | null) => v ?? '—' },
      ...(onEdit
        ? [
            {
              key: 'actions',
              title: '操作',
              width: 100,
              fixedShown: true,
              render: (_: unknown, l: DutyLine) => (
                <Button type="link" size="small" onClick={() => onEdit(l.date)}>
                  调整当天
                </Button>
              ),
            },
          ]
        : []),
    ],
    [onEdit],
  );
  return (
    <RecordList<DutyLine>
      listKey="flood.duty"
      query={query}
      endpoint={`${DUTY_LIST}/list`}
      exportEndpoint={`${DUTY_LIST}/export`}
      columns={columns}
      rowKey="id"
      unit="条"
      testId="duty-table"
      reloadKey={reloadKey}
      toolbar={query.values.year ? <LatestYearHint latest={latest} year={Number(query.values.year)} /> : null}
      {...yearTextFields({ yearLabel: '年度', placeholder: '值班人员姓名' })}
    />
  );
}

/** The day's roster read, then its form. */
function DayLoader({ date, onClose, onSaved }: { date: string; onClose: () => void; onSaved: () => void }) {
  const res = useApi<{ entries: DutyLine[] }>(`/api/flood/duty${qs({ from: date, to: date })}`);
  if (res.loading || !res.data) return null;
  return <DayModal date={date} lines={res.data.entries} onClose={onClose} onSaved={onSaved} />;
}

/**
 * Edits one day's roster; the server checks the rules (A and B roles, no overlaps with the days around it). A refusal
 * names its first issue in the form's error; when there are more, all of them are listed below it.
 */
function DayModal({ date, lines, onClose, onSaved }: { date: string; lines: DutyLine[]; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [issues, setIssues] = useState<Array<{ message: string }>>([]);
  const save = async (v: Record<string, unknown>) => {
    setIssues([]);
    const d = v.date as string;
    try {
      await floodApi.saveDuty(((v.lines as DutyLine[] | undefined) ?? []).map((l) => ({ ...l, date: d, phone: l.phone || null })));
    } catch (e) {
      if (e instanceof ApiError && Array.isArray(e.details)) setIssues(e.details as Array<{ message: string }>);
      throw e;
    }
    return d;
  };
  return (
    <FormModal<string>
      title="排班（一天）"
      width={760}
      // 日期's label beside its picker, as the day's lines (no labels) lay out.
      horizontal={{ labelCol: {} }}
      initialValues={{
        date: dayjs(date),
        lines: lines.length
          ? lines
          : [
              { shift: '全天', role: 'A角' },
              { shift: '全天', role: 'B角' },
            ],
      }}
      onSubmit={save}
      onDone={(d) => {
        message.success(`${d} 值班已保存`);
        onSaved();
      }}
      onClose={onClose}
      testId="duty-form"
    >
      {issues.length > 1 ? (
        <ul style={{ margin: '0 0 16px', color: '#cf1322' }} data-testid="duty-error-details">
          {withKeys(issues, (x) => x.message).map(({ key, item: x }) => (
            <li key={key}>{x.message}</li>
          ))}
        </ul>
      ) : null}
      <Form.Item name="date" label="日期" rules={[{ required: true }]}>
        <DatePicker allowClear={false} />
      </Form.Item>
      <Form.List name="lines">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline">
                <Form.Item name={[f.name, 'shift']} rules={[{ required: true, message: '班次' }]}>
                  <Select style={{ width: 150 }} options={SHIFT_ORDER.map((s) => ({ value: s, label: s }))} showSearch />
                </Form.Item>
                <Form.Item name={[f.name, 'role']} rules={[{ required: true, message: '角色' }]}>
                  <Select style={{ width: 90 }} options={['A角', 'B角'].map((s) => ({ value: s, label: s }))} />
                </Form.Item>
                <Form.Item name={[f.name, 'person']} rules={[{ required: true, message: '请填写姓名' }]}>
                  <Input placeholder="姓名" style={{ width: 140 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'phone']}>
                  <Input placeholder="联系电话" style={{ width: 150 }} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(f.name)} />
              </Space>
            ))}
            <Button type="dashed" onClick={() => add({ shift: '早班', role: 'A角' })} icon={<PlusOutlined />}>
              添加一人
            </Button>
          </>
        )}
      </Form.List>
    </FormModal>
  );
}
