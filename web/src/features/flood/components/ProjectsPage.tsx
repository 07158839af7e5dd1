import { useMemo, useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router-dom';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { HistoryDrawer } from '../../../components/HistoryDrawer';
import { PageTitle } from '../../../components/PageTitle';
import { RecordList, type RecordColumn } from '../../../components/RecordList';
import { useListQuery } from '../../../components/useListQuery';
import { LatestYearHint } from '../../../components/useLatestYear';
import { floodApi, PROJECT_LIST, type Project, type ProjectKind } from '../api';
import { useOrgValue } from '../../../components/useOrgValue';
import { actionsColumn, clean, RecordModal, type RecordModalProps, useEditing, useLatestYearOf, useStreets, yearTextFields } from './common';

const KINDS: ProjectKind[] = ['内涝治理项目', '零星排水改造应急工程'];
const STATUSES = ['未开工', '实施中', '已完成'];

/**
 * 内涝治理项目 / 零星排水改造应急工程 on the one list component: year (started or completed in it) and
 * name in the search form, type, 所在街道 and status as column filters, sort by name and dates
 * (server-side), the query in the URL, and the export of exactly the filtered projects under the
 * 内涝治理项目 ledger's headers. It opens on the latest year with records; :id opens a record's history.
 */
export function ProjectsPage() {
  const latest = useLatestYearOf(PROJECT_LIST, { sort: 'startedOn', field: 'startedOn' });
  const query = useListQuery(latest.year !== null ? { year: String(latest.year) } : {});
  const [reloadKey, setReloadKey] = useState(0);
  const editing = useEditing<Project>(() => setReloadKey((k) => k + 1));
  const can = useCan();
  const historyId = useParams().id ?? null;
  const opened = useApi<Project>(historyId ? `${PROJECT_LIST}/${historyId}` : null);
  const navigate = useNavigate();
  const orgValue = useOrgValue();
  const streets = useStreets();
  const columns = useMemo<RecordColumn<Project>[]>(
    () => [
      { key: 'name', title: '名称', dataIndex: 'name', width: 300, sortKey: 'name', fixedShown: true, ellipsis: true },
      { key: 'kind', title: '类型', dataIndex: 'kind', width: 170, filter: { param: 'kind', options: KINDS.map((k) => ({ label: k, value: k })) } },
      {
        key: 'street',
        title: '所在街道',
        dataIndex: 'street',
        width: 110,
        render: (v: string | null) => v ?? '—',
        filter: { param: 'streetOrgId', options: streets },
      },
      { key: 'startedOn', title: '开始日期', dataIndex: 'startedOn', width: 110, sortKey: 'startedOn', render: (v: string | null) => v ?? '—' },
      { key: 'completedOn', title: '完成日期', dataIndex: 'completedOn', width: 110, sortKey: 'completedOn', render: (v: string | null) => v ?? '—' },
      {
        key: 'status',
        title: '状态',
        dataIndex: 'status',
        width: 90,
        render: (v: string | null) => v ?? '—',
        filter: { param: 'status', options: STATUSES.map((x) => ({ label: x, value: x })) },
      },
      { key: 'orgName', title: '所属单位', dataIndex: 'orgName', width: 130, defaultHidden: true },
      {
        ...actionsColumn<Project>({
          edit: can('flood.write') ? editing.edit : undefined,
          history: (r) => navigate(`/flood/projects/${r.id}${window.location.search}`),
        }),
        key: 'actions',
        title: '操作',
        fixedShown: true,
      },
    ],
    [can, editing.edit, navigate, streets],
  );
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
      {latest.loading ? <Card loading /> : null}
      {latest.loading ? null : (
        <RecordList<Project>
          listKey="flood.projects"
          query={query}
          endpoint={`${PROJECT_LIST}/list`}
          exportEndpoint={`${PROJECT_LIST}/export`}
          columns={columns}
          rowKey="id"
          unit="项"
          testId="projects-table"
          reloadKey={reloadKey}
          toolbar={query.values.year ? <LatestYearHint latest={latest} year={Number(query.values.year)} /> : null}
          {...yearTextFields({ yearLabel: '年度', placeholder: '项目名称' })}
        />
      )}
      {editing.open && <ProjectModal record={editing.record} onClose={editing.close} onSaved={editing.saved} />}
      <HistoryDrawer
        entity="flood.project"
        id={historyId}
        name={opened.data?.name}
        onClose={() => navigate(`/flood/projects${window.location.search}`)}
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
          <Select allowClear style={{ width: 110 }} options={STATUSES.map((x) => ({ value: x, label: x }))} />
        </Form.Item>
      </Space>
    </RecordModal>
  );
}
