import { Button, Card, Col, Descriptions, Empty, Flex, Grid, List, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { RecordFindings } from '../../../components/RecordFindings';
import { RecordHistory } from '../../../components/RecordHistory';
import { useWorkflowEvent, WorkflowPanel } from '../../../components/WorkflowPanel';
import { formatValue } from '../../../lib/format';
import { entityLabel, entityLink } from '../../registry';
import { KIND_LABELS, STATUS_COLORS, STATUS_LABELS, type CaseAction, type CaseStatus, type LitCase } from '../api';
import { EventModal } from './EventModal';

/** 案件 — one case against the bureau: the clocks explained, hearings with 负责人出庭, the outcome and rectification, the actions allowed now, its history. */
export function CasePage() {
  const id = useParams().id!;
  const navigate = useNavigate();
  const can = useCan();
  const res = useApi<LitCase>(`/api/litigation/cases/${id}`);
  const event = useWorkflowEvent<CaseAction>(res.reload);
  // On a phone the labels go above their values (a narrow label column would break them char by char).
  const layout = Grid.useBreakpoint().sm === false ? 'vertical' : 'horizontal';
  const c = res.data;
  if (res.error) return <ErrorAlert error={res.error} onRetry={res.reload} />;
  if (!c) return <Skeleton active />;
  const d = (v: string | null | undefined) => v ?? '—';
  const review = c.kind === '复议';
  const link = c.actEntity && c.actRecordId ? entityLink(c.actEntity, c.actRecordId) : undefined;
  return (
    <>
      <PageTitle
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/litigation/cases')} aria-label="返回列表" />
            <span>{c.caseNo}</span>
            <Tag color={STATUS_COLORS[c.status]} data-testid="case-status">
              {STATUS_LABELS[c.status]}
            </Tag>
          </Space>
        }
        description={`${KIND_LABELS[c.kind]}${c.instance ? `（${c.instance}）` : ''} · ${c.claimantName} · ${c.body}`}
      />
      <RecordFindings entity="litigation.case" id={c.id} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title="案件信息" style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered layout={layout}>
              <Descriptions.Item label={review ? '申请人' : '原告'}>
                {c.claimantName}（{c.claimantType}）
              </Descriptions.Item>
              <Descriptions.Item label="身份证号码">{d(c.claimantIdNo)}</Descriptions.Item>
              <Descriptions.Item label={review ? '被申请行为' : '被诉行为'} span={2}>
                {c.actTitle}（{c.actKind}）
                {link ? (
                  <>
                    {' '}
                    <Link to={link}>查看{entityLabel(c.actEntity!)}</Link>
                  </>
                ) : null}
              </Descriptions.Item>
              <Descriptions.Item label={review ? '复议机关' : '审理法院'}>{c.body}</Descriptions.Item>
              <Descriptions.Item label="承办单位">{d(c.orgName)}</Descriptions.Item>
              <Descriptions.Item label="承办人">{d(c.handler)}</Descriptions.Item>
              <Descriptions.Item label="委托代理人">{d(c.agent)}</Descriptions.Item>
              <Descriptions.Item label="收到副本日期">{c.receivedOn}</Descriptions.Item>
              <Descriptions.Item label={review ? '答复日期' : '答辩日期'}>
                <span data-testid="case-reply">
                  {d(c.replyFiledOn)}
                  {c.replyOnTime === false ? (
                    <Tag color="red" style={{ marginLeft: 4 }}>
                      逾期
                    </Tag>
                  ) : null}
                </span>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title={review ? '听证及负责人参加情况' : '开庭及负责人出庭应诉情况'} style={{ marginBottom: 16 }} data-testid="case-hearings">
            {c.hearings.length ? (
              <List
                size="small"
                dataSource={c.hearings}
                renderItem={(h) => (
                  <List.Item>
                    <Flex vertical gap={2} style={{ width: '100%' }}>
                      <Space wrap>
                        <Typography.Text strong>{h.heldOn}</Typography.Text>
                        {h.instance ? <Tag>{h.instance}</Tag> : null}
                        {h.headAppeared ? (
                          <Tag color="green">负责人{review ? '参加' : '出庭'}</Tag>
                        ) : (
                          <Tag color="orange">负责人未{review ? '参加' : '出庭'}</Tag>
                        )}
                      </Space>
                      <Typography.Text>{h.headAppeared ? `${h.headName}（${h.headRole}）` : `理由：${h.absenceReason ?? '—'}`}</Typography.Text>
                      {h.note ? <Typography.Text type="secondary">{h.note}</Typography.Text> : null}
                    </Flex>
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={review ? '未组织听证（书面审理的无需登记）' : '尚未开庭'} />
            )}
          </Card>
          <Card title="审理结果与整改" style={{ marginBottom: 16 }} data-testid="case-outcome">
            <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered layout={layout}>
              {c.firstOutcome ? (
                <>
                  <Descriptions.Item label="一审结果">
                    {c.firstOutcome}（{d(c.firstOutcomeOn)}）
                  </Descriptions.Item>
                  <Descriptions.Item label="上诉">
                    {c.appealedOn}（{d(c.appellant)}）
                  </Descriptions.Item>
                </>
              ) : null}
              <Descriptions.Item label={c.firstOutcome ? '二审（生效）结果' : review ? '复议决定' : '裁判结果'} span={2}>
                {c.outcome ? (
                  <Space wrap>
                    <span>{c.outcomeLabel ?? c.outcome}</span>
                    {c.lost ? <Tag color="red">败诉</Tag> : c.corrected ? <Tag color="orange">纠错</Tag> : <Tag color="green">未被纠错</Tag>}
                    {c.outcomeActChanged ? <Tag>本局已改变原行为</Tag> : null}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.outcomeSource}
                    </Typography.Text>
                  </Space>
                ) : (
                  '尚未审结'
                )}
              </Descriptions.Item>
              <Descriptions.Item label="作出日期">{d(c.outcomeOn)}</Descriptions.Item>
              <Descriptions.Item label="送达日期">{d(c.outcomeServedOn)}</Descriptions.Item>
              {c.outcomeNote ? (
                <Descriptions.Item label="结果说明" span={2}>
                  {c.outcomeNote}
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label="整改落实" span={2}>
                <span data-testid="case-rectification">
                  {c.rectification ? `${c.rectifiedOn}：${c.rectification}` : c.corrected ? '被纠错，尚未登记整改' : '—'}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label="结案日期">{d(c.closedOn)}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title="变更历史">
            <RecordHistory
              key={c.version}
              entity="litigation.case"
              id={c.id}
              renderValue={(field, v) => {
                if (field === 'status' && typeof v === 'string') return STATUS_LABELS[v as CaseStatus] ?? v;
                // The unit by name, not its id.
                if (field === 'org_id' && v === c.orgId) return c.orgName;
                return formatValue(v);
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <WorkflowPanel<CaseAction> actions={can('litigation.write') ? c.actions : null} onAct={event.open} clocks={{ clocks: c.clocks }} testId="case" />
        </Col>
      </Row>
      {event.action ? <EventModal c={c} action={event.action} onClose={event.close} onDone={event.done} /> : null}
    </>
  );
}
