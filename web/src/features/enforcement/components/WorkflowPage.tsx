import { Card, Table, Tag, Typography } from 'antd';
import { useApi } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import type { Meta } from '../api';
import { useMeta } from '../hooks/useEnforcement';

const ROLE_LABELS: Record<string, string> = { enforcement: '局执法人员', street: '街道执法人员', legal: '依法行政办（法制审核）', leader: '局领导' };

/** 流程矩阵与期限规则 — what each role may do at each stage, and every deadline with its legal source, for the legal office to review. */
export function WorkflowPage() {
  const wf = useApi<{ markdown: string; rows: Array<{ role: string; stage: string; event: string; to: string | null }> }>('/api/enforcement/workflow');
  const meta = useMeta();
  const m: Meta | undefined = meta.data;
  return (
    <>
      <PageTitle title="流程矩阵与期限规则" description="角色 × 阶段 × 环节：未列出的环节一律不允许；每个环节的前置条件由系统检查并说明原因。" />
      <ErrorAlert error={wf.error ?? meta.error} />
      <Card title="期限规则" size="small" style={{ marginBottom: 16 }}>
        <Table
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={m?.rules ?? []}
          columns={[
            { title: '期限', dataIndex: 'label', width: 180 },
            { title: '时长', key: 'n', width: 120, render: (_, r) => `${r.n}${r.unit === 'workday' ? '个工作日' : r.unit === 'day' ? '日' : '个月'}` },
            { title: '依据', dataIndex: 'source', render: (s: string) => <Typography.Text>{s}</Typography.Text> },
          ]}
        />
      </Card>
      <Card title="流程矩阵" size="small">
        <Table
          rowKey={(r) => `${r.role}/${r.stage}/${r.event}`}
          size="small"
          pagination={false}
          dataSource={wf.data?.rows ?? []}
          columns={[
            { title: '角色', dataIndex: 'role', width: 180, render: (r: string) => ROLE_LABELS[r] ?? r },
            { title: '阶段', dataIndex: 'stage', width: 160, render: (s: string) => m?.stages[s as keyof Meta['stages']] ?? s },
            { title: '环节', dataIndex: 'event', render: (e: string) => m?.events[e] ?? e },
            {
              title: '转入阶段',
              dataIndex: 'to',
              width: 160,
              render: (s: string | null) => (s ? <Tag>{m?.stages[s as keyof Meta['stages']] ?? s}</Tag> : '（不变）'),
            },
          ]}
        />
      </Card>
    </>
  );
}
