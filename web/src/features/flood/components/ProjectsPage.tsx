import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Segmented, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router-dom';
import { qs } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { HistoryDrawer } from '../../../components/HistoryDrawer';
import { PageTitle } from '../../../components/PageTitle';
import { applyApiError } from '../../../lib/formErrors';
import { floodApi, type Project, type ProjectKind } from '../api';
import { clean, type FormOf, useOrgValue, useStreets } from './common';

/** 内涝治理项目 / 零星排水改造应急工程 — list by kind and year, create and edit; :id opens a record's history. */
export function ProjectsPage() {
  const [kind, setKind] = useState<ProjectKind | ''>('');
  const [year, setYear] = useState<number | undefined>(2022);
  const res = useApi<Project[]>(`/api/flood/projects${qs({ kind, year })}`);
  const [editing, setEditing] = useState<Project | 'new' | null>(null);
  const can = useCan();
  const historyId = useParams().id ?? null;
  const navigate = useNavigate();
  const orgValue = useOrgValue();
  return (
    <>
      <PageTitle
        title="内涝治理项目"
        description="内涝治理项目（方案编制）按完成日期统计，零星排水改造应急工程按开始日期统计。"
        extra={
          can('flood.write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新建项目
            </Button>
          )
        }
      />
      <Card
        styles={{ body: { padding: 0 } }}
        title={
          <Space>
            <Segmented
              value={kind}
              onChange={(v) => setKind(v as ProjectKind | '')}
              options={[
                { label: '全部', value: '' },
                { label: '内涝治理项目', value: '内涝治理项目' },
                { label: '零星排水改造应急工程', value: '零星排水改造应急工程' },
              ]}
            />
            <DatePicker
              picker="year"
              value={year ? dayjs(`${year}-01-01`) : null}
              onChange={(d) => setYear(d ? d.year() : undefined)}
              format="YYYY年"
              placeholder="全部年份"
            />
          </Space>
        }
      >
        <ErrorAlert error={res.error} onRetry={res.reload} />
        <Table<Project>
          rowKey="id"
          loading={res.loading}
          dataSource={res.data ?? []}
          pagination={{ pageSize: 20, showTotal: (n) => `共 ${n} 项` }}
          columns={[
            { title: '名称', dataIndex: 'name' },
            { title: '类型', dataIndex: 'kind', width: 170 },
            { title: '所在街道', dataIndex: 'street', width: 110, render: (v) => v ?? '—' },
            { title: '开始日期', dataIndex: 'startedOn', width: 110, render: (v) => v ?? '—' },
            { title: '完成日期', dataIndex: 'completedOn', width: 110, render: (v) => v ?? '—' },
            { title: '状态', dataIndex: 'status', width: 90, render: (v) => v ?? '—' },
            {
              title: '操作',
              key: 'a',
              width: 120,
              render: (_, r) => (
                <Space size={4}>
                  {can('flood.write') && (
                    <Button type="link" size="small" onClick={() => setEditing(r)}>
                      修改
                    </Button>
                  )}
                  <Button type="link" size="small" onClick={() => navigate(`/flood/projects/${r.id}`)}>
                    历史
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing && (
        <ProjectModal
          project={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            res.reload();
          }}
        />
      )}
      <HistoryDrawer
        entity="flood.project"
        id={historyId}
        name={res.data?.find((p) => p.id === historyId)?.name}
        onClose={() => navigate('/flood/projects')}
        renderValue={orgValue}
      />
    </>
  );
}

function ProjectModal({ project, onClose, onSaved }: { project: Project | null; onClose: () => void; onSaved: () => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const streets = useStreets();
  const d = (s: string | null | undefined) => (s ? dayjs(s) : null);
  const submit = async (v: FormOf<Project, 'startedOn' | 'completedOn'>) => {
    setError(null);
    const body = clean({ ...v, startedOn: v.startedOn?.format('YYYY-MM-DD'), completedOn: v.completedOn?.format('YYYY-MM-DD') });
    try {
      if (project) await floodApi.updateProject(project.id, project.version, body);
      else await floodApi.createProject(body);
      message.success('项目已保存');
      onSaved();
    } catch (e) {
      setError(applyApiError(form, e));
    }
  };
  return (
    <Modal
      open
      title={project ? `修改项目 · ${project.name}` : '新建项目'}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="保存"
      destroyOnHidden
      width={560}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={project ? { ...project, startedOn: d(project.startedOn), completedOn: d(project.completedOn) } : { kind: '零星排水改造应急工程' }}
      >
        <Form.Item name="name" label="名称" rules={[{ required: true, message: '请输入名称' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
          <Select options={['内涝治理项目', '零星排水改造应急工程'].map((x) => ({ value: x, label: x }))} />
        </Form.Item>
        <Form.Item name="streetOrgId" label="所在街道">
          <Select allowClear options={streets} />
        </Form.Item>
        <Space>
          <Form.Item name="startedOn" label="开始日期">
            <DatePicker />
          </Form.Item>
          <Form.Item name="completedOn" label="完成日期">
            <DatePicker />
          </Form.Item>
          <Form.Item name="status" label="状态">
            <Select allowClear style={{ width: 110 }} options={['未开工', '实施中', '已完成'].map((x) => ({ value: x, label: x }))} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
