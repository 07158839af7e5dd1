import { useState, type ReactNode } from 'react';
import { Card, Col, Descriptions, Empty, List, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useApi } from '../../../api/useApi';
import { DeadlineExplanationView } from '../../../components/DeadlineExplanationView';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { RecordHistory } from '../../../components/RecordHistory';
import { WorkflowActions } from '../../../components/WorkflowActions';
import { formatInstant } from '../../../lib/format';
import { DEMAND_FIELD_LABELS, type DemandAction, type DemandRecord } from '../api';
import { ActionModal } from './ActionModal';
import { ClockTag } from './ClockTag';

interface Props {
  module: string;
  /** Module-specific facts (信访形式 flags, 问题类型 …) shown under the common ones. */
  extraFacts?: (r: DemandRecord) => Array<{ key: string; label: string; children: ReactNode }>;
  /** Module-specific buttons (处理意见书, 移送执法线索 …). */
  extraActions?: (r: DemandRecord, reload: () => void) => ReactNode;
  /** The kind takes requests online (网络申请, 网上信访): the applicant's receipt and details are shown to staff who may see them. */
  online?: boolean;
}

/** The online applicant's details as the intake keeps them, in the staff's words. */
const ONLINE_DETAIL_LABELS: Record<string, string> = {
  kind: '申请人类型',
  idType: '证件类型',
  legalRep: '法定代表人',
  contact: '联系人',
  address: '通信地址',
  postcode: '邮政编码',
  email: '电子邮箱',
};

interface OnlineApplicant {
  receiptNo: string;
  details: Record<string, string | null>;
}

const STATUS_TEXT: Record<string, string> = {
  received: '待分派',
  assigned: '待签收',
  handling: '办理中',
  paused: '中止计时',
  replied: '已答复',
  closed: '已办结',
};

/** History values in the staff's words: instants in Beijing time, states in Chinese, the unit by name. */
const historyValue =
  (r: DemandRecord) =>
  (field: string, v: unknown): ReactNode => {
    if (v === null || v === undefined || v === '') return '（空）';
    if (field === 'status') return STATUS_TEXT[String(v)] ?? String(v);
    if (field === 'org_id' && v === r.orgId) return r.orgName;
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return formatInstant(v).slice(0, 16);
    return typeof v === 'object' ? JSON.stringify(v) : String(v);
  };

