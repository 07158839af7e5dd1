import { Button, Card, Col, Row } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { useApi } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { RecordHistory } from '../../../components/RecordHistory';
import type { Sample } from '../api';
import { SampleResult } from './SampleResult';

/** 监测记录 — the values, the judgement per parameter, the alert and the history. */
export function SamplePage() {
  const id = useParams().id!;
  const res = useApi<Sample>(`/api/water-samples/${id}`);
  const navigate = useNavigate();
  const s = res.data;
  if (res.error) return <ErrorAlert error={res.error} onRetry={res.reload} />;
  if (!s) return null;
  return (
    <>
      <PageTitle
        title={`水质监测 · ${s.river} ${s.sampledOn}`}
        extra={
          <>
            <Button onClick={() => navigate(`/rivers/${s.riverId}`)}>查看河涌</Button>
            <Button onClick={() => navigate('/rivers/samples')}>返回列表</Button>
          </>
        }
      />
      <Row gutter={16}>
        <Col span={15}>
          <Card>
            <SampleResult s={s} />
          </Card>
        </Col>
        <Col span={9}>
          <Card title="变更历史" style={{ marginBottom: 16 }}>
            <RecordHistory entity="rivers.sample" id={s.id} />
          </Card>
          {s.alert && (
            <Card title="预警记录">
              <RecordHistory entity="rivers.alert" id={s.alert.id} />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}
