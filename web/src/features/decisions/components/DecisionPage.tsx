import { App, Button, Card, Col, Descriptions, Flex, Grid, List, Row, Skeleton, Space, Tag, Typography, Upload } from 'antd';
import { ArrowLeftOutlined, CheckCircleTwoTone, MinusCircleOutlined, ClockCircleOutlined, UploadOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { download, qs, upload } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { RecordFindings } from '../../../components/RecordFindings';
import { RecordHistory } from '../../../components/RecordHistory';
import { useWorkflowEvent, WorkflowPanel } from '../../../components/WorkflowPanel';
import { formatValue } from '../../../lib/format';
import { STATUS_COLORS, STATUS_LABELS, type Decision, type DecisionAction, type DecisionStatus, type StepView } from '../api';
import { EventModal } from './EventModal';

interface Attachment {
  id: string;
  filename: string;
}

/** A step's files (会议纪要、审查意见书、评估报告…): attached to `decisions.step` `<decision id>:<step>`. */
function StepFiles({ decisionId, step, canWrite }: { decisionId: string; step: string; canWrite: boolean }) {
  const { message } = App.useApp();
  const entityId = `${decisionId}:${step}`;
  const files = useApi<Attachment[]>(`/api/attachments${qs({ entity: 'decisions.step', entityId })}`);
  return (
    <Flex gap={8} wrap align="center">
      {(files.data ?? []).map((a) => (
        <Button key={a.id} type="link" size="small" style={{ padding: 0 }} onClick={() => download(`/api/attachments/${a.id}/content`, a.filename)}>
          {a.filename}
        </Button>
      ))}
      {canWrite ? (
        <Upload
          showUploadList={false}
          customRequest={async ({ file, onSuccess, onError }) => {
            try {
              await upload('/api/attachments', file as File, { fields: { entity: 'decisions.step', entityId } });
              message.success('附件已上传');
              files.reload();
              onSuccess?.({});
            } catch (e) {
              message.error((e as Error).message);
              onError?.(e as Error);
            }
          }}
        >
          <Button size="small" icon={<UploadOutlined />} data-testid={`upload-${step}`}>
            上传附件
          </Button>
        </Upload>
      ) : null}
    </Flex>
  );
}

function StepIcon({ s }: { s: StepView }) {
  if (!s.required) return <MinusCircleOutlined style={{ color: '#999' }} />;
  if (s.done) return <CheckCircleTwoTone twoToneColor="#52c41a" />;
  return <ClockCircleOutlined style={{ color: '#faad14' }} />;
}

/** 重大行政决策 — one decision: its steps with their records and files, the clocks, the actions allowed now, its history. */
export function DecisionPage() {
  const id = useParams().id!;
  const navigate = useNavigate();
  const can = useCan();
  const res = useApi<Decision>(`/api/decisions/${id}`);
  const event = useWorkflowEvent<DecisionAction>(res.reload);
  const layout = Grid.useBreakpoint().sm === false ? 'vertical' : 'horizontal';
  const d = res.data;
  if (res.error) return <ErrorAlert error={res.error} onRetry={res.reload} />;
  if (!d) return <Skeleton active />;
  const v = (x: string | null | undefined) => x ?? '—';
  const writable = can('decisions.write') || can('decisions.review');
  return (
    <>
      <PageTitle
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/decisions')} aria-label="返回列表" />
            <span style={{ wordBreak: 'break-all' }}>{d.title}</span>
            <Tag color={STATUS_COLORS[d.status]} data-testid="decision-status">
              {STATUS_LABELS[d.status]}
            </Tag>
          </Space>
        }
        description={`${d.year}年 · ${v(d.orgName)}${d.leader ? ` · 分管领导 ${d.leader}` : ''}`}
      />
      <RecordFindings entity="decisions.decision" id={d.id} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={15}>
          <Card title="决策信息" style={{ marginBottom: 16 }}>
            <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered layout={layout}>
              <Descriptions.Item label="目录事项" span={2}>
                {d.catalogueTitle ? `${d.year}年目录第${d.catalogueSeq}项：${d.catalogueTitle}` : '目录外事项'}
              </Descriptions.Item>
              <Descriptions.Item label="承办单位">{v(d.orgName)}</Descriptions.Item>
              <Descriptions.Item label="承办人">{v(d.handler)}</Descriptions.Item>
              <Descriptions.Item label="决策内容摘要" span={2}>
                {v(d.summary)}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title="决策程序" style={{ marginBottom: 16 }} data-testid="decision-steps">
            <List
              dataSource={d.steps}
              renderItem={(s) => (
                <List.Item data-testid={`step-${s.key}`}>
                  <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
                    <Space wrap>
                      <StepIcon s={s} />
                      <Typography.Text strong>{s.label}</Typography.Text>
                      {!s.required ? <Tag>不适用</Tag> : s.done ? <Tag color="green">{s.on}</Tag> : <Tag color="orange">未完成</Tag>}
                    </Space>
                    {!s.required && s.naReason ? <Typography.Text type="secondary">理由：{s.naReason}</Typography.Text> : null}
                    {s.fields.map((f) => (
                      <Typography.Text key={f.label} style={{ wordBreak: 'break-word' }}>
                        <Typography.Text type="secondary">{f.label}：</Typography.Text>
                        {f.value}
                      </Typography.Text>
                    ))}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      依据：{s.source}
                    </Typography.Text>
                    {s.required ? <StepFiles decisionId={d.id} step={s.key} canWrite={can('decisions.write')} /> : null}
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
          <Card title="变更历史">
            <RecordHistory
              key={d.version}
              entity="decisions.decision"
              id={d.id}
              renderValue={(field, x) => {
                if (field === 'status' && typeof x === 'string') return STATUS_LABELS[x as DecisionStatus] ?? x;
                // The unit and the catalogue item by name, not their ids.
                if (field === 'org_id' && x === d.orgId) return d.orgName;
                if (field === 'catalogue_item_id' && x && x === d.catalogueItemId) return d.catalogueTitle;
                return formatValue(x);
              }}
            />
          </Card>
        </Col>
        <Col xs={24} lg={9}>
          <WorkflowPanel<DecisionAction>
            actions={writable ? d.actions : null}
            onAct={event.open}
            clocks={{ clocks: d.clocks, doneWord: '已完成', empty: '尚未公开征求意见或送请合法性审查' }}
            testId="decision"
          />
        </Col>
      </Row>
      {event.action ? <EventModal d={d} action={event.action} onClose={event.close} onDone={event.done} /> : null}
    </>
  );
}
