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
import { STATUS_COLORS, STATUS_LABELS, type Decision, type DecisionStatus } from '../api';
import { NewDecisionModal } from './NewDecisionModal';

const mark = (on: string | null) => (on ? <Tag color="green">{on}</Tag> : <span style={{ color: '#999' }}>—</span>);

/** 重大行政决策 — the decisions by year with filters; a new decision is registered here. */
export function DecisionListPage() {
  const can = useCan();
  const navigate = useNavigate();
  const [year, setYear] = useState<number | undefined>();
  const [status, setStatus] = useState<string>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const res = useApi<{ items: Decision[]; total: number }>(`/api/decisions${qs({ year, status, q, page })}`);
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };
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
              placeholder="状态"
              style={{ width: 150 }}
              value={status}
              onChange={reset(setStatus)}
              options={Object.entries(STATUS_LABELS).map(([value, label]) => ({ value, label }))}
              data-testid="filter-status"
            />
            <Input.Search allowClear placeholder="决策事项、分管领导" onSearch={reset(setQ)} style={{ width: 240, maxWidth: '100%' }} />
          </Space>
        }
      >
        <ErrorAlert error={res.error} onRetry={res.reload} />
        <Table<Decision>
          rowKey="id"
          data-testid="decisions-table"
          loading={res.loading}
          scroll={{ x: 1100 }}
          dataSource={res.data?.items ?? []}
          onRow={(d) => ({ onClick: () => navigate(`/decisions/${d.id}`), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: 20, total: res.data?.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 项`, showSizeChanger: false }}
          columns={[
            { title: '年度', dataIndex: 'year', width: 70 },
            { title: '决策事项', dataIndex: 'title', ellipsis: true },
            { title: '承办单位', dataIndex: 'orgName', width: 130 },
            { title: '公众参与', dataIndex: 'participationOn', width: 110, render: mark },
            { title: '专家论证', dataIndex: 'expertOn', width: 110, render: mark },
            { title: '风险评估', dataIndex: 'riskOn', width: 110, render: mark },
            {
              title: '合法性审查',
              dataIndex: 'reviewResult',
              width: 110,
              render: (v: string | null) => (v ? <Tag color={v === '不同意' ? 'red' : 'green'}>{v}</Tag> : '—'),
            },
            { title: '决定日期', dataIndex: 'madeOn', width: 110, render: (v: string | null) => v ?? '—' },
            { title: '状态', dataIndex: 'status', width: 130, render: (s: DecisionStatus) => <Tag color={STATUS_COLORS[s]}>{STATUS_LABELS[s]}</Tag> },
          ]}
        />
      </Card>
      {creating ? <NewDecisionModal onClose={() => setCreating(false)} onCreated={(d) => navigate(`/decisions/${d.id}`)} /> : null}
    </>
  );
}
