import { Suspense, useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, List, Row, Skeleton, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, FileWordOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { download } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { DeadlineStatusTag } from '../../../components/DeadlineStatusTag';
import { LimitationText, violationText } from './Limitation';
import { RecordHistory } from '../../../components/RecordHistory';
import { WorkflowActions } from '../../../components/WorkflowActions';
import { CIRCUMSTANCE_LABELS, STAGE_COLORS, type CaseAction, type CaseDeadline, type CaseDetail } from '../api';
import { useCase, useMeta } from '../hooks/useEnforcement';
import { lazyNamed } from '../../../lib/lazyNamed';
import { formatYuan } from '../../../lib/format';

// The event dialog (its form, date pickers, upload and the discretion calculator) loads when an action is chosen,
// not with the page: the page's first load stays within the 500 KB budget (tests/browser/budget.test.ts).
const ActionModal = lazyNamed(() => import('./ActionModal'), 'ActionModal');

const d = (v: string | null | undefined) => v ?? '—';

/** Audit values as staff read them: stage names, fen as yuan, yes/no. */
function renderField(field: string, v: unknown, stages?: Record<string, string>): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (field === 'stage' && typeof v === 'string') return stages?.[v] ?? v;
  if (field.endsWith('_fen') && typeof v === 'number') return formatYuan(v / 100);
  if (field === 'circumstance' && typeof v === 'string') return CIRCUMSTANCE_LABELS[v] ?? v;
  if (field === 'procedure') return v === 'summary' ? '简易程序' : '一般程序';
  if (field === 'decision_approver_capacity') return v === 'deputy' ? '受委托的副职负责人' : '行政机关负责人';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.join('、');
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
/** 负责人审批 (行政处罚法第五十七条): who decided, in which capacity, on which date; summary cases are decided on the spot. */
function approvalText(c: CaseDetail): string {
  if (c.procedure === 'summary') return '简易程序当场作出，不经负责人审批（行政处罚法第五十一、五十二条）';
  if (c.decisionApprover)
    return `${c.decisionApprover}（${c.decisionApproverCapacityLabel ?? ''}${c.decisionApproverDelegation ? `，委托依据：${c.decisionApproverDelegation}` : ''}）${c.decidedOn ? `于${c.decidedOn}审批决定` : ''}`;
  if (c.decisionSubmittedOn) return `${c.decisionSubmittedOn}呈报，待负责人审批`;
  return c.decidedOn ? '未记录（历史导入）' : '尚未呈报';
}

/** 送达 (行政处罚法第六十一条): the date and method; 公告送达 counts as served when its period has run. */
function serviceText(c: CaseDetail): string {
  if (!c.servedOn) return '—';
  if (c.serviceMethod === '公告送达') return `公告送达：${c.serviceNoticeOn}发出公告，${c.servedOn}视为送达`;
  if (c.serviceMethod === '电子送达') return `${c.servedOn} 电子送达（当事人${c.serviceConsentOn}签订确认书）`;
  return `${c.servedOn}${c.serviceMethod ? ` ${c.serviceMethod}` : ''}`;
}
const yuan = (n: number | null | undefined) => (n ? formatYuan(n) : '—');

/** 案件页 — the record, its deadlines, evidence, the actions allowed now (and why others are not), and its full-process record. */
export function CasePage() {
  const id = useParams().id!;
  const res = useCase(id);
  const meta = useMeta();
  const [acting, setActing] = useState<CaseAction | null>(null);
  const [historyKey, setHistoryKey] = useState(0);
  if (res.error) return <ErrorAlert error={res.error} onRetry={res.reload} />;
  const c = res.data;
  if (!c) return <Skeleton active />;
  return (
    <>
      <PageTitle
        title={
          <Space>
            {c.caseNo}
            <Tag color={STAGE_COLORS[c.stage]} data-testid="case-stage">
              {c.stageLabel}
            </Tag>
            {c.procedure === 'summary' ? <Tag>简易程序</Tag> : null}
            {c.major ? <Tag color="red">重大案件</Tag> : null}
          </Space>
        }
        description={`${c.orgName} · ${c.cause}`}
        extra={
          <>
            <Link to="/enforcement/cases">
              <Button>返回列表</Button>
            </Link>
            {c.decisionNo ? (
              <Button icon={<FileWordOutlined />} onClick={() => download(`/api/enforcement/cases/${c.id}/decision.docx`, '行政处罚决定书.docx')}>
                决定书
              </Button>
            ) : null}
            <Button icon={<DownloadOutlined />} data-testid="export-archive" onClick={() => download(`/api/enforcement/cases/${c.id}/archive.zip`, '案卷.zip')}>
              导出案卷
            </Button>
          </>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Card title="案件信息" size="small" style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={2}
              items={[
                { key: 'party', label: '当事人', children: `${c.partyName}（${c.partyType}）` },
                { key: 'id', label: '证件号码', children: d(c.partyIdNo) },
                { key: 'address', label: '住所（地址）', span: 2, children: d(c.partyAddress) },
                { key: 'filed', label: '立案日期', children: c.filedOn },
                { key: 'source', label: '案件来源', children: `${d(c.source)}${c.sourceRef ? `（${c.sourceRef}）` : ''}` },
                { key: 'violation', label: '违法行为发生日期', children: violationText(c) },
                { key: 'limitation', label: '追责时效', children: <LimitationText limitation={c.limitation} /> },
                { key: 'item', label: '违法事项', span: 2, children: c.item ? `${c.item.code} ${c.item.name}` : d(c.itemCode) },
                { key: 'officers', label: '承办人', span: 2, children: c.officers.map((o) => `${o.name}（执法证 ${o.certNo ?? '无'}）`).join('、') || '—' },
                {
                  key: 'proposal',
                  label: '拟处罚',
                  children: c.proposedKinds.length
                    ? `${c.proposedKinds.join('、')} ${yuan((c.proposedFineYuan ?? 0) + (c.proposedConfiscationYuan ?? 0))}`
                    : '—',
                },
                { key: 'circ', label: '违法情节', children: CIRCUMSTANCE_LABELS[c.circumstance ?? ''] ?? '—' },
                { key: 'notified', label: '告知日期', children: d(c.notifiedOn) },
                {
                  key: 'hearing',
                  label: '听证',
                  children: c.hearingRight.length
                    ? `享有听证权利（${c.hearingRight.join('、')}）${c.hearingHeldOn ? `；${c.hearingHeldOn}举行` : c.hearingRequestedOn ? `；${c.hearingRequestedOn}申请` : ''}`
                    : '不适用',
                },
                {
                  key: 'review',
                  label: '法制审核',
                  children:
                    c.reviewRequired || c.reviewOn
                      ? `${c.reviewOn ? `${c.reviewOn} ${c.reviewResult}` : '须审核'}${c.reviewOpinion ? `：${c.reviewOpinion}` : ''}${c.reviewByName ? `（审核人员：${c.reviewByName}）` : ''}`
                      : '不需要',
                },
                {
                  key: 'discussion',
                  label: '集体讨论',
                  children: c.discussionOn ? `${c.discussionOn}：${c.discussionMinutes}` : c.major ? '须讨论' : '不需要',
                },
                {
                  key: 'approval',
                  label: '负责人审批',
                  span: 2,
                  children: <span data-testid="case-approval">{approvalText(c)}</span>,
                },
                {
                  key: 'decision',
                  label: '处罚决定',
                  span: 2,
                  children: c.decisionNo ? `${c.decisionNo}（${c.decidedOn}）${c.penaltyKinds.join('、')} ${yuan(c.fineYuan + c.confiscationYuan)}` : '—',
                },
                { key: 'served', label: '送达', children: serviceText(c) },
                { key: 'paid', label: '缴款', children: c.paidOn ? `${c.paidOn}${c.lateFeeYuan ? `（加处罚款${yuan(c.lateFeeYuan)}）` : ''}` : '—' },
                { key: 'published', label: '公示', children: d(c.publishedOn) },
                { key: 'closed', label: '结案 / 归档', children: `${d(c.closedOn)} / ${d(c.archivedOn)}` },
                ...(c.revokedOn ? [{ key: 'revoked', label: '撤销', span: 2, children: `${c.revokedOn}：${c.revokeReason}` }] : []),
              ]}
            />
          </Card>
          <Card title="期限" size="small" style={{ marginBottom: 16 }}>
            <Table<CaseDeadline>
              rowKey="key"
              size="small"
              pagination={false}
              dataSource={c.deadlines}
              data-testid="case-deadlines"
              columns={[
                { title: '期限', dataIndex: 'label', width: 150 },
                { title: '起算', dataIndex: 'start', width: 110 },
                { title: '届满', dataIndex: 'due', width: 110 },
                {
                  title: '状态',
                  dataIndex: 'status',
                  width: 100,
                  render: (s: CaseDeadline['status'], r) => (
                    <>
                      <DeadlineStatusTag status={s} />
                      {r.late ? <Tag color="red">逾期办结</Tag> : null}
                    </>
                  ),
                },
                {
                  title: '依据与计算',
                  dataIndex: 'text',
                  render: (t: string, r) => (
                    <Tooltip title={r.source}>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t}
                      </Typography.Text>
                    </Tooltip>
                  ),
                },
              ]}
            />
          </Card>
          <Card title={`证据（${c.evidence.length}）`} size="small" style={{ marginBottom: 16 }}>
            {c.evidence.length ? (
              <List
                size="small"
                dataSource={c.evidence}
                renderItem={(e) => (
                  <List.Item
                    extra={
                      e.attachmentId ? (
                        <Button size="small" type="link" onClick={() => download(`/api/attachments/${e.attachmentId}/content`, e.title)}>
                          附件
                        </Button>
                      ) : null
                    }
                  >
                    <Space>
                      <Tag>{e.kindLabel}</Tag>
                      {e.title}
                      <Typography.Text type="secondary">{e.collectedOn}</Typography.Text>
                      {e.note ? <Typography.Text type="secondary">{e.note}</Typography.Text> : null}
                    </Space>
                  </List.Item>
                )}
              />
            ) : (
              <Empty description="尚未登记证据" />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title="可办理的环节" size="small" style={{ marginBottom: 16 }} data-testid="case-actions">
            <WorkflowActions<CaseAction> actions={c.actions} onAct={setActing} testId="case-action-list" />
          </Card>
          <Card size="small">
            <Tabs
              items={[
                {
                  key: 'timeline',
                  label: '执法全过程记录',
                  children: (
                    <RecordHistory key={historyKey} entity="enforcement.case" id={c.id} renderValue={(field, v) => renderField(field, v, meta.data?.stages)} />
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {acting ? (
        <Suspense fallback={null}>
          <ActionModal
            action={acting}
            kase={c}
            meta={meta.data}
            onClose={() => setActing(null)}
            onDone={() => {
              setActing(null);
              res.reload();
              setHistoryKey((k) => k + 1);
            }}
            onStale={res.reload}
          />
        </Suspense>
      ) : null}
    </>
  );
}
