import { useState } from 'react';
import { Button, Card, DatePicker, Input, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { qs } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { ACT_KINDS, CASE_KINDS, KIND_LABELS, STATUS_COLORS, STATUS_LABELS, type CaseStatus, type LitCase } from '../api';
import { NewCaseModal } from './NewCaseModal';

/** 行政复议、行政诉讼案件 — the cases against the bureau by received date, with filters; a new case is registered here. */
export function CaseListPage() {
  const can = useCan();
  const navigate = useNavigate();
  const [year, setYear] = useState<number | undefined>();
  const [kind, setKind] = useState<string>();
  const [actKind, setActKind] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const res = useApi<{ items: LitCase[]; total: number }>(`/api/litigation/cases${qs({ year, kind, actKind, status, q, page })}`);
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
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
      <Card
        styles={{ body: { padding: 0 } }}
        title={
          <Space wrap style={{ padding: '8px 0' }}>
            <DatePicker
              picker="year"
              placeholder="全部年度"
              value={year ? dayjs(`${year}-01-01`) : null}
              onChange={(d) => reset(setYear)(d ? d.year() : undefined)}
              format="YYYY年"
              data-testid="filter-year"
            />
            <Select
              allowClear
              placeholder="案件类别"
              style={{ width: 120 }}
              value={kind}
              onChange={reset(setKind)}
              options={CASE_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
              data-testid="filter-kind"
            />
            <Select
              allowClear
              placeholder="行为类别"
              style={{ width: 160 }}
              value={actKind}
              onChange={reset(setActKind)}
              options={ACT_KINDS.map((k) => ({ value: k, label: k }))}
            />
            <Select
              allowClear
              placeholder="状态"
              style={{ width: 140 }}
              value={status}
              onChange={reset(setStatus)}
              options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
              data-testid="filter-status"
            />
            <Input.Search allowClear placeholder="案号、被诉行为、复议机关或法院" onSearch={reset(setQ)} style={{ width: 260, maxWidth: '100%' }} />
          </Space>
        }
      >
        <ErrorAlert error={res.error} onRetry={res.reload} />
        <Table<LitCase>
          rowKey="id"
          data-testid="cases-table"
          loading={res.loading}
          scroll={{ x: 1000 }}
          dataSource={res.data?.items ?? []}
          onRow={(c) => ({ onClick: () => navigate(`/litigation/cases/${c.id}`), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: 20, total: res.data?.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 件`, showSizeChanger: false }}
          columns={[
            { title: '案号', dataIndex: 'caseNo', width: 190, fixed: 'left' },
            {
              title: '类别',
              dataIndex: 'kind',
              width: 110,
              render: (k: LitCase['kind'], c) => `${KIND_LABELS[k]}${c.instance ? `（${c.instance}）` : ''}`,
            },
            { title: '申请人（原告）', dataIndex: 'claimantName', width: 180 },
            { title: '被申请（被诉）行为', dataIndex: 'actTitle', ellipsis: true },
            { title: '收到副本', dataIndex: 'receivedOn', width: 110 },
            {
              title: '答复（答辩）',
              dataIndex: 'replyFiledOn',
              width: 130,
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
            { title: '状态', dataIndex: 'status', width: 130, render: (s: CaseStatus) => <Tag color={STATUS_COLORS[s]}>{STATUS_LABELS[s]}</Tag> },
          ]}
        />
      </Card>
      {creating ? <NewCaseModal onClose={() => setCreating(false)} onCreated={(c) => navigate(`/litigation/cases/${c.id}`)} /> : null}
    </>
  );
}
