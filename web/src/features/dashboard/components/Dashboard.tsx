import { LatestYearHint, useDefaultToLatestYear, useLatestYear } from '../../../components/useLatestYear';
import { useMemo, useState } from 'react';
import { Button, Card, Col, Flex, Row, Select, Skeleton, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useMe } from '../../../api/session';
import { useApi } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { todayShanghai } from '../../../lib/format';
import type { DeadlineFilter } from '../api';
import { useDashboard, useYearParam } from '../hooks/useDashboard';
import { DeadlineListDrawer } from './DeadlineListDrawer';
import { DeadlinesChart } from './DeadlinesChart';
import { DeadlineTable } from './DeadlineTable';
import { KeyFigures } from './KeyFigures';
import { StreetsChart } from './StreetsChart';
import { TrendChart } from './TrendChart';
import '../print.css';

const FIRST_YEAR = 2018;

/** Prints the dashboard alone on A4 landscape (see print.css): the charts are laid out at the page's width first. */
function printDashboard() {
  document.body.classList.add('dashboard-printing');
  window.dispatchEvent(new Event('resize'));
  const done = () => {
    document.body.classList.remove('dashboard-printing');
    window.removeEventListener('afterprint', done);
    window.dispatchEvent(new Event('resize'));
  };
  window.addEventListener('afterprint', done);
  // Give the charts a moment to redraw at the print width.
  setTimeout(() => window.print(), 300);
}

/**
 * 领导驾驶舱 — the year's key figures from every module, monthly trends, open
 * deadlines across modules and the streets compared, each chart clickable down to
 * its records; printable on A4 landscape. Shown on its own page and on leaders' home page.
 */
export function Dashboard() {
  const me = useMe();
  const [year, setYear, chosen] = useYearParam();
  const latest = useLatestYear();
  useDefaultToLatestYear(latest, { untouched: !chosen, setYear });
  const { data, error, loading, reload } = useDashboard(year);
  const [deadlines, setDeadlines] = useState<DeadlineFilter | null>(null);
  const modules = useMemo(
    () => new Map([...me.modules.map((m) => [m.key, m.title] as const), ...(data?.deadlines.byModule ?? []).map((m) => [m.module, m.title] as const)]),
    [me.modules, data],
  );
  const orgList = useApi<Array<{ id: string; name: string }>>('/api/orgs');
  const orgs = useMemo(
    () => new Map([...(data?.streets.rows ?? []).map((r) => [r.orgId, r.name] as const), ...(orgList.data ?? []).map((o) => [o.id, o.name] as const)]),
    [data, orgList.data],
  );
  const years = useMemo(() => {
    const last = Number(todayShanghai().slice(0, 4));
    return Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => last - i);
  }, []);
  const fresh = data && data.year === year;

  return (
    <div className="dashboard" data-testid="dashboard">
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            领导驾驶舱 · {year}年
          </Typography.Title>
          <Typography.Text type="secondary">
            {me.tenant?.name}
            {me.scope.all ? '' : `（${me.org?.name ?? '本单位'}数据）`} · 数字由业务记录生成，点击图表查看明细 · 截至 {todayShanghai()}
          </Typography.Text>
        </div>
        <Flex gap={8} align="center" className="no-print">
          <LatestYearHint latest={latest} year={year} />
          <Select<number>
            value={year}
            onChange={setYear}
            style={{ width: 110 }}
            options={years.map((y) => ({ value: y, label: `${y}年` }))}
            aria-label="统计年度"
            data-testid="dashboard-year"
          />
          <Button icon={<PrinterOutlined />} onClick={printDashboard} disabled={!fresh}>
            打印
          </Button>
        </Flex>
      </Flex>
      <ErrorAlert error={error} onRetry={reload} />
      {!fresh ? (
        error ? null : (
          <Card>
            <Skeleton active paragraph={{ rows: 10 }} />
          </Card>
        )
      ) : (
        <Row gutter={[12, 12]} style={{ opacity: loading ? 0.6 : 1 }}>
          <Col span={24}>
            <KeyFigures figures={data.figures} year={year} />
          </Col>
          <Col xs={24} lg={14} className="dashboard-wide">
            <Card size="small" title="月度趋势" extra={<span className="no-print">点击数据点查看当月明细</span>} className="dashboard-card">
              <TrendChart trends={data.trends} year={year} />
            </Card>
          </Col>
          <Col xs={24} lg={10} className="dashboard-narrow">
            <Card size="small" title="未完成期限（各业务）" extra={<span className="no-print">点击柱段查看期限清单</span>} className="dashboard-card">
              <DeadlinesChart byModule={data.deadlines.byModule} onOpen={setDeadlines} />
            </Card>
          </Col>
          <Col xs={24} lg={14} className="dashboard-wide">
            <Card size="small" title="街道对比" extra={<span className="no-print">点击柱子查看该街道明细</span>} className="dashboard-card">
              <StreetsChart streets={data.streets} year={year} onOpenDeadlines={setDeadlines} />
            </Card>
          </Col>
          <Col xs={24} lg={10} className="dashboard-narrow">
            <Card size="small" title={`已逾期与即将到期（${data.deadlines.urgent.length}）`} className="dashboard-card">
              <DeadlineTable rows={data.deadlines.urgent} modules={modules} orgs={orgs} pageSize={8} compact />
            </Card>
          </Col>
        </Row>
      )}
      <DeadlineListDrawer filter={deadlines} modules={modules} orgs={orgs} onClose={() => setDeadlines(null)} />
    </div>
  );
}
