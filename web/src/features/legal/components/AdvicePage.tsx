import { Suspense, useMemo, useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Segmented, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { api, qs } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { PageTitle } from '../../../components/PageTitle';
import { RecordList, type RecordColumn } from '../../../components/RecordList';
import { useListQuery } from '../../../components/useListQuery';
import { type LatestYear, LatestYearHint } from '../../../components/useLatestYear';
import { ADVICE_KINDS, ADVICE_LIST, type Advice } from '../api';
import { FormModal } from '../../../components/FormModal';
import { lazyNamed } from '../../../lib/lazyNamed';

// A record's drawer (attachments, upload, history) loads when a record is opened: the list page stays within its budget.
const AdviceDrawer = lazyNamed(() => import('./AdviceDrawer'), 'AdviceDrawer');

const orDash = (v: string | null) => v ?? '—';
const TITLE_CELL = { display: 'block', maxWidth: 384, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

/** The latest year with work records in the user's scope: the year of the newest record (one row of the list sorted by date). */
function useLatestAdviceYear(): LatestYear {
  const res = useApi<{ items: Advice[] }>(`${ADVICE_LIST}?sort=date&order=desc&page=1&pageSize=1`);
  const latest = res.data?.items[0]?.date;
  return { year: latest ? Number(latest.slice(0, 4)) : null, current: dayjs().year(), loading: res.loading };
}

/**
 * 法律顾问工作台账 on the one list component: year and text (事项名称, 承办人, 顾问单位) in the search form, the
 * kinds with their counts as a switch, sort by date, kind and title (server-side), the query in the URL (kept
 * while a record's drawer is open), and the export of exactly the filtered records under the 法律顾问工作台账's
 * headers. It opens on the latest year with records: clearing the year shows all. A record opens with its
 * attachments and history.
 */
export function AdvicePage() {
  const can = useCan();
  const navigate = useNavigate();
  const { search } = useLocation();
  const openId = useParams().id ?? null;
  const latest = useLatestAdviceYear();
  const query = useListQuery(latest.year !== null ? { year: String(latest.year) } : {});
  const [creating, setCreating] = useState(false);
  const [reloadKey, setReloadKey] = useState(0);
  // The kinds' counts of the year and text searched (whatever kind is chosen).
  const counts = useApi<{ byKind: Record<string, number> }>(
    latest.loading ? null : `${ADVICE_LIST}${qs({ year: query.values.year ?? '', q: query.values.q ?? '', pageSize: 1 })}`,
  );
  const columns = useMemo<RecordColumn<Advice>[]>(
    () => [
      { key: 'date', title: '日期', dataIndex: 'date', width: 110, sortKey: 'date' },
      { key: 'kind', title: '类型', dataIndex: 'kind', width: 110, sortKey: 'kind' },
      {
        key: 'title',
        title: '事项名称',
        dataIndex: 'title',
        width: 400,
        ellipsis: true,
        sortKey: 'title',
        fixedShown: true,
        // A record opens in its drawer with the list's query kept (closing it shows the same page of the list).
        render: (v: string, a) => (
          <Link to={{ pathname: `/legal/advice/${a.id}`, search }} title={v} style={TITLE_CELL}>
            {v}
          </Link>
        ),
      },
      { key: 'firm', title: '顾问单位', dataIndex: 'firm', width: 220, render: orDash },
      { key: 'handler', title: '承办人', dataIndex: 'handler', width: 100, render: orDash },
    ],
    [search],
  );
  return (
    <>
      <PageTitle
        title="法律顾问工作台账"
        description="合同审查、文件审核、法律意见书、会议、业务研讨与专题培训；审查的文件与出具的意见作为附件留存。"
        extra={
          can('legal.write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              登记工作
            </Button>
          ) : null
        }
      />
      {latest.loading ? <Card loading /> : null}
      {latest.loading ? null : (
        <RecordList<Advice>
          listKey="legal.advice"
          query={query}
          endpoint={ADVICE_LIST}
          exportEndpoint={`${ADVICE_LIST}/export`}
          columns={columns}
          rowKey="id"
          unit="条"
          testId="advice-table"
          reloadKey={reloadKey}
          toolbar={
            <Space>
              <Segmented
                value={query.values.kind ?? ''}
                onChange={(v) => query.setFilters({ kind: (v as string) || undefined })}
                options={[{ label: '全部', value: '' }, ...ADVICE_KINDS.map((k) => ({ label: `${k} ${counts.data?.byKind[k] ?? 0}`, value: k }))]}
                data-testid="advice-kinds"
              />
              {query.values.year ? <LatestYearHint latest={latest} year={Number(query.values.year)} /> : null}
            </Space>
          }
          searchFields={
            <>
              <Form.Item name="year" label="年度">
                <DatePicker picker="year" placeholder="全部年度" format="YYYY年" />
              </Form.Item>
              <Form.Item name="q" label="查找">
                <Input allowClear placeholder="事项名称、承办人、顾问单位" style={{ width: 240 }} />
              </Form.Item>
            </>
          }
          toForm={(v) => ({ q: v.q ?? '', year: v.year ? dayjs(`${v.year}-01-01`) : null })}
          // A cleared year is "all years" (year=), not the default latest year.
          fromForm={(v) => ({ q: (v.q as string | undefined)?.trim() || undefined, year: v.year ? String((v.year as Dayjs).year()) : '' })}
        />
      )}
      {creating ? (
        <FormModal<Advice>
          title="登记法律顾问工作"
          initialValues={{ date: dayjs(), kind: '合同审查' }}
          onSubmit={(v) => api.post('/api/legal/advice', v)}
          onClose={() => setCreating(false)}
          onDone={(a) => {
            setCreating(false);
            setReloadKey((k) => k + 1);
            counts.reload();
            navigate({ pathname: `/legal/advice/${a.id}`, search });
          }}
        >
          <Form.Item name="date" label="日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
            <Select options={ADVICE_KINDS.map((k) => ({ value: k, label: k }))} />
          </Form.Item>
          <Form.Item name="title" label="事项名称" rules={[{ required: true, message: '请填写事项名称' }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item name="handler" label="承办人">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="firm" label="顾问单位" extra="留空则取当日有效合同的顾问单位">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="opinion" label="意见摘要">
            <Input.TextArea rows={3} />
          </Form.Item>
        </FormModal>
      ) : null}
      {openId ? (
        <Suspense fallback={null}>
          <AdviceDrawer id={openId} onClose={() => navigate({ pathname: '/legal/advice', search })} />
        </Suspense>
      ) : null}
    </>
  );
}
