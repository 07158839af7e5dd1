import { useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, Flex, Row, Skeleton, Space, Steps, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { RecordHistory } from '../../../components/RecordHistory';
import { formatValue } from '../../../lib/format';
import { WorkflowActions } from '../../../components/WorkflowActions';
import { STATUS_COLORS, STATUS_LABELS, type Permit, type PermitAction, type PermitStatus, type Rule } from '../api';
import { StepModal } from './StepModal';

const STEP_ORDER = ['收件', '受理', '决定', '发证', '公示'];
function currentStep(p: Permit): number {
  if (p.status === 'published') return 5;
  if (p.status === 'certified' || (p.status === 'decided' && p.publishedOn)) return 4;
  if (p.status === 'decided') return 3;
  if (p.status === 'accepted') return 2;
  return 1;
}

/** 办件 — one permit case: its dates, the statutory deadlines the server computed, the actions allowed now, and its history. */
export function PermitPage() {
  const id = useParams().id!;
  const navigate = useNavigate();
  const can = useCan();
  const res = useApi<Permit>(`/api/licensing/permits/${id}`);
  const rules = useApi<Rule[]>('/api/licensing/rules');
  const [action, setAction] = useState<PermitAction | null>(null);
  const [tick, setTick] = useState(0);
  const p = res.data;
  if (res.error) return <ErrorAlert error={res.error} onRetry={res.reload} />;
  if (!p) return <Skeleton active />;
  const d = (v: string | null | undefined) => v ?? '—';
  return (
    <>
      <PageTitle
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/licensing/permits')} />
            <span>办件 {p.caseNo}</span>
            <Tag color={STATUS_COLORS[p.status]} data-testid="permit-status">
              {STATUS_LABELS[p.status]}
            </Tag>
          </Space>
        }
        description={`${p.itemCode ?? ''} ${p.itemName ?? ''} · ${p.applicant}`}
      />
      <Card style={{ marginBottom: 16 }}>
        <Steps current={currentStep(p)} status={p.status === 'not_accepted' ? 'error' : undefined} items={STEP_ORDER.map((t) => ({ title: t }))} />
      </Card>
      <Row gutter={16}>
        <Col span={14}>
          <Card title="办件信息" style={{ marginBottom: 16 }}>
            <Descriptions column={2} size="small" bordered>
              <Descriptions.Item label="许可事项" span={2}>
                {p.itemName}（{p.category}）
              </Descriptions.Item>
              <Descriptions.Item label="申请人">{p.applicant}</Descriptions.Item>
              <Descriptions.Item label="申请人类型">{p.applicantType}</Descriptions.Item>
              <Descriptions.Item label="统一社会信用代码">{d(p.applicantUscc)}</Descriptions.Item>
              <Descriptions.Item label="申请渠道 / 跑动次数">
                {d(p.channel)} / {p.visits ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label="收件日期">{p.receivedOn}</Descriptions.Item>
              <Descriptions.Item label="补正告知">{p.correctionNoticeOn ? `${p.correctionNoticeOn}：${p.correctionItems}` : '—'}</Descriptions.Item>
              <Descriptions.Item label="补正材料收到">{d(p.correctedOn)}</Descriptions.Item>
              <Descriptions.Item label="受理日期">{d(p.acceptedOn)}</Descriptions.Item>
              {p.notAcceptedOn ? (
                <Descriptions.Item label="不予受理" span={2}>
                  {p.notAcceptedOn}：{p.notAcceptedReason}
                </Descriptions.Item>
              ) : null}
              <Descriptions.Item label="决定">{p.decidedOn ? `${p.decidedOn} ${p.result}` : '—'}</Descriptions.Item>
              <Descriptions.Item label="决定文书号">{d(p.decisionNo)}</Descriptions.Item>
              <Descriptions.Item label="证件">{p.certificateOn ? `${p.certificateNo}（${p.certificateOn}）` : '—'}</Descriptions.Item>
              <Descriptions.Item label="公示日期">
                <span data-testid="permit-published">{d(p.publishedOn)}</span>
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title="变更历史">
            <RecordHistory
              key={`${p.version}-${tick}`}
              entity="licensing.permit"
              id={p.id}
              renderValue={(field, v) => (field === 'status' && typeof v === 'string' ? (STATUS_LABELS[v as PermitStatus] ?? v) : formatValue(v))}
            />
          </Card>
        </Col>
        <Col span={10}>
          {can('licensing.write') ? (
            <Card title="可办理的环节" size="small" style={{ marginBottom: 16 }}>
              <WorkflowActions<PermitAction>
                actions={p.actions}
                testId="permit-actions"
                primary={(a) => a.event === 'decide' || a.event === 'accept' || a.event === 'publish'}
                onAct={setAction}
              />
            </Card>
          ) : null}
          <Card title="办理期限" style={{ marginBottom: 16 }} data-testid="permit-deadlines">
            <Descriptions column={1} size="small">
              <Descriptions.Item label="补正告知期限">{p.correctionDueOn}</Descriptions.Item>
              <Descriptions.Item label="期限起算日">
                {p.clockStartOn ? (
                  <span>
                    {p.clockStartOn}
                    {p.deemedAccepted ? (
                      <Tag color="orange" style={{ marginLeft: 4 }}>
                        逾期未告知补正，自收件之日起视为受理
                      </Tag>
                    ) : null}
                  </span>
                ) : (
                  '—'
                )}
              </Descriptions.Item>
              <Descriptions.Item label="承诺期限">
                <span data-testid="permit-due">{d(p.dueOn)}</span>
              </Descriptions.Item>
              <Descriptions.Item label="法定期限（上限）">{d(p.statutoryDueOn)}</Descriptions.Item>
              <Descriptions.Item label="扣除期间">{p.pauses.length ? p.pauses.map((x) => `${x.reason} ${x.from}至${x.to}`).join('；') : '—'}</Descriptions.Item>
              <Descriptions.Item label="延长">
                <div>
                  {p.extensionDays ? `${p.extensionDays}个工作日（${p.extensionApprovedOn}批准：${p.extensionReason}）` : '—'}
                  {p.extensionNote ? (
                    <Typography.Paragraph type="danger" style={{ margin: '4px 0 0' }} data-testid="permit-extension-note">
                      {p.extensionNote}
                    </Typography.Paragraph>
                  ) : null}
                </div>
              </Descriptions.Item>
              <Descriptions.Item label="发证期限">{d(p.certificateDueOn)}</Descriptions.Item>
              <Descriptions.Item label="按期办结">
                {p.onTime === null ? '—' : p.onTime ? <Tag color="green">是</Tag> : <Tag color="red">否</Tag>}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title="时限规则" size="small">
            {rules.data?.length ? (
              <Flex vertical gap={8}>
                {rules.data.map((r) => (
                  <div key={r.key}>
                    <Typography.Text strong>{r.label}：</Typography.Text>
                    <Typography.Text>{r.text}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.source}
                    </Typography.Text>
                  </div>
                ))}
              </Flex>
            ) : (
              <Empty />
            )}
          </Card>
        </Col>
      </Row>
      {action ? (
        <StepModal
          permit={p}
          action={action}
          onClose={() => setAction(null)}
          onDone={() => {
            setAction(null);
            res.reload();
            setTick((t) => t + 1);
          }}
        />
      ) : null}
    </>
  );
}
