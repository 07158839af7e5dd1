import { Col, Row, Statistic } from 'antd';

/** 新增 / 更新 / 未变 counts of an import or its preview. */
export function ImportCounts({ created, updated, unchanged }: { created: number; updated: number; unchanged: number }) {
  return (
    <Row gutter={16} data-testid="import-counts">
      <Col span={8}>
        <Statistic title="新增" value={created} styles={{ content: { color: '#389e0d' } }} />
      </Col>
      <Col span={8}>
        <Statistic title="更新" value={updated} styles={{ content: { color: '#1f4e8c' } }} />
      </Col>
      <Col span={8}>
        <Statistic title="未变" value={unchanged} />
      </Col>
    </Row>
  );
}
