import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { RecordHistory } from '../../../components/RecordHistory';
import type { PlanDetail, Task, TaskAction } from '../api';
import { WorkflowActions } from '../../../components/WorkflowActions';
import { FormModal } from '../../../components/FormModal';

/** 抽查计划 — the draw (seed, algorithm, verification), the tasks with two or more inspectors each, results and publication. */
export function PlanPage() {
  const id = useParams().id!;
  const navigate = useNavigate();
  const res = useApi<PlanDetail>(`/api/inspections/plans/${id}`);
  const [modal, setModal] = useState<null | 'draw' | { task: Task; step: 'result' | 'publish' }>(null);
  const [verify, setVerify] = useState<{ ok: boolean; message: string } | null>(null);
  if (res.error) return <ErrorAlert error={res.error} onRetry={res.reload} />;
  if (!res.data) return <Skeleton active />;
  const { plan, draw, tasks } = res.data;
  const done = () => {
    setModal(null);
    res.reload();
  };
  return (
    <>
      <PageTitle
        title={
          <Space>
            <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('/inspections/plans')} />
            {plan.title}
          </Space>
        }
        description={`${plan.itemName} · 抽查比例 ${plan.ratioPercent}% · 每户 ${plan.perEntity} 名执法检查人员 · ${plan.windowFrom} 至 ${plan.windowTo}`}
        extra={
          <Space>
            {plan.actions.length ? <WorkflowActions actions={plan.actions} variant="bar" testId="plan-actions" onAct={() => setModal('draw')} /> : null}
            {draw ? (
              <Button icon={<SafetyCertificateOutlined />} onClick={async () => setVerify(await api.post(`/api/inspections/draws/${draw.id}/verify`))}>
                复核抽取结果
              </Button>
            ) : null}
          </Space>
        }
      />
      {verify ? (
        <Alert
          type={verify.ok ? 'success' : 'error'}
          showIcon
          title={verify.message}
          style={{ marginBottom: 16 }}
          data-testid="verify-result"
          closable
          onClose={() => setVerify(null)}
        />
      ) : null}
      {draw ? (
        <Card title="抽取记录" style={{ marginBottom: 16 }} size="small">
          <Descriptions column={3} size="small">
            <Descriptions.Item label="抽取日期">{draw.drawnOn}</Descriptions.Item>
            <Descriptions.Item label="随机种子">
              <Typography.Text code>{draw.seed}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="算法">
              <Typography.Text code>{draw.algorithm}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="名录内对象">{draw.population}</Descriptions.Item>
            <Descriptions.Item label="抽中对象">{draw.sampleSize}</Descriptions.Item>
            <Descriptions.Item label="结果摘要（SHA-256）">
              <Typography.Text code style={{ fontSize: 11 }}>
                {draw.resultHash.slice(0, 16)}…
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {res.data.source}
          </Typography.Text>
        </Card>
      ) : null}
      <Card title="抽查任务" styles={{ body: { padding: 0 } }} style={{ marginBottom: 16 }}>
        <Table<Task>
          rowKey="id"
          dataSource={tasks}
          pagination={false}
          locale={{ emptyText: draw ? '无' : '尚未抽取' }}
          columns={[
            { title: '检查对象', dataIndex: 'entityName' },
            { title: '所在街道', dataIndex: 'street', width: 110 },
            { title: '执法检查人员', dataIndex: 'inspectors', width: 180, render: (v: string[]) => v.join('、') },
            { title: '检查日期', dataIndex: 'inspectedOn', width: 110, render: (v) => v ?? '—' },
            { title: '检查结果', dataIndex: 'result', width: 170, render: (v) => v ?? '—' },
            { title: '公示期限', dataIndex: 'publishDueOn', width: 110, render: (v) => v ?? '—' },
            {
              title: '公示日期',
              dataIndex: 'publishedOn',
              width: 130,
              render: (v: string | null, t) => (v ? <Tag color={t.publishDueOn && v <= t.publishDueOn ? 'green' : 'orange'}>{v}</Tag> : '—'),
            },
            {
              title: '操作',
              key: 'a',
              width: 140,
              render: (_, t) => (
                <WorkflowActions<TaskAction>
                  actions={t.actions}
                  variant="bar"
                  testId={`task-actions-${t.id}`}
                  primary={(a) => a.event === 'publish'}
                  onAct={(a) => setModal({ task: t, step: a.event })}
                />
              ),
            },
          ]}
        />
      </Card>
      <Card title="计划历史">
        <RecordHistory key={draw?.id ?? 'none'} entity="inspections.plan" id={plan.id} />
      </Card>
      {modal === 'draw' ? (
        <FormModal
          title="随机抽取"
          initialValues={{ drawnOn: dayjs() }}
          onSubmit={(v) => api.post(`/api/inspections/plans/${plan.id}/draw`, v)}
          onClose={() => setModal(null)}
          onDone={done}
        >
          <Form.Item name="seed" label="随机种子" extra="可填写事先公布的号码；留空则由系统生成。种子与算法一并记录，供复核。">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="drawnOn" label="抽取日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </FormModal>
      ) : modal?.step === 'result' ? (
        <FormModal
          title={`登记检查结果 · ${modal.task.entityName}`}
          initialValues={{ inspectedOn: dayjs(), result: '未发现问题' }}
          onSubmit={(v) => api.post(`/api/inspections/tasks/${modal.task.id}/result`, { ...v, version: modal.task.version })}
          onClose={() => setModal(null)}
          onDone={done}
        >
          <Form.Item name="inspectedOn" label="检查日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="result" label="检查结果">
            <Select options={res.data.results.map((r) => ({ value: r, label: r }))} />
          </Form.Item>
          <Form.Item name="problems" label="问题及处理情况">
            <Input.TextArea rows={3} />
          </Form.Item>
        </FormModal>
      ) : modal?.step === 'publish' ? (
        <FormModal
          title={`公示检查结果 · ${modal.task.entityName}`}
          initialValues={{ publishedOn: dayjs() }}
          onSubmit={(v) => api.post(`/api/inspections/tasks/${modal.task.id}/publish`, { ...v, version: modal.task.version })}
          onClose={() => setModal(null)}
          onDone={done}
        >
          <Form.Item name="publishedOn" label="公示日期" rules={[{ required: true }]} extra={`公示期限：${modal.task.publishDueOn}`}>
            <DatePicker />
          </Form.Item>
        </FormModal>
      ) : null}
    </>
  );
}
