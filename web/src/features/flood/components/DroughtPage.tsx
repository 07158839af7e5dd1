import { useMemo, useState } from 'react';
import { Alert, Button, Card, DatePicker, Form, Input, InputNumber, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PageTitle } from '../../../components/PageTitle';
import { RecordHistory } from '../../../components/RecordHistory';
import { RecordList, type RecordColumn } from '../../../components/RecordList';
import { useListQuery } from '../../../components/useListQuery';
import { LatestYearHint } from '../../../components/useLatestYear';
import { floodApi, WARNING_LIST, type Warning, type WarningDetail } from '../api';
import { clean, EntryForm, RecordModal, useLatestYearOf, yearTextFields } from './common';

const LEVEL_COLOR: Record<string, string> = { 蓝色: 'blue', 黄色: 'gold', 橙色: 'orange', 红色: 'red' };

const LEVELS = ['蓝色', '黄色', '橙色', '红色'] as const;

/**
 * 抗旱防咸 — the warning periods on the one list component (year — the period overlaps it — and title in
 * the search form, level as a column filter, sort by start and end, the query in the URL; no export: the
 * warnings have no ledger), and below it the open warning's daily dispatch records (一天一调度) with the
 * days missing a record (/flood/drought/:id; none open: the newest warning).
 */
export function DroughtPage() {
  const latest = useLatestYearOf(WARNING_LIST, { sort: 'startsOn', field: 'startsOn' });
  const query = useListQuery(latest.year !== null ? { year: String(latest.year) } : {});
  const newest = useApi<{ items: Warning[] }>(`${WARNING_LIST}/list?page=1&pageSize=1`);
  const id = useParams().id ?? newest.data?.items[0]?.id ?? null;
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  const can = useCan();
  const columns = useMemo<RecordColumn<Warning>[]>(
    () => [
      {
        key: 'title',
        title: '预警名称',
        dataIndex: 'title',
        width: 260,
        fixedShown: true,
        render: (v: string, w) => (
          <Link to={`/flood/drought/${w.id}${window.location.search}`} style={{ fontWeight: w.id === id ? 600 : undefined }}>
            {v}
          </Link>
        ),
      },
      {
        key: 'level',
        title: '级别',
        dataIndex: 'level',
        width: 90,
        filter: { param: 'level', options: LEVELS.map((x) => ({ label: x, value: x })) },
        render: (v: string) => <Tag color={LEVEL_COLOR[v]}>{v}</Tag>,
      },
      { key: 'startsOn', title: '开始日期', dataIndex: 'startsOn', width: 120, sortKey: 'startsOn' },
      { key: 'endsOn', title: '解除日期', dataIndex: 'endsOn', width: 120, sortKey: 'endsOn', render: (v: string | null) => v ?? '未解除' },
    ],
    [id],
  );
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
      {latest.loading ? <Card loading /> : null}
      {latest.loading ? null : (
        <RecordList<Warning>
          listKey="flood.warnings"
          query={query}
          endpoint={`${WARNING_LIST}/list`}
          columns={columns}
          rowKey="id"
          unit="次"
          testId="warnings-table"
          reloadKey={reloadKey}
          toolbar={query.values.year ? <LatestYearHint latest={latest} year={Number(query.values.year)} /> : null}
          {...yearTextFields({ yearLabel: '年度', placeholder: '预警名称' })}
        />
      )}
      <div style={{ marginTop: 16 }}>{id && <WarningPanel key={id} id={id} />}</div>
      {creating && (
        <WarningModal
          onClose={() => setCreating(false)}
          onSaved={(w) => {
            setCreating(false);
            setReloadKey((k) => k + 1);
            navigate(`/flood/drought/${w.id}${window.location.search}`);
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
