import { type ReactNode, useState } from 'react';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Select, Skeleton, Space, Tag } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { RecordHistory } from '../../../components/RecordHistory';
import { WorkflowActions } from '../../../components/WorkflowActions';
import { FormModal } from '../../../components/FormModal';
import { formatValue } from '../../../lib/format';
import { type InspectionRecord, type RecordAction, STAGE_COLORS } from '../api';

type Event = RecordAction['event'];

/** Clues and cases to link a follow-up to (read when the user may read them). */
function LinkFields({ need }: { need: 'clue' | 'case' | 'either' }) {
  const can = useCan();
  const clues = useApi<Array<{ id: string; clueNo: string; partyName: string | null }>>(can('enforcement.clue.read') ? '/api/enforcement/clues' : null);
  const cases = useApi<Array<{ id: string; caseNo: string; partyName: string }>>(can('enforcement.case.read') ? '/api/enforcement/cases' : null);
  return (
    <>
      {need !== 'case' ? (
        <Form.Item name="clueId" label="关联线索">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={(clues.data ?? []).map((c) => ({ value: c.id, label: `${c.clueNo}${c.partyName ? ` ${c.partyName}` : ''}` }))}
          />
        </Form.Item>
      ) : null}
      {need !== 'clue' ? (
        <Form.Item name="caseId" label="关联案件">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={(cases.data ?? []).map((c) => ({ value: c.id, label: `${c.caseNo} ${c.partyName}` }))}
          />
        </Form.Item>
      ) : null}
    </>
  );
}

/** History values as the page names them: the inspected entity by its name, the linked clue or case by its number (not their ids). */
const historyValue =
  (r: InspectionRecord) =>
  (field: string, v: unknown): ReactNode => {
    if (field === 'entity_id' && typeof v === 'string') return v === r.entityId ? r.entityName : '（原检查对象，已更换）';
    if (field === 'clue_id' && typeof v === 'string') return v === r.clueId ? (r.followRef ?? '线索') : '（原关联线索）';
    if (field === 'case_id' && typeof v === 'string') return v === r.caseId ? (r.followRef ?? '案件') : '（原关联案件）';
    return formatValue(v);
  };

/** 行政检查记录 — what was found, by whom, on which basis; the follow-up and its link to the clue or case; its workflow. */
export function RecordPage() {
  const id = useParams().id!;
  const navigate = useNavigate();
  const res = useApi<InspectionRecord>(`/api/inspections/records/${id}`);
  const [modal, setModal] = useState<Event | null>(null);
  if (res.error) return <ErrorAlert error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Skeleton active />;
  const r = res.data;
  const post = (event: Event) => (v: Record<string, unknown>) => api.post(`/api/inspections/records/${r.id}/${event}`, { ...v, version: r.version });
  const done = () => {
    setModal(null);
    res.reload();
  };
  return (
    <>
      <PageTitle
        title={
          <Space wrap>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/inspections/records')} />
            {r.recordNo}
            <Tag color={STAGE_COLORS[r.stage]} data-testid="record-stage">
              {r.stageLabel}
            </Tag>
          </Space>
        }
        description={`${r.entityName} · ${r.kind} · ${r.inspectedOn} · ${r.orgName}`}
        extra={
          r.actions.length ? <WorkflowActions<RecordAction> actions={r.actions} variant="bar" testId="record-actions" onAct={(a) => setModal(a.event)} /> : null
        }
      />
      {r.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon title={w} style={{ marginBottom: 12 }} data-testid="record-warning" />
      ))}
      <Card title="检查情况" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="检查对象">{r.entityName}</Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">{r.entityUscc ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="检查类别">{r.kind}</Descriptions.Item>
          <Descriptions.Item label="入企检查">{r.enterprise ? '是' : '否'}</Descriptions.Item>
          <Descriptions.Item label="检查依据">{r.basis}</Descriptions.Item>
          <Descriptions.Item label="年度检查计划">
            {r.kind === '双随机' ? '双随机抽查计划' : r.inPlan ? '计划内' : `计划外：${r.offPlanReason ?? '—'}`}
          </Descriptions.Item>
          <Descriptions.Item label="检查人员">{r.inspectors.map((i) => (i.certNo ? `${i.name}（${i.certNo}）` : i.name)).join('、')}</Descriptions.Item>
          <Descriptions.Item label="检查单位">{r.orgName}</Descriptions.Item>
          <Descriptions.Item label="检查情况" span={2}>
            {r.findings ?? '—'}
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="处理结果" style={{ marginBottom: 16 }} data-testid="record-follow-up">
        <Descriptions column={{ xs: 1, md: 2 }} size="small">
          <Descriptions.Item label="处理结果">{r.followUp}</Descriptions.Item>
          <Descriptions.Item label="整改期限">{r.rectifyDueOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="整改完成">{r.rectifiedOn ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="整改情况">{r.rectifyNote ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="关联线索或案件">
            {r.caseId ? (
              <Link to={`/enforcement/cases/${r.caseId}`}>{r.followRef ?? '案件'}</Link>
            ) : r.clueId ? (
              <Link to="/enforcement/clues">{r.followRef ?? '线索'}</Link>
            ) : (
              (r.followRef ?? '—')
            )}
          </Descriptions.Item>
          <Descriptions.Item label="办结日期">{r.closedOn ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="变更历史">
        <RecordHistory key={r.version} entity="inspections.record" id={r.id} renderValue={historyValue(r)} />
      </Card>
      {modal === 'order' ? (
        <FormModal title="责令整改" onSubmit={post('order')} onClose={() => setModal(null)} onDone={done}>
          <Form.Item name="rectifyDueOn" label="整改期限" rules={[{ required: true, message: '请选择整改期限' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="note" label="整改要求">
            <Input.TextArea rows={3} />
          </Form.Item>
        </FormModal>
      ) : modal === 'rectified' ? (
        <FormModal title="整改完成" initialValues={{ rectifiedOn: dayjs() }} onSubmit={post('rectified')} onClose={() => setModal(null)} onDone={done}>
          <Form.Item name="rectifiedOn" label="复查确认整改完成日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="note" label="复查情况">
            <Input.TextArea rows={3} />
          </Form.Item>
        </FormModal>
      ) : modal === 'escalate' ? (
        <FormModal
          title="整改未完成：移送线索或立案"
          initialValues={{ followUp: '立案' }}
          onSubmit={post('escalate')}
          onClose={() => setModal(null)}
          onDone={done}
        >
          <Form.Item name="followUp" label="处理">
            <Select options={['移送线索', '立案'].map((k) => ({ value: k, label: k }))} />
          </Form.Item>
          <LinkFields need="either" />
          <Form.Item name="note" label="说明">
            <Input.TextArea rows={2} />
          </Form.Item>
        </FormModal>
      ) : modal === 'close' ? (
        <FormModal title="办结" initialValues={{ closedOn: dayjs() }} onSubmit={post('close')} onClose={() => setModal(null)} onDone={done}>
          <Form.Item name="closedOn" label="办结日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          {r.followUp === '移送线索' ? <LinkFields need="clue" /> : r.followUp === '立案' ? <LinkFields need="case" /> : null}
        </FormModal>
      ) : null}
    </>
  );
}
