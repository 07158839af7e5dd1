import { useState } from 'react';
import { Button, Card, Space, Table, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import type { Officer } from '../api';
import { useOfficers } from '../hooks/useEnforcement';
import { useCan } from '../../../api/session';
import { HistoryDrawer } from '../../../components/HistoryDrawer';
import { RenewCertModal } from './RenewCertModal';
import { LegalReviewersCard } from './LegalReviewersCard';

const CERT: Record<Officer['certStatus'], { label: string; color: string }> = {
  valid: { label: '有效', color: 'green' },
  expiring: { label: '30日内到期', color: 'orange' },
  expired: { label: '已过期', color: 'red' },
  none: { label: '无执法证', color: 'default' },
};

/** 执法人员 — certificates and their validity (expiring ones warned 30 days ahead); only valid holders can be assigned to cases. */
export function OfficersPage() {
  const list = useOfficers();
  const can = useCan();
  const [renewing, setRenewing] = useState<Officer | null>(null);
  const [history, setHistory] = useState<Officer | null>(null);
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
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Officer>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 30, showTotal: (n) => `共 ${n} 人` }}
          columns={[
            { title: '姓名', dataIndex: 'name', width: 120 },
            { title: '所属单位', dataIndex: 'orgName', width: 160 },
            { title: '执法证号', dataIndex: 'certNo', width: 160 },
            { title: '发证日期', dataIndex: 'certIssuedOn', width: 120 },
            { title: '有效期至', dataIndex: 'certValidUntil', width: 120 },
            {
              title: '证件状态',
              dataIndex: 'certStatus',
              width: 120,
              filters: Object.entries(CERT).map(([value, c]) => ({ value, text: c.label })),
              onFilter: (v, r) => r.certStatus === v,
              render: (s: Officer['certStatus']) => <Tag color={CERT[s].color}>{CERT[s].label}</Tag>,
            },
            {
              title: '资格考试成绩',
              dataIndex: 'examScore',
              width: 140,
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
              title: '操作',
              key: 'actions',
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
          ]}
        />
      </Card>
      {renewing && (
        <RenewCertModal
          officer={renewing}
          onClose={() => setRenewing(null)}
          onDone={() => {
            setRenewing(null);
            list.reload();
          }}
        />
      )}
      <LegalReviewersCard />
      <HistoryDrawer entity="enforcement.officer" id={history?.id ?? null} name={history?.name} onClose={() => setHistory(null)} />
    </>
  );
}
