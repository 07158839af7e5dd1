import { useState } from 'react';
import { Button, Card, DatePicker, Input, Segmented, Select, Space, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import dayjs from 'dayjs';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { DeadlineStatusTag } from '../../../components/DeadlineStatusTag';
import { STAGE_COLORS, type CaseSummary, type Stage } from '../api';
import { useCaseList, useMeta, useOrgList } from '../hooks/useEnforcement';
import { NewCaseModal } from './NewCaseModal';
import { formatYuan } from '../../../lib/format';

/** 案件列表 — every case in the user's scope, with filters and the worst open deadline of each. */
export function CaseListPage() {
  const can = useCan();
  const [year, setYear] = useState<number | undefined>(undefined);
  const [stage, setStage] = useState<string>();
  const [side, setSide] = useState<'' | 'bureau' | 'streets'>('');
  const [params] = useSearchParams();
  const [orgId, setOrgId] = useState<string | undefined>(params.get('orgId') ?? undefined);
  const [deadline, setDeadline] = useState<string>();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const meta = useMeta();
  const orgs = useOrgList();
  const list = useCaseList({ year, stage, side: side || undefined, orgId, deadline, q: q || undefined });
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
      <Card
        styles={{ body: { padding: 0 } }}
        title={
          <Space wrap>
            <DatePicker
              picker="year"
              placeholder="立案年度"
              value={year ? dayjs(`${year}-01-01`) : null}
              onChange={(d) => setYear(d ? d.year() : undefined)}
              format="YYYY年"
            />
            <Segmented
              value={side}
              onChange={(v) => setSide(v as typeof side)}
              options={[
                { label: '全部', value: '' },
                { label: '本局', value: 'bureau' },
                { label: '街道', value: 'streets' },
              ]}
            />
            <Select
              allowClear
              placeholder="办案单位"
              style={{ width: 160 }}
              value={orgId}
              onChange={setOrgId}
              showSearch={{ optionFilterProp: 'label' }}
              options={(orgs.data ?? []).filter((o) => o.kind !== 'bureau').map((o) => ({ value: o.id, label: o.name }))}
            />
            <Select
              allowClear
              placeholder="阶段"
              style={{ width: 160 }}
              value={stage}
              onChange={setStage}
              options={Object.entries(meta.data?.stages ?? {}).map(([value, label]) => ({ value, label }))}
            />
            <Select
              allowClear
              placeholder="期限"
              style={{ width: 120 }}
              value={deadline}
              onChange={setDeadline}
              options={[
                { value: 'overdue', label: '已逾期' },
                { value: 'due_soon', label: '即将到期' },
              ]}
            />
            <Input.Search placeholder="案件编号、案由、当事人" allowClear onSearch={setQ} style={{ width: 240 }} />
          </Space>
        }
      >
        <ErrorAlert error={list.error} onRetry={list.reload} />
        <Table<CaseSummary>
          rowKey="id"
          data-testid="cases-table"
          size="middle"
          loading={list.loading}
          dataSource={list.data ?? []}
          scroll={{ x: 1400 }}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 件` }}
          columns={[
            { title: '案件编号', dataIndex: 'caseNo', width: 210, render: (v: string, r) => <Link to={`/enforcement/cases/${r.id}`}>{v}</Link> },
            { title: '办案单位', dataIndex: 'orgName', width: 120 },
            { title: '案由', dataIndex: 'cause', width: 260, ellipsis: true },
            { title: '当事人', dataIndex: 'partyName', width: 200, ellipsis: true },
            { title: '立案日期', dataIndex: 'filedOn', width: 110 },
            {
              title: '阶段',
              dataIndex: 'stage',
              width: 150,
              render: (s: Stage, r) => (
                <Space size={4}>
                  <Tag color={STAGE_COLORS[s]}>{r.stageLabel}</Tag>
                  {r.procedure === 'summary' ? <Tag>简易</Tag> : null}
                  {r.major ? <Tag color="red">重大</Tag> : null}
                </Space>
              ),
            },
            {
              title: '处罚',
              key: 'penalty',
              width: 150,
              render: (_, r) =>
                r.penaltyKinds.length
                  ? `${r.penaltyKinds.join('、')}${r.fineYuan + r.confiscationYuan ? ` ${formatYuan(r.fineYuan + r.confiscationYuan)}` : ''}`
                  : '—',
            },
            {
              title: '期限',
              key: 'deadline',
              width: 230,
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
          ]}
        />
      </Card>
      {creating ? <NewCaseModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
