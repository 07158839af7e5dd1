import { Descriptions, Drawer, Skeleton, Table } from 'antd';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { formatValue } from '../../../lib/format';
import { formatMetric } from '../api';
import { useMetricDrill } from '../hooks/useMetrics';

/** 指标明细 — the figure, its definition and the records behind it (columns as the server sends them). */
export function MetricDrillDrawer({ metricKey, year, onClose }: { metricKey: string | null; year: number; onClose: () => void }) {
  const { data, error, loading } = useMetricDrill(metricKey, year);
  const route = data?.recordRoute;
  return (
    <Drawer open={metricKey !== null} onClose={onClose} size={760} title={data ? `${data.title} · ${year}年明细` : '指标明细'}>
      <ErrorAlert error={error} />
      {loading || !data ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions
            size="small"
            bordered
            column={1}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'value', label: '数值', children: formatMetric(data) },
              { key: 'total', label: '记录数', children: `${data.total} 条` },
              { key: 'def', label: '口径', children: data.definition },
            ]}
          />
          <Table<Record<string, unknown>>
            size="small"
            rowKey={(r, i) => String(r.id ?? i)}
            dataSource={data.rows}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={data.columns.map((c, i) => ({
              title: c.title,
              dataIndex: c.key,
              render: (v: unknown, r: Record<string, unknown>) =>
                i === 0 && route && r.id ? <Link to={route.replace(':id', String(r.id))}>{formatValue(v)}</Link> : formatValue(v),
            }))}
          />
        </>
      )}
    </Drawer>
  );
}
