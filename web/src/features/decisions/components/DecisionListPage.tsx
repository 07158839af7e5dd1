import { useMemo, useState } from 'react';
import { Button, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { PageTitle } from '../../../components/PageTitle';
import { RecordList, type RecordColumn } from '../../../components/RecordList';
import { useListQuery } from '../../../components/useListQuery';
import { yearTextSearch } from '../../../components/yearTextSearch';
import { DECISION_LIST, STATUS_COLORS, STATUS_LABELS, type Decision, type DecisionStatus } from '../api';
import { NewDecisionModal } from './NewDecisionModal';

const mark = (on: string | null) => (on ? <Tag color="green">{on}</Tag> : <span style={{ color: '#999' }}>—</span>);
const orDash = (v: string | null) => v ?? '—';

/**
 * 重大行政决策 on the one list component: the decisions newest year first in catalogue order; year and text
 * in the search form, unit and status as column filters, sort by 年度, 决策事项 and the review, discussion
 * and publication dates (server-side), the query in the URL, and the export of exactly the filtered
 * decisions under the 重大行政决策台账's headers. A new decision is registered here.
 */
export function DecisionListPage() {
  const can = useCan();
  const navigate = useNavigate();
  const query = useListQuery();
  const units = useApi<Array<{ id: string; name: string }>>('/api/orgs');
  const [creating, setCreating] = useState(false);
  const columns = useMemo<RecordColumn<Decision>[]>(
    () => [
      { key: 'year', title: '年度', dataIndex: 'year', width: 76, sortKey: 'year' },
      {
        key: 'title',
        title: '决策事项',
        dataIndex: 'title',
        width: 240,
        ellipsis: true,
        sortKey: 'title',
        fixedShown: true,
        // RecordList cuts the link to the column's width; the full title on hover.
        render: (v: string, d) => <Link to={`/decisions/${d.id}`}>{v}</Link>,
      },
      {
        key: 'orgName',
        title: '承办单位',
        dataIndex: 'orgName',
        width: 120,
        render: orDash,
        filter: { param: 'orgId', options: (units.data ?? []).map((o) => ({ label: o.name, value: o.id })) },
      },
      { key: 'participationOn', title: '公众参与', dataIndex: 'participationOn', width: 110, render: mark },
      { key: 'expertOn', title: '专家论证', dataIndex: 'expertOn', width: 110, render: mark },
      { key: 'riskOn', title: '风险评估', dataIndex: 'riskOn', width: 110, render: mark },
      {
        key: 'reviewResult',
        title: '合法性审查',
        dataIndex: 'reviewResult',
        width: 100,
        render: (v: string | null) => (v ? <Tag color={v === '不同意' ? 'red' : 'green'}>{v}</Tag> : '—'),
      },
      { key: 'reviewOn', title: '审查日期', dataIndex: 'reviewOn', width: 110, sortKey: 'reviewOn', defaultHidden: true, render: orDash },
      { key: 'discussionOn', title: '集体讨论日期', dataIndex: 'discussionOn', width: 120, sortKey: 'discussionOn', defaultHidden: true, render: orDash },
      { key: 'madeOn', title: '决定日期', dataIndex: 'madeOn', width: 110, render: orDash },
      { key: 'publicationOn', title: '公布日期', dataIndex: 'publicationOn', width: 110, sortKey: 'publicationOn', defaultHidden: true, render: orDash },
      {
        key: 'status',
        title: '状态',
        dataIndex: 'status',
        width: 120,
        filter: { param: 'status', options: Object.entries(STATUS_LABELS).map(([value, label]) => ({ label, value })) },
        render: (s: DecisionStatus) => <Tag color={STATUS_COLORS[s]}>{STATUS_LABELS[s]}</Tag>,
      },
    ],
    [units.data],
  );
  return (
    <>
      <PageTitle
        title="重大行政决策"
        description="按《重大行政决策程序暂行条例》履行公众参与、专家论证、风险评估、合法性审查、集体讨论决定程序；应当履行的程序未完成的，不能登记作出决定。"
        extra={
          can('decisions.write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-decision">
              登记决策
            </Button>
          ) : null
        }
      />
      <RecordList<Decision>
        listKey="decisions.list"
        query={query}
        endpoint={DECISION_LIST}
        exportEndpoint={`${DECISION_LIST}/export`}
        columns={columns}
        rowKey="id"
        unit="项"
        testId="decisions-table"
        {...yearTextSearch({ yearLabel: '年度', placeholder: '决策事项、分管领导、决策内容' })}
      />
      {creating ? <NewDecisionModal onClose={() => setCreating(false)} onCreated={(d) => navigate(`/decisions/${d.id}`)} /> : null}
    </>
  );
}
