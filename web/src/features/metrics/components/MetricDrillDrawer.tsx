import { Descriptions, Drawer, Skeleton } from 'antd';
import { Link } from 'react-router-dom';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { drillPath, formatMetric } from '../api';
import { useMetricDrill } from '../hooks/useMetrics';
import { MetricDrillTable } from './MetricDrillTable';

/** 指标明细 — the figure, its definition and the records behind it (columns as the server sends them). */
export function MetricDrillDrawer({ metricKey, year, onClose }: { metricKey: string | null; year: number; onClose: () => void }) {
  const { data, error, loading } = useMetricDrill(metricKey, year);
  return (
    <Drawer
      open={metricKey !== null}
      onClose={onClose}
      size={760}
      title={data ? `${data.title} · ${year}年明细` : '指标明细'}
      extra={metricKey ? <Link to={drillPath(metricKey, year)}>在页面中打开</Link> : null}
    >
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
          <MetricDrillTable drill={data} />
        </>
      )}
    </Drawer>
  );
}
