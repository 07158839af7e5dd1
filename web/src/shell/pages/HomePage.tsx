import { Suspense } from 'react';
import { Card, Col, Row, Skeleton } from 'antd';
import { useCan } from '../../api/session';
import { HomeDashboard } from '../../features/dashboard';
import { WelcomePanel } from '../components/WelcomePanel';
import { DeadlinesPanel } from '../components/DeadlinesPanel';
import { ModuleLinks } from '../components/ModuleLinks';

/** 首页 — the leaders' dashboard for those who may see it; who I am, my open deadlines, where to go. */
export function HomePage() {
  const can = useCan();
  return (
    <Row gutter={[16, 16]}>
      {can('reports.dashboard') ? (
        <Col span={24}>
          <Suspense
            fallback={
              <Card>
                <Skeleton active paragraph={{ rows: 8 }} />
              </Card>
            }
          >
            <HomeDashboard />
          </Suspense>
        </Col>
      ) : null}
      {/* `home-aside`: left out when the dashboard is printed. */}
      <Col span={24} className="home-aside">
        <WelcomePanel />
      </Col>
      <Col xs={24} xl={15} className="home-aside">
        <DeadlinesPanel />
      </Col>
      <Col xs={24} xl={9} className="home-aside">
        <ModuleLinks />
      </Col>
    </Row>
  );
}
