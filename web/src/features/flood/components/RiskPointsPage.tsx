import { useMemo, useState } from 'react';
import { Button, Card, Form, Input, Tabs, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { download, qs } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { RecordList, type RecordColumn } from '../../../components/RecordList';
import { useListQuery } from '../../../components/useListQuery';
import { RISK_LEVELS, RISK_POINT_LIST, RISK_STATUSES, STATUS_TAG, type RiskPoint } from '../api';
import { useStreets } from './common';
import { RiskMap } from './RiskMap';
import { RiskPointFormModal } from './RiskPointFormModal';

const LEDGERS = [
  ['flood-risk-points', '风险点台账'],
  ['flood-risk-persons', '责任人台账'],
  ['flood-risk-progress', '整治进度台账'],
] as const;

/**
 * 水浸风险点 — the register (the three ledgers), the list on the one list component (street, status and
 * level as column filters, sort by number and dates, the query in the URL, the export of exactly the
 * filtered points under the ledger's headers) and the map of the same filtered points.
 */
export function RiskPointsPage() {
  const [creating, setCreating] = useState(false);
  const query = useListQuery();
  const { orgId, status, level, q } = query.values;
  // The map and the counts show every filtered point (not a page): the list's filters, unpaged.
  const all = useApi<RiskPoint[]>(`${RISK_POINT_LIST}${qs({ orgId, status, level, q })}`);
  const streets = useStreets();
  const can = useCan();
  const navigate = useNavigate();
  const rows = all.data ?? [];
  const columns = useMemo<RecordColumn<RiskPoint>[]>(
    () => [
      {
        key: 'code',
        title: '编号',
        dataIndex: 'code',
        width: 110,
        sortKey: 'code',
        fixedShown: true,
        render: (v: string, r) => <Link to={`/flood/risk-points/${r.id}`}>{v}</Link>,
      },
      { key: 'name', title: '名称', dataIndex: 'name', width: 260 },
      { key: 'street', title: '所在街道', dataIndex: 'street', width: 110, filter: { param: 'orgId', options: streets } },
      {
        key: 'riskLevel',
        title: '风险等级',
        dataIndex: 'riskLevel',
        width: 100,
        render: (v) => v ?? '—',
        filter: { param: 'level', options: RISK_LEVELS.map((s) => ({ label: s, value: s })) },
      },
      { key: 'registeredOn', title: '纳入台账', dataIndex: 'registeredOn', width: 120, sortKey: 'registeredOn' },
      {
        key: 'status',
        title: '整治状态',
        dataIndex: 'status',
        width: 110,
        render: (s: RiskPoint['status']) => <Tag color={STATUS_TAG[s]}>{s}</Tag>,
        filter: { param: 'status', options: RISK_STATUSES.map((s) => ({ label: s, value: s })) },
      },
      { key: 'completedOn', title: '完成日期', dataIndex: 'completedOn', width: 120, sortKey: 'completedOn', render: (v) => v ?? '—' },
      {
        key: 'persons',
        title: '行政/技术/巡查责任人',
        width: 200,
        render: (_, r) => [r.adminPerson, r.techPerson, r.patrolPerson].map((x) => x ?? '—').join(' / '),
      },
    ],
    [streets],
  );
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
      <Tabs
        items={[
          {
            key: 'list',
            label: '列表',
            children: (
              <RecordList<RiskPoint>
                listKey="flood.risk-points"
                query={query}
                endpoint={`${RISK_POINT_LIST}/list`}
                exportEndpoint={`${RISK_POINT_LIST}/export`}
                columns={columns}
                rowKey="id"
                unit="处"
                testId="risk-points-table"
                toolbar={
                  <span>
                    已完成 {rows.filter((r) => r.status === '已完成').length}，整治中 {rows.filter((r) => r.status === '整治中').length}，未整治{' '}
                    {rows.filter((r) => r.status === '未整治').length}
                  </span>
                }
                searchFields={
                  <Form.Item name="q" label="查找">
                    <Input allowClear placeholder="编号或名称" style={{ width: 220 }} />
                  </Form.Item>
                }
                fromForm={(v) => ({ q: (v.q as string | undefined)?.trim() || undefined })}
              />
            ),
          },
          {
            key: 'map',
            label: '分布图',
            children: (
              <Card>
                <ErrorAlert error={all.error} onRetry={all.reload} />
                <RiskMap points={rows} onOpen={(id) => navigate(`/flood/risk-points/${id}`)} />
              </Card>
            ),
          },
        ]}
      />
      {creating && <RiskPointFormModal point={null} onClose={() => setCreating(false)} onSaved={(p) => navigate(`/flood/risk-points/${p.id}`)} />}
    </>
  );
}
