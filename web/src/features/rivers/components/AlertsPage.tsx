import { useMemo, useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { useApi } from '../../../api/useApi';
import { FormModal } from '../../../components/FormModal';
import { PageTitle } from '../../../components/PageTitle';
import { RecordList, type RecordColumn } from '../../../components/RecordList';
import { useListQuery } from '../../../components/useListQuery';
import { type LatestYear, LatestYearHint } from '../../../components/useLatestYear';
import { ALERT_LIST, GRADE_COLOR, type River, riversApi, type Alert } from '../api';

const STATUS_OPTIONS = [
  { label: '待处置', value: 'open' },
  { label: '已处置', value: 'handled' },
];
const GRADE_OPTIONS = [
  { label: '轻度黑臭', value: 'light' },
  { label: '重度黑臭', value: 'severe' },
];

/** The latest year with alerts (in the user's scope): the year of the latest alert, one row of the list sorted by date. */
function useLatestAlertYear(): LatestYear {
  const res = useApi<{ items: Alert[] }>(`${ALERT_LIST}/list?sort=raisedOn&order=desc&page=1&pageSize=1`);
  const latest = res.data?.items[0]?.raisedOn;
  return { year: latest ? Number(latest.slice(0, 4)) : null, current: dayjs().year(), loading: res.loading };
}

/**
 * 黑臭预警 on the one list component — alerts raised to each river's owner (a street sees its own): year and
 * text in the search form, status, grade, river and unit as column filters, sort by the alert's and the
 * handling's date (server-side), the query in the URL, the export of exactly the filtered alerts (the
 * list's columns); 登记处置 on each open alert the user may handle. It opens on the open alerts of the
 * latest year with alerts: clearing the year or the status (or removing its tag) shows all.
 */
export function AlertsPage() {
  const latest = useLatestAlertYear();
  const query = useListQuery({ status: 'open', ...(latest.year !== null ? { year: String(latest.year) } : {}) });
  const rivers = useApi<River[]>('/api/rivers');
  const units = useApi<Array<{ id: string; name: string }>>('/api/orgs');
  const [handling, setHandling] = useState<Alert | null>(null);
  const [reloadKey, setReloadKey] = useState(0);
  const columns = useMemo<RecordColumn<Alert>[]>(
    () => [
      { key: 'raisedOn', title: '预警日期', dataIndex: 'raisedOn', width: 110, sortKey: 'raisedOn', fixedShown: true },
      {
        key: 'river',
        title: '河涌',
        dataIndex: 'river',
        width: 140,
        render: (v: string, a) => <Link to={`/rivers/${a.riverId}`}>{v}</Link>,
        filter: { param: 'riverId', options: (rivers.data ?? []).map((r) => ({ label: r.name, value: r.id })) },
      },
      {
        key: 'owner',
        title: '责任单位',
        dataIndex: 'owner',
        width: 110,
        filter: { param: 'orgId', options: (units.data ?? []).map((o) => ({ label: o.name, value: o.id })) },
      },
      {
        key: 'grade',
        title: '分级',
        dataIndex: 'gradeLabel',
        width: 100,
        render: (v: string, a) => <Tag color={GRADE_COLOR[a.grade]}>{v}</Tag>,
        filter: { param: 'grade', options: GRADE_OPTIONS },
      },
      {
        key: 'message',
        title: '预警内容',
        dataIndex: 'message',
        width: 300,
        ellipsis: true,
        render: (v: string, a) => (
          <Link to={`/rivers/samples/${a.sampleId}`} title={v}>
            {v}
          </Link>
        ),
      },
      {
        key: 'status',
        title: '状态',
        dataIndex: 'status',
        width: 150,
        filter: { param: 'status', options: STATUS_OPTIONS },
        render: (s: Alert['status'], a) =>
          s === 'open' ? (
            <Tag color="red">待处置</Tag>
          ) : (
            <>
              <Tag color="green">已处置</Tag>
              {a.handledBy}
              <div style={{ color: '#666' }}>{a.handledNote}</div>
            </>
          ),
      },
      { key: 'handledOn', title: '处置日期', dataIndex: 'handledOn', width: 110, sortKey: 'handledOn', render: (v: string | null) => v ?? '—' },
      {
        key: 'actions',
        title: '操作',
        width: 100,
        fixedShown: true,
        render: (_: unknown, a) =>
          a.actions?.handle ? (
            <Button size="small" onClick={() => setHandling(a)} data-testid="alert-handle">
              登记处置
            </Button>
          ) : null,
      },
    ],
    [rivers.data, units.data],
  );
  return (
    <>
      <PageTitle title="黑臭预警" description="水样判定为黑臭时，系统即向河涌责任单位（属地街道）和河长发出预警；责任单位核查处置后登记处置情况。" />
      {latest.loading ? <Card loading /> : null}
      {latest.loading ? null : (
        <RecordList<Alert>
          listKey="rivers.alerts"
          query={query}
          endpoint={`${ALERT_LIST}/list`}
          exportEndpoint={`${ALERT_LIST}/export`}
          columns={columns}
          rowKey="id"
          unit="条"
          testId="alerts-table"
          reloadKey={reloadKey}
          toolbar={query.values.year ? <LatestYearHint latest={latest} year={Number(query.values.year)} /> : null}
          searchFields={
            <>
              <Form.Item name="year" label="预警年度">
                <DatePicker picker="year" placeholder="全部年度" format="YYYY年" />
              </Form.Item>
              <Form.Item name="q" label="查找">
                <Input allowClear placeholder="预警内容（河涌、断面、日期）" style={{ width: 240 }} />
              </Form.Item>
            </>
          }
          toForm={(v) => ({ q: v.q ?? '', year: v.year ? dayjs(`${v.year}-01-01`) : null })}
          // A cleared year is "all years" (year=), not the default latest year.
          fromForm={(v) => ({ q: (v.q as string | undefined)?.trim() || undefined, year: v.year ? String((v.year as Dayjs).year()) : '' })}
        />
      )}
      {handling && (
        <HandleModal
          alert={handling}
          onClose={() => setHandling(null)}
          onSaved={() => {
            setHandling(null);
            setReloadKey((k) => k + 1);
          }}
        />
      )}
    </>
  );
}

/** 登记处置 — what the owner did about an open alert. */
function HandleModal({ alert, onClose, onSaved }: { alert: Alert; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  return (
    <FormModal<Alert>
      title={`登记处置 · ${alert.river}`}
      width={520}
      intro={<p>{alert.message}</p>}
      onSubmit={(v) => riversApi.handleAlert(alert.id, alert.version, v.note as string)}
      onDone={() => {
        message.success('处置情况已登记');
        onSaved();
      }}
      onClose={onClose}
      testId="alert-handle-form"
    >
      <Form.Item name="note" label="处置情况" rules={[{ required: true, message: '请填写处置情况' }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}
