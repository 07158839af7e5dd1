import { useMemo } from 'react';
import { Button, Card, DatePicker, Form, Input, Space, Tag } from 'antd';
import { DownloadOutlined, GlobalOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { PageTitle } from '../../../components/PageTitle';
import { RecordList, type RecordColumn } from '../../../components/RecordList';
import { type ListQuery, serverQuery, useListQuery } from '../../../components/useListQuery';
import { type LatestYear, LatestYearHint } from '../../../components/useLatestYear';
import { todayShanghai } from '../../../lib/format';
import { KIND_LABELS, REGISTER_LIST, type RegisterEntry } from '../api';

function status(e: RegisterEntry, today: string) {
  if (e.withdrawnOn) return <Tag>已撤回</Tag>;
  if (e.publishedOn) return <Tag color={e.publishedOn <= e.dueOn ? 'green' : 'orange'}>{e.publishedOn <= e.dueOn ? '已按期公示' : '逾期公示'}</Tag>;
  return today > e.dueOn ? <Tag color="red">逾期未公示</Tag> : <Tag color="blue">待公示</Tag>;
}

const KIND_OPTIONS = (Object.entries(KIND_LABELS) as Array<[RegisterEntry['kind'], string]>).map(([value, label]) => ({ label, value }));
const STATUS_OPTIONS = [
  { label: '待公示', value: 'pending' },
  { label: '已公示', value: 'published' },
  { label: '已撤回', value: 'withdrawn' },
];

/** The latest year with decisions (in the user's scope): the year of the latest decided, one row of the list sorted by date. */
function useLatestDecisionYear(): LatestYear {
  const res = useApi<{ items: RegisterEntry[] }>(`${REGISTER_LIST}/list?sort=decidedOn&order=desc&page=1&pageSize=1`);
  const latest = res.data?.items[0]?.decidedOn;
  return { year: latest ? Number(latest.slice(0, 4)) : null, current: dayjs().year(), loading: res.loading };
}

/** The export of the filtered list's decisions of one kind, in the credit platform's 双公示 layout of that kind. */
function exportHref(query: ListQuery, kind: RegisterEntry['kind']): string {
  const p = new URLSearchParams(serverQuery(query, { paged: false }).slice(1));
  p.set('kind', kind);
  return `${REGISTER_LIST}/export?${p}`;
}

/**
 * 双公示台账 on the one list component — every penalty and licensing decision with its 7-working-day
 * publication term: year and text in the search form, 类别, 状态 and 承办单位 as column filters, sort by
 * 决定文书号 and the decision's, the term's and the publication's dates (server-side), the query in the
 * URL; the filtered decisions export per kind in the credit platform's 双公示 layouts (行政处罚, 行政许可).
 * It opens on the latest year with decisions: clearing the year (or removing its tag) shows all years.
 */
export function RegisterPage() {
  const latest = useLatestDecisionYear();
  const query = useListQuery(latest.year !== null ? { year: String(latest.year) } : {});
  const units = useApi<Array<{ id: string; name: string }>>('/api/orgs');
  const can = useCan();
  const today = todayShanghai();
  const columns = useMemo<RecordColumn<RegisterEntry>[]>(
    () => [
      {
        key: 'kind',
        title: '类别',
        dataIndex: 'kind',
        width: 100,
        render: (k: RegisterEntry['kind']) => KIND_LABELS[k],
        filter: { param: 'kind', options: KIND_OPTIONS },
      },
      { key: 'decisionNo', title: '决定文书号', dataIndex: 'decisionNo', width: 180, sortKey: 'decisionNo', fixedShown: true },
      { key: 'party', title: '当事人', dataIndex: 'party', width: 170, ellipsis: true },
      { key: 'title', title: '事项', dataIndex: 'title', width: 220, ellipsis: true },
      {
        key: 'orgId',
        title: '承办单位',
        dataIndex: 'orgId',
        width: 130,
        defaultHidden: true,
        render: (v: string) => (units.data ?? []).find((o) => o.id === v)?.name ?? '—',
        filter: { param: 'orgId', options: (units.data ?? []).map((o) => ({ label: o.name, value: o.id })) },
      },
      { key: 'decidedOn', title: '决定日期', dataIndex: 'decidedOn', width: 110, sortKey: 'decidedOn' },
      { key: 'dueOn', title: '公示期限', dataIndex: 'dueOn', width: 110, sortKey: 'dueOn' },
      { key: 'publishedOn', title: '公示日期', dataIndex: 'publishedOn', width: 110, sortKey: 'publishedOn', render: (d: string | null) => d ?? '—' },
      {
        key: 'status',
        title: '状态',
        dataIndex: 'withdrawnOn',
        width: 120,
        filter: { param: 'status', options: STATUS_OPTIONS },
        render: (_: unknown, e) => status(e, today),
      },
    ],
    [units.data, today],
  );
  const kinds = query.values.kind ? KIND_OPTIONS.filter((k) => k.value === query.values.kind) : KIND_OPTIONS;
  return (
    <>
      <PageTitle
        title="双公示台账"
        description="行政处罚、行政许可决定自作出之日起7个工作日内公示（国办发〔2018〕118号）；被变更或撤销的决定应撤回公示（行政处罚法第四十八条）。"
        extra={
          <Button icon={<GlobalOutlined />} href="/public/decisions" target="_blank">
            公众公示页
          </Button>
        }
      />
      {latest.loading ? <Card loading /> : null}
      {latest.loading ? null : (
        <RecordList<RegisterEntry>
          listKey="publicity.register"
          query={query}
          endpoint={`${REGISTER_LIST}/list`}
          columns={columns}
          rowKey="id"
          unit="条"
          testId="publicity-table"
          toolbar={
            <Space wrap>
              {query.values.year ? <LatestYearHint latest={latest} year={Number(query.values.year)} /> : null}
              {can('publicity.export')
                ? kinds.map((k) => (
                    <Button key={k.value} icon={<DownloadOutlined />} href={exportHref(query, k.value)} download data-testid={`publicity-export-${k.value}`}>
                      导出{k.label}（双公示格式）
                    </Button>
                  ))
                : null}
            </Space>
          }
          searchFields={
            <>
              <Form.Item name="year" label="决定年度">
                <DatePicker picker="year" placeholder="全部年度" format="YYYY年" />
              </Form.Item>
              <Form.Item name="q" label="查找">
                <Input allowClear placeholder="决定文书号、事项、当事人" style={{ width: 240 }} />
              </Form.Item>
            </>
          }
          toForm={(v) => ({ q: v.q ?? '', year: v.year ? dayjs(`${v.year}-01-01`) : null })}
          // A cleared year is "all years" (year=), not the default latest year.
          fromForm={(v) => ({ q: (v.q as string | undefined)?.trim() || undefined, year: v.year ? String((v.year as Dayjs).year()) : '' })}
        />
      )}
    </>
  );
}
