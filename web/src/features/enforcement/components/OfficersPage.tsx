import { useState } from 'react';
import { Button, Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { PageTitle } from '../../../components/PageTitle';
import { OFFICER_LIST, type Officer } from '../api';
import { useOrgList } from '../hooks/useEnforcement';
import { useCan } from '../../../api/session';
import { HistoryDrawer } from '../../../components/HistoryDrawer';
import { RecordList, type RecordColumn } from '../../../components/RecordList';
import { useListQuery } from '../../../components/useListQuery';
import { textSearch } from '../../../components/yearTextSearch';
import { RenewCertModal } from './RenewCertModal';
import { LegalReviewersCard } from './LegalReviewersCard';

const CERT: Record<Officer['certStatus'], { label: string; color: string }> = {
  valid: { label: '有效', color: 'green' },
  expiring: { label: '30日内到期', color: 'orange' },
  expired: { label: '已过期', color: 'red' },
  none: { label: '无执法证', color: 'default' },
};

/**
 * 执法人员 — certificates and their validity (expiring ones warned 30 days ahead); only valid holders can be
 * assigned to cases. On the one list component: name or 执法证号 searched, unit, certificate state and
 * 在岗 as column filters, sort by name, 执法证号 and the certificate's dates (server-side), the query in
 * the URL, the export of the filtered officers under the officers ledger's headers. 换证 and 历史 on each
 * row; the legal reviewers' card below.
 */
export function OfficersPage() {
  const can = useCan();
  const query = useListQuery();
  const [reloadKey, setReloadKey] = useState(0);
  const orgs = useOrgList();
  const [renewing, setRenewing] = useState<Officer | null>(null);
  const [history, setHistory] = useState<Officer | null>(null);
  const columns: RecordColumn<Officer>[] = [
    { key: 'name', title: '姓名', dataIndex: 'name', width: 110, sortKey: 'name', fixedShown: true },
    {
      key: 'orgName',
      title: '所属单位',
      dataIndex: 'orgName',
      width: 160,
      ellipsis: true,
      filter: { param: 'orgId', options: (orgs.data ?? []).map((o) => ({ label: o.name, value: o.id })) },
    },
    { key: 'certNo', title: '执法证号', dataIndex: 'certNo', width: 150, sortKey: 'certNo', render: (v: string | null) => v ?? '—' },
    { key: 'certIssuedOn', title: '发证日期', dataIndex: 'certIssuedOn', width: 120, sortKey: 'certIssuedOn', render: (v: string | null) => v ?? '—' },
    { key: 'certValidUntil', title: '有效期至', dataIndex: 'certValidUntil', width: 120, sortKey: 'certValidUntil', render: (v: string | null) => v ?? '—' },
    {
      key: 'certStatus',
      title: '证件状态',
      dataIndex: 'certStatus',
      width: 120,
      filter: { param: 'cert', options: Object.entries(CERT).map(([value, c]) => ({ value, label: c.label })) },
      render: (s: Officer['certStatus']) => <Tag color={CERT[s].color}>{CERT[s].label}</Tag>,
    },
    {
      key: 'examScore',
      title: '资格考试成绩',
      dataIndex: 'examScore',
      width: 130,
      render: (v: number | null, r) =>
        v === null ? (
          '—'
        ) : (
          <>
            {v}
            {v < r.examPassLine ? (
              <Tag color="red" style={{ marginLeft: 8 }}>
                未通过
              </Tag>
            ) : null}
          </>
        ),
    },
    {
      key: 'active',
      title: '在岗',
      dataIndex: 'active',
      width: 90,
      defaultHidden: true,
      filter: {
        param: 'active',
        options: [
          { label: '在岗', value: 'true' },
          { label: '已停用', value: 'false' },
        ],
      },
      render: (a: boolean) => (a ? '在岗' : <Tag>已停用</Tag>),
    },
    {
      key: 'actions',
      title: '操作',
      width: 150,
      fixedShown: true,
      render: (_, r) => (
        <Space>
          {can('enforcement.catalogue.manage') && (
            <Button size="small" type={r.certStatus === 'valid' ? 'default' : 'primary'} onClick={() => setRenewing(r)}>
              换证
            </Button>
          )}
          <Button size="small" type="link" onClick={() => setHistory(r)}>
            历史
          </Button>
        </Space>
      ),
    },
  ];
  return (
    <>
      <PageTitle
        title="执法人员"
        description={
          <>
            执法证30日内到期的予以提醒；只有持有效执法证的人员可以承办案件（行政处罚法第四十二条）。批量维护请用<Link to="/ledgers">台账导入</Link>
            （执法人员）。
          </>
        }
      />
      <RecordList<Officer>
        listKey="enforcement.officers"
        query={query}
        endpoint={`${OFFICER_LIST}/list`}
        exportEndpoint={`${OFFICER_LIST}/export`}
        columns={columns}
        rowKey="id"
        unit="人"
        testId="officers-table"
        reloadKey={reloadKey}
        {...textSearch({ placeholder: '姓名或执法证号', width: 220 })}
      />
      {renewing && (
        <RenewCertModal
          officer={renewing}
          onClose={() => setRenewing(null)}
          onDone={() => {
            setRenewing(null);
            setReloadKey((k) => k + 1);
          }}
        />
      )}
      <LegalReviewersCard />
      <HistoryDrawer entity="enforcement.officer" id={history?.id ?? null} name={history?.name} onClose={() => setHistory(null)} />
    </>
  );
}