/** A demand's record page: facts, the clock with its explanation, the allowed actions (with why not), links, history. */
export function DemandRecordPage({ module, extraFacts, extraActions, online }: Props) {
  const { id } = useParams();
  const res = useApi<DemandRecord>(`/api/${module}/items/${id}`);
  // Read once the record shows its personal fields unmasked (the same permission guards the details).
  const applicant = useApi<OnlineApplicant | null>(online && res.data && !res.data.personalMasked ? `/api/${module}/items/${id}/online` : null);
  const [acting, setActing] = useState<DemandAction | null>(null);
  const [historyKey, setHistoryKey] = useState(0);
  const r = res.data;
  if (res.error) return <ErrorAlert error={res.error} onRetry={res.reload} />;
  if (!r) return <Skeleton active />;
  const reload = () => {
    res.reload();
    setHistoryKey((k) => k + 1);
  };
  const t = (s: string | null) => (s ? formatInstant(s).slice(0, 16) : '—');
  return (
    <>
      <PageTitle
        title={
          <Space>
            {`${r.kindLabel} ${r.refNo}`}
            <Tag data-testid="record-status">{r.statusLabel}</Tag>
            <ClockTag status={r.clockStatus} />
          </Space>
        }
        description={r.title}
        extra={
          <WorkflowActions
            variant="bar"
            actions={r.actions}
            onAct={(a) => setActing(a)}
            primary={(a: DemandAction) => ['sign', 'reply', 'close', 'evaluate'].includes(a.event)}
            extra={extraActions?.(r, reload)}
          />
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title="基本情况" style={{ marginBottom: 16 }}>
            <Descriptions
              column={2}
              size="small"
              items={[
                { key: 'type', label: '类型', children: r.demandType ?? '—' },
                { key: 'channel', label: '方式/形式', children: r.channel ?? '—' },
                { key: 'org', label: '承办单位', children: r.orgName },
                { key: 'assignee', label: '承办人', children: r.assigneeName ?? '—' },
                { key: 'received', label: '受理时间', children: t(r.receivedAt) },
                { key: 'first', label: '签收/受理', children: r.firstDueOn ? `${t(r.firstDoneAt)}（期限 ${r.firstDueOn}）` : t(r.firstDoneAt) },
                { key: 'person', label: '诉求人', children: r.personName ?? '—' },
                { key: 'phone', label: '联系电话', children: <span data-testid="person-phone">{r.personPhone ?? '—'}</span> },
                ...(r.personIdNo ? [{ key: 'id', label: '证件号码', children: r.personIdNo }] : []),
                { key: 'location', label: '地点', children: r.location ?? '—' },
                { key: 'content', label: '内容', span: 2, children: <Typography.Paragraph style={{ margin: 0 }}>{r.content || '—'}</Typography.Paragraph> },
                { key: 'replied', label: '答复时间', children: t(r.repliedAt) },
                { key: 'closed', label: '办结时间', children: t(r.closedAt) },
                { key: 'reply', label: '答复内容', span: 2, children: r.reply ?? '—' },
                ...(r.result ? [{ key: 'result', label: '办理结果', children: r.result }] : []),
                { key: 'sat', label: '评价', children: <span data-testid="satisfaction">{r.satisfaction ?? '—'}</span> },
                ...(extraFacts?.(r) ?? []),
                ...(applicant.data
                  ? [
                      { key: 'receipt', label: '网上受理编号', children: <span data-testid="online-receipt">{applicant.data.receiptNo}</span> },
                      ...Object.entries(ONLINE_DETAIL_LABELS)
                        .filter(([k]) => applicant.data?.details[k])
                        .map(([k, label]) => ({ key: `online-${k}`, label, children: applicant.data?.details[k] })),
                    ]
                  : []),
              ]}
            />
            {r.personalMasked ? <Typography.Text type="secondary">联系电话、证件号码已脱敏（无查看权限）。</Typography.Text> : null}
          </Card>
          <Card title="关联诉求" style={{ marginBottom: 16 }}>
            {r.links.length ? (
              <List
                size="small"
                dataSource={r.links}
                renderItem={(l) => (
                  <List.Item>
                    <Link to={`/${module}/items/${l.id}`}>{l.refNo}</Link>　{formatInstant(l.receivedAt).slice(0, 10)}　{l.title}　
                    <Typography.Text type="warning">{l.reason}</Typography.Text>
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无关联诉求" />
            )}
          </Card>
          <Card title="变更历史">
            <RecordHistory key={historyKey} entity={r.entity} id={r.id} fieldLabels={DEMAND_FIELD_LABELS} renderValue={historyValue(r)} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={`时限：${r.clock.rule.label}`} data-testid="clock-card">
            <DeadlineExplanationView x={r.clock.explanation} />
            {r.clock.extensions.length ? (
              <Typography.Paragraph style={{ marginTop: 12 }}>
                已延期 {r.clock.extensions.length} 次：{r.clock.extensions.map((x) => `${x.n}（${x.approvedBy}于${x.approvedOn}批准：${x.reason}）`).join('；')}
              </Typography.Paragraph>
            ) : null}
            {r.clock.pausedSince ? (
              <Typography.Paragraph type="warning">
                自 {r.clock.pausedSince} 起中止计时（{r.clock.pauseReason}）
              </Typography.Paragraph>
            ) : null}
          </Card>
        </Col>
      </Row>
      {acting ? (
        <ActionModal
          record={r}
          action={acting}
          onClose={() => setActing(null)}
          onDone={() => {
            setActing(null);
            reload();
          }}
          onStale={reload}
        />
      ) : null}
    </>
  );
}
