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
import { ACT_KINDS, CASE_KINDS, KIND_LABELS, LIT_CASE_LIST, STATUS_COLORS, STATUS_LABELS, type CaseStatus, type LitCase } from '../api';
import { NewCaseModal } from './NewCaseModal';

/**
 * 行政复议、行政诉讼案件 on the one list component: the cases against the bureau, newest received first;
 * year received and text in the search form, kind, the challenged act's kind, unit and status as column
 * filters, sort by 案号 and dates (server-side), the query in the URL, and the export of exactly the
 * filtered cases under the 行政复议行政诉讼案件台账's headers. A new case is registered here.
 */
export function CaseListPage() {
  const can = useCan();
  const navigate = useNavigate();
  const query = useListQuery();
  const units = useApi<Array<{ id: string; name: string }>>('/api/orgs');
  const [creating, setCreating] = useState(false);
  const columns = useMemo<RecordColumn<LitCase>[]>(
    () => [
      {
        key: 'caseNo',
        title: '案号',
        dataIndex: 'caseNo',
        width: 200,
        sortKey: 'caseNo',
        fixedShown: true,
        render: (v: string, c) => <Link to={`/litigation/cases/${c.id}`}>{v}</Link>,
      },
      {
        key: 'kind',
        title: '类别',
        dataIndex: 'kind',
        width: 140,
        filter: { param: 'kind', options: CASE_KINDS.map((k) => ({ label: KIND_LABELS[k], value: k })) },
        render: (k: LitCase['kind'], c) => `${KIND_LABELS[k]}${c.instance ? `（${c.instance}）` : ''}`,
      },
      { key: 'claimantName', title: '申请人（原告）', dataIndex: 'claimantName', width: 180, ellipsis: true },
      {
        key: 'actKind',
        title: '行为类别',
        dataIndex: 'actKind',
        width: 130,
        defaultHidden: true,
        filter: { param: 'actKind', options: ACT_KINDS.map((k) => ({ label: k, value: k })) },
      },
      { key: 'actTitle', title: '被申请（被诉）行为', dataIndex: 'actTitle', width: 240, ellipsis: true },
      { key: 'body', title: '复议机关或法院', dataIndex: 'body', width: 180, ellipsis: true, defaultHidden: true },
      {
        key: 'orgName',
        title: '承办单位',
        dataIndex: 'orgName',
        width: 130,
        defaultHidden: true,
        render: (v: string | null) => v ?? '—',
        filter: { param: 'orgId', options: (units.data ?? []).map((o) => ({ label: o.name, value: o.id })) },
      },
      { key: 'receivedOn', title: '收到副本', dataIndex: 'receivedOn', width: 110, sortKey: 'receivedOn' },
      {
        key: 'replyDueOn',
        title: '答复（答辩）',
        dataIndex: 'replyFiledOn',
        width: 140,
        sortKey: 'replyDueOn',
        render: (v: string | null, c) =>
          v ? (
            <span>
              {v}
              {c.replyOnTime === false ? (
                <Tag color="red" style={{ marginLeft: 4 }}>
                  逾期
                </Tag>
              ) : null}
            </span>
          ) : (
            `期限 ${c.replyDueOn}`
          ),
      },
      {
        key: 'outcome',
        title: '结果',
        dataIndex: 'outcome',
        width: 150,
        render: (v: string | null, c) =>
          v ? (
            <span>
              {v}
              {c.lost ? (
                <Tag color="red" style={{ marginLeft: 4 }}>
                  败诉
                </Tag>
              ) : c.corrected ? (
                <Tag color="orange" style={{ marginLeft: 4 }}>
                  纠错
                </Tag>
              ) : null}
            </span>
          ) : (
            '—'
          ),
      },
      {
        key: 'outcomeOn',
        title: '决定（裁判）日期',
        dataIndex: 'outcomeOn',
        width: 130,
        sortKey: 'outcomeOn',
        defaultHidden: true,
        render: (v: string | null) => v ?? '—',
      },
      {
        key: 'closedOn',
        title: '结案日期',
        dataIndex: 'closedOn',
        width: 110,
        sortKey: 'closedOn',
        defaultHidden: true,
        render: (v: string | null) => v ?? '—',
      },
      {
        key: 'status',
        title: '状态',
        dataIndex: 'status',
        width: 130,
        filter: { param: 'status', options: Object.entries(STATUS_LABELS).map(([value, label]) => ({ label, value })) },
        render: (s: CaseStatus) => <Tag color={STATUS_COLORS[s]}>{STATUS_LABELS[s]}</Tag>,
      },
    ],
    [units.data],
  );
  return (
    <>
      <PageTitle
        title="行政复议、行政诉讼案件"
        description="本局作为被申请人、被告的案件：收到副本后行政复议10个工作日内答复、行政诉讼15日内答辩举证；负责人出庭应诉；被纠错的登记整改后结案。"
        extra={
          can('litigation.write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="new-case">
              收案登记
            </Button>
          ) : null
        }
      />
      <RecordList<LitCase>
        listKey="litigation.cases"
        query={query}
        endpoint={LIT_CASE_LIST}
        exportEndpoint={`${LIT_CASE_LIST}/export`}
        columns={columns}
        rowKey="id"
        unit="件"
        testId="cases-table"
        {...yearTextSearch({ yearLabel: '收案年度', placeholder: '案号、被诉行为、复议机关或法院' })}
      />
      {creating ? <NewCaseModal onClose={() => setCreating(false)} onCreated={(c) => navigate(`/litigation/cases/${c.id}`)} /> : null}
    </>
  );
}
