import { useState } from 'react';
import { Button, Card, Input, Select, Space, Table, Tabs, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { download, qs } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { RISK_STATUSES, STATUS_TAG, type RiskPoint } from '../api';
import { useStreets } from './common';
import { RiskMap } from './RiskMap';
import { RiskPointFormModal } from './RiskPointFormModal';

const LEDGERS = [
  ['flood-risk-points', '风险点台账'],
  ['flood-risk-persons', '责任人台账'],
  ['flood-risk-progress', '整治进度台账'],
] as const;

/** 水浸风险点 — the register (the three ledgers), filters, and the map by status and street. */
export function RiskPointsPage() {
  const [orgId, setOrgId] = useState<string>();
  const [status, setStatus] = useState<string>();
  const [level, setLevel] = useState<string>();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const res = useApi<RiskPoint[]>(`/api/flood/risk-points${qs({ orgId, status, level, q })}`);
  const streets = useStreets();
  const can = useCan();
  const navigate = useNavigate();
  const rows = res.data ?? [];
  return (
    <>
      <PageTitle
        title="水浸风险点"
        description="内涝风险点“三本台账”：风险点、责任人、整治进度；状态按整治进度填报推进。"
        extra={
          <>
            {LEDGERS.map(([key, label]) => (
              <Button key={key} icon={<DownloadOutlined />} onClick={() => download(`/api/ledgers/${key}/export?format=xlsx`, `${label}.xlsx`)}>
                {label}
              </Button>
            ))}
            {can('flood.write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                登记风险点
              </Button>
            )}
          </>
        }
      />
      <Card
        styles={{ body: { paddingTop: 0 } }}
        title={
          <Space wrap>
            <Select allowClear placeholder="所在街道" style={{ width: 140 }} options={streets} value={orgId} onChange={setOrgId} />
            <Select
              allowClear
              placeholder="整治状态"
              style={{ width: 120 }}
              options={RISK_STATUSES.map((s) => ({ value: s, label: s }))}
              value={status}
              onChange={setStatus}
              data-testid="risk-status-filter"
            />
            <Select
              allowClear
              placeholder="风险等级"
              style={{ width: 110 }}
              options={['高', '中', '低'].map((s) => ({ value: s, label: s }))}
              value={level}
              onChange={setLevel}
            />
            <Input.Search allowClear placeholder="编号或名称" onSearch={setQ} style={{ width: 200 }} />
            <span>
              共 {rows.length} 处（已完成 {rows.filter((r) => r.status === '已完成').length}，整治中 {rows.filter((r) => r.status === '整治中').length}，未整治{' '}
              {rows.filter((r) => r.status === '未整治').length}）
            </span>
          </Space>
        }
      >
        <ErrorAlert error={res.error} onRetry={res.reload} />
        <Tabs
          items={[
            {
              key: 'list',
              label: '列表',
              children: (
                <Table<RiskPoint>
                  rowKey="id"
                  size="middle"
                  loading={res.loading}
                  dataSource={rows}
                  pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 处` }}
                  onRow={(r) => ({ onClick: () => navigate(`/flood/risk-points/${r.id}`), style: { cursor: 'pointer' } })}
                  columns={[
                    { title: '编号', dataIndex: 'code', width: 110 },
                    { title: '名称', dataIndex: 'name' },
                    { title: '所在街道', dataIndex: 'street', width: 110 },
                    { title: '风险等级', dataIndex: 'riskLevel', width: 90, render: (v) => v ?? '—' },
                    { title: '纳入台账', dataIndex: 'registeredOn', width: 110 },
                    { title: '整治状态', dataIndex: 'status', width: 100, render: (s: RiskPoint['status']) => <Tag color={STATUS_TAG[s]}>{s}</Tag> },
                    { title: '完成日期', dataIndex: 'completedOn', width: 110, render: (v) => v ?? '—' },
                    {
                      title: '行政/技术/巡查责任人',
                      key: 'persons',
                      width: 200,
                      render: (_, r) => [r.adminPerson, r.techPerson, r.patrolPerson].map((x) => x ?? '—').join(' / '),
                    },
                  ]}
                />
              ),
            },
            { key: 'map', label: '分布图', children: <RiskMap points={rows} onOpen={(id) => navigate(`/flood/risk-points/${id}`)} /> },
          ]}
        />
      </Card>
      {creating && <RiskPointFormModal point={null} onClose={() => setCreating(false)} onSaved={(p) => navigate(`/flood/risk-points/${p.id}`)} />}
    </>
  );
}
