import { useState } from 'react';
import { Button, Card, DatePicker, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { LatestYearHint, useDefaultToLatestYear, useLatestYear } from '../../../components/useLatestYear';
import { todayShanghai } from '../../../lib/format';
import { formatMetric, type Metric } from '../api';
import { useMetrics } from '../hooks/useMetrics';
import { MetricDrillDrawer } from './MetricDrillDrawer';

/** 统计指标 — every figure for a year, each clickable down to the records behind it. */
export function MetricsPage() {
  const [year, setYear] = useState(() => Number(todayShanghai().slice(0, 4)));
  const [chosen, setChosen] = useState(false);
  const latest = useLatestYear();
  useDefaultToLatestYear(latest, { untouched: !chosen, setYear });
  const [open, setOpen] = useState<string | null>(null);
  const metrics = useMetrics(year);

  return (
    <>
      <PageTitle
        title="统计指标"
        description="每个数字都按公开的口径由业务记录计算，点击数值可查看其背后的记录。"
        extra={
          <>
            <LatestYearHint latest={latest} year={year} />
            <DatePicker
              picker="year"
              allowClear={false}
              value={dayjs(`${year}-01-01`)}
              onChange={(d) => {
                if (!d) return;
                setChosen(true);
                setYear(d.year());
              }}
              format="YYYY年"
              data-testid="metrics-year"
            />
          </>
        }
      />
      <ErrorAlert error={metrics.error} onRetry={metrics.reload} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Metric>
          rowKey="key"
          loading={metrics.loading}
          dataSource={metrics.data ?? []}
          pagination={false}
          columns={[
            {
              title: '指标',
              dataIndex: 'title',
              width: 240,
              render: (t: string) => <Typography.Text strong>{t}</Typography.Text>,
            },
            {
              title: `${year}年数值`,
              key: 'value',
              width: 160,
              render: (_, m) => (
                <Button type="link" style={{ padding: 0, fontSize: 18, fontWeight: 600 }} onClick={() => setOpen(m.key)}>
                  {formatMetric(m)}
                </Button>
              ),
            },
            { title: '口径', dataIndex: 'definition' },
          ]}
        />
      </Card>
      <MetricDrillDrawer metricKey={open} year={year} onClose={() => setOpen(null)} />
    </>
  );
}
