import { Button, Card, Descriptions, Flex, Skeleton, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useApi } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { todayShanghai } from '../../../lib/format';
import { drillPath, formatMetric } from '../api';
import { useMetricDrill } from '../hooks/useMetrics';
import { MetricDrillTable } from './MetricDrillTable';

/** A positive integer from the query string, or undefined. */
function intParam(v: string | null): number | undefined {
  const n = v ? Number(v) : NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * 指标明细页 — `/metrics/drill/:key?year=&month=&orgId=`: a figure's title, definition,
 * value and the records behind it. The HTML report's figure links and the
 * leaders' dashboard charts open it.
 */
export function MetricDrillPage() {
  const { key = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  const year = intParam(params.get('year')) ?? Number(todayShanghai().slice(0, 4));
  const month = intParam(params.get('month'));
  const orgId = params.get('orgId') ?? undefined;
  const { data, error, loading, reload } = useMetricDrill(key, year, { month, orgId });
  const orgs = useApi<Array<{ id: string; name: string }>>(orgId ? '/api/orgs' : null);
  const orgName = orgId ? (orgs.data?.find((o) => o.id === orgId)?.name ?? '指定单位') : null;
  const period = `${year}年${month ? `${month}月` : '全年'}`;
  // Opened from inside the app: go back to where the user was; opened from a report file or a bookmark: go to the metric list.
  const canGoBack = location.key !== 'default';

  return (
    <>
      <Flex style={{ marginBottom: 8 }}>
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          style={{ paddingInline: 0 }}
          onClick={() => (canGoBack ? navigate(-1) : navigate('/metrics'))}
          data-testid="drill-back"
        >
          {canGoBack ? '返回' : '返回统计指标'}
        </Button>
      </Flex>
      <PageTitle
        title={data ? `${data.title}` : '指标明细'}
        description={
          <span data-testid="drill-scope">
            {period}
            {orgName ? ` · ${orgName}` : ''} 的明细记录 · 指标键 {key}
          </span>
        }
        extra={
          <>
            {month ? <Link to={drillPath(key, year, { orgId })}>查看{year}年全年</Link> : null}
            {orgId ? <Link to={drillPath(key, year, { month })}>查看全部单位</Link> : null}
          </>
        }
      />
      <ErrorAlert error={error} onRetry={reload} />
      <Card>
        {loading || !data ? (
          error ? null : (
            <Skeleton active />
          )
        ) : (
          <>
            <Descriptions
              size="small"
              bordered
              column={{ xs: 1, md: 3 }}
              style={{ marginBottom: 16 }}
              items={[
                {
                  key: 'value',
                  label: '数值',
                  children: (
                    <Typography.Text strong style={{ fontSize: 20 }} data-testid="drill-value">
                      {formatMetric(data)}
                    </Typography.Text>
                  ),
                },
                { key: 'total', label: '记录数', children: <span data-testid="drill-total">{data.total} 条</span> },
                {
                  key: 'scope',
                  label: '范围',
                  children: (
                    <Flex gap={4} wrap>
                      <Tag>{period}</Tag>
                      {orgName ? <Tag color="blue">{orgName}</Tag> : <Tag>本人数据范围内全部单位</Tag>}
                    </Flex>
                  ),
                },
                { key: 'def', label: '口径', span: { xs: 1, md: 3 }, children: data.definition },
              ]}
            />
            <MetricDrillTable drill={data} />
          </>
        )}
      </Card>
    </>
  );
}
