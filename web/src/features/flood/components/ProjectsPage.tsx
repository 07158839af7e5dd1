import { useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Segmented, Select, Space, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router-dom';
import { qs } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { HistoryDrawer } from '../../../components/HistoryDrawer';
import { PageTitle } from '../../../components/PageTitle';
import { floodApi, type Project, type ProjectKind } from '../api';
import { actionsColumn, clean, RecordModal, type RecordModalProps, useEditing, useOrgValue, useStreets } from './common';

/** 内涝治理项目 / 零星排水改造应急工程 — list by kind and year, create and edit; :id opens a record's history. */
export function ProjectsPage() {
  const [kind, setKind] = useState<ProjectKind | ''>('');
  const [year, setYear] = useState<number | undefined>(2022);
  const res = useApi<Project[]>(`/api/flood/projects${qs({ kind, year })}`);
  const editing = useEditing<Project>(res.reload);
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
            <Button type="primary" icon={<PlusOutlined />} onClick={() => editing.edit('new')}>
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
            actionsColumn<Project>({ edit: can('flood.write') ? editing.edit : undefined, history: (r) => navigate(`/flood/projects/${r.id}`) }),
          ]}
        />
      </Card>
      {editing.open && <ProjectModal record={editing.record} onClose={editing.close} onSaved={editing.saved} />}
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

function ProjectModal({ record, onClose, onSaved }: RecordModalProps<Project>) {
  const streets = useStreets();
  const d = (s: string | null | undefined) => (s ? dayjs(s) : null);
  return (
    <RecordModal<Partial<Project>>
      title={record ? `修改项目 · ${record.name}` : '新建项目'}
      initialValues={record ? { ...record, startedOn: d(record.startedOn), completedOn: d(record.completedOn) } : { kind: '零星排水改造应急工程' }}
      save={(v) => (record ? floodApi.updateProject(record.id, record.version, clean(v)) : floodApi.createProject(clean(v)))}
      saved="项目已保存"
      onClose={onClose}
      onSaved={onSaved}
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
    </RecordModal>
  );
}
