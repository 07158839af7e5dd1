import { Col, Row } from 'antd';
import { WelcomePanel } from '../components/WelcomePanel';
import { DeadlinesPanel } from '../components/DeadlinesPanel';
import { ModuleLinks } from '../components/ModuleLinks';

/** 首页 — who I am, my open deadlines, where to go. */
export function HomePage() {
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <WelcomePanel />
      </Col>
      <Col xs={24} xl={15}>
        <DeadlinesPanel />
      </Col>
      <Col xs={24} xl={9}>
        <ModuleLinks />
      </Col>
    </Row>
  );
}
