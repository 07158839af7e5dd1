import { useMemo, useState } from 'react';
import { Button, Segmented, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { useCan } from '../../../api/session';
import { PageTitle } from '../../../components/PageTitle';
import { DeadlineStatusTag } from '../../../components/DeadlineStatusTag';
import { RecordList, type RecordColumn } from '../../../components/RecordList';
import { yearTextSearch } from '../../../components/yearTextSearch';
import { useListQuery } from '../../../components/useListQuery';
import { CASE_LIST, STAGE_COLORS, type CaseSummary, type Stage } from '../api';
import { useMeta, useOrgList } from '../hooks/useEnforcement';
import { NewCaseModal } from './NewCaseModal';
import { formatYuan } from '../../../lib/format';

const SIDES = [
  { label: '全部', value: '' },
  { label: '本局', value: 'bureau' },
  { label: '街道', value: 'streets' },
];

/**
 * 案件列表 on the one list component: every case in the user's scope, with the worst open deadline
 * of each; filed year and text in the search form, 本局/街道, unit, stage and source as column
 * filters, sort by number and dates (server-side), the query in the URL, and the export of exactly
 * the filtered cases under the penalty-cases ledger's headers.
 */
export function CaseListPage() {
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const query = useListQuery();
  const meta = useMeta();
  const orgs = useOrgList();
  const columns = useMemo<RecordColumn<CaseSummary>[]>(
    () => [
      {
        key: 'caseNo',
        title: '案件编号',
        dataIndex: 'caseNo',
        width: 210,
        sortKey: 'caseNo',
        fixedShown: true,
        render: (v: string, r) => <Link to={`/enforcement/cases/${r.id}`}>{v}</Link>,
      },
      {
        key: 'orgName',
        title: '办案单位',
        dataIndex: 'orgName',
        width: 120,
        filter: { param: 'orgId', options: (orgs.data ?? []).filter((o) => o.kind !== 'bureau').map((o) => ({ label: o.name, value: o.id })) },
      },
      { key: 'cause', title: '案由', dataIndex: 'cause', width: 260, ellipsis: true },
      { key: 'partyName', title: '当事人', dataIndex: 'partyName', width: 200, ellipsis: true },
      {
        key: 'source',
        title: '案件来源',
        dataIndex: 'source',
        width: 100,
        defaultHidden: true,
        render: (v: string | null) => v ?? '—',
        filter: { param: 'source', options: (meta.data?.sources ?? []).map((s) => ({ label: s, value: s })) },
      },
      { key: 'filedOn', title: '立案日期', dataIndex: 'filedOn', width: 110, sortKey: 'filedOn' },
      {
        key: 'stage',
        title: '阶段',
        dataIndex: 'stage',
        width: 150,
        filter: { param: 'stage', options: Object.entries(meta.data?.stages ?? {}).map(([value, label]) => ({ label, value })) },
        render: (s: Stage, r) => (
          <Space size={4}>
            <Tag color={STAGE_COLORS[s]}>{r.stageLabel}</Tag>
            {r.procedure === 'summary' ? <Tag>简易</Tag> : null}
            {r.major ? <Tag color="red">重大</Tag> : null}
          </Space>
        ),
      },
      {
        key: 'penalty',
        title: '处罚',
        width: 150,
        render: (_, r) =>
          r.penaltyKinds.length
            ? `${r.penaltyKinds.join('、')}${r.fineYuan + r.confiscationYuan ? ` ${formatYuan(r.fineYuan + r.confiscationYuan)}` : ''}`
            : '—',
      },
      { key: 'decidedOn', title: '决定日期', dataIndex: 'decidedOn', width: 110, sortKey: 'decidedOn', defaultHidden: true, render: (v) => v ?? '—' },
      { key: 'closedOn', title: '结案日期', dataIndex: 'closedOn', width: 110, sortKey: 'closedOn', defaultHidden: true, render: (v) => v ?? '—' },
      {
        key: 'deadline',
        title: '期限',
        width: 230,
        // The server filters on the case's tracked deadlines (作出决定、送达、缴纳罚款), in SQL.
        filter: {
          param: 'deadline',
          options: [
            { label: '已逾期', value: 'overdue' },
            { label: '即将到期', value: 'due_soon' },
          ],
        },
        render: (_, r) =>
          r.deadline ? (
            <Space size={4}>
              <DeadlineStatusTag status={r.deadline.status} />
              <span>
                {r.deadline.label.replace('期限', '')} {r.deadline.due}
              </span>
            </Space>
          ) : (
            '—'
          ),
      },
    ],
    [meta.data, orgs.data],
  );
  return (
    <>
      <PageTitle
        title="行政处罚案件"
        description="立案、调查、告知、审核、决定、送达、执行、结案、归档的全过程；期限按工作日历计算（含调休）。"
        extra={
          can('enforcement.case.write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              立案
            </Button>
          ) : null
        }
      />
      <RecordList<CaseSummary>
        listKey="enforcement.cases"
        query={query}
        endpoint={`${CASE_LIST}/list`}
        exportEndpoint={`${CASE_LIST}/export`}
        columns={columns}
        rowKey="id"
        unit="件"
        testId="cases-table"
        toolbar={<Segmented value={query.values.side ?? ''} onChange={(v) => query.setFilters({ side: String(v) || undefined })} options={SIDES} />}
        {...yearTextSearch({ yearLabel: '立案年度', placeholder: '案件编号、案由、当事人' })}
      />
      {creating ? <NewCaseModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
