import { Card, Col, Row, Statistic, Table } from 'antd';
import { useApi } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import type { DemandItem } from '../api';
import { DemandTable } from './DemandTable';

interface Overview {
  today: string;
  byKind: Array<{ kind: string; label: string; open: number; overdue: number; dueSoon: number; paused: number }>;
  byUnit: Array<{ orgId: string; orgName: string; open: number; overdue: number; dueSoon: number }>;
  overdue: DemandItem[];
  dueSoon: DemandItem[];
}

/** 督办总览 — the leader's view of overdue and due-soon demands across the four kinds and per unit. */
export function OverviewPage() {
  const res = useApi<Overview>('/api/demands/overview');
  const d = res.data;
  return (
    <>
      <PageTitle title="诉求督办总览" description={`截至 ${d?.today ?? ''}：逾期未办和即将到期的事项（即将到期为3个工作日内）。`} />
      <ErrorAlert error={res.error} onRetry={res.reload} />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {(d?.byKind ?? []).map((k) => (
          <Col key={k.kind} xs={12} lg={6}>
            <Card data-testid={`overview-${k.kind}`}>
              <Statistic title={`${k.label} · 逾期`} value={k.overdue} valueStyle={{ color: k.overdue ? '#cf1322' : undefined }} suffix={`/ 在办 ${k.open}`} />
              <div>
                即将到期 {k.dueSoon}
                {k.paused ? `，中止计时 ${k.paused}` : ''}
              </div>
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={8}>
          <Card title="按承办单位" styles={{ body: { padding: 0 } }}>
            <Table
              rowKey="orgId"
              size="small"
              loading={res.loading}
              dataSource={d?.byUnit ?? []}
              pagination={false}
              columns={[
                { title: '承办单位', dataIndex: 'orgName' },
                { title: '逾期', dataIndex: 'overdue', width: 70 },
                { title: '即将到期', dataIndex: 'dueSoon', width: 90 },
                { title: '在办', dataIndex: 'open', width: 70 },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xxl={16}>
          <Card title="逾期未办事项" styles={{ body: { padding: 0 } }} style={{ marginBottom: 16 }}>
            <DemandTable items={d?.overdue ?? []} loading={res.loading} showKind />
          </Card>
          <Card title="即将到期事项" styles={{ body: { padding: 0 } }}>
            <DemandTable items={d?.dueSoon ?? []} loading={res.loading} showKind />
          </Card>
        </Col>
      </Row>
    </>
  );
}
