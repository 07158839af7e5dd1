import { Card, Col, Empty, Row, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { drillPath } from '../../metrics/api';
import { figureText, type DashboardFigure } from '../api';

/** The direction a change phrase states. */
function direction(change: string | null): 'up' | 'down' | 'flat' | null {
  if (!change) return null;
  if (/增长|提高/.test(change)) return 'up';
  if (/下降|减少/.test(change)) return 'down';
  return 'flat';
}

/** 关键指标 — the year's key figures from every module, each with last year's value and the change; a card opens the records. */
export function KeyFigures({ figures, year }: { figures: DashboardFigure[]; year: number }) {
  const navigate = useNavigate();
  if (!figures.length) return <Empty description="暂无可显示的关键指标" />;
  return (
    <Row gutter={[12, 12]} className="dashboard-figures">
      {figures.map((f) => {
        const now = figureText(f.value, f.unit);
        const prev = figureText(f.previous, f.unit);
        const dir = direction(f.change);
        return (
          <Col key={f.key} xs={12} md={8} lg={6} xl={4}>
            <Card
              size="small"
              hoverable
              className="dashboard-card"
              onClick={() => navigate(drillPath(f.key, year))}
              data-testid="key-figure"
              data-metric={f.key}
              styles={{ body: { padding: '10px 14px' } }}
            >
              <Tooltip title={`${f.title}：点击查看${year}年明细记录`}>
                <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 13 }}>
                  {f.title}
                </Typography.Text>
              </Tooltip>
              <div style={{ margin: '2px 0' }}>
                <span style={{ fontSize: 26, fontWeight: 600, color: '#1f4e8c', fontVariantNumeric: 'tabular-nums' }} data-testid="key-figure-value">
                  {now.value}
                </span>
                {now.suffix ? <span style={{ marginInlineStart: 4, color: '#595959' }}>{now.suffix}</span> : null}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                上年 {prev.value}
                {prev.value !== '—' ? prev.suffix : ''}
                {' · '}
                {dir === 'up' ? (
                  <ArrowUpOutlined style={{ color: '#1f4e8c' }} />
                ) : dir === 'down' ? (
                  <ArrowDownOutlined style={{ color: '#d46b08' }} />
                ) : dir === 'flat' ? (
                  <MinusOutlined />
                ) : null}{' '}
                {f.change ?? '无可比数据'}
              </Typography.Text>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
