import { useState } from 'react';
import { Button, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { useCan } from '../../../api/session';
import { HistoryDrawer } from '../../../components/HistoryDrawer';
import { PageTitle } from '../../../components/PageTitle';
import { RecordList, type RecordColumn } from '../../../components/RecordList';
import { textSearch } from '../../../components/yearTextSearch';
import { useListQuery } from '../../../components/useListQuery';
import { formatValue } from '../../../lib/format';
import { ORG_LIST, type Org, type OrgKind, type OrgListRow } from '../api';
import { useOrgs } from '../hooks/useOrgs';
import { ORG_FIELD_LABELS, ORG_KIND_COLORS, ORG_KIND_LABELS } from '../labels';
import { OrgFormModal } from './OrgFormModal';

/**
 * 单位管理 — the orgs in the user's data scope on the one list component: name, 统一社会信用代码 or 行政区划代码
 * in the search form, kind and parent as column filters, sort by name, kind and sort order (server-side),
 * page size, the query in the URL, the export of the filtered orgs under the orgs ledger's headers. Admins
 * create and edit; every row has its history. The pickers elsewhere keep the unpaged `/api/orgs`.
 */
export function OrgsPage() {
  const can = useCan();
  const manage = can('system.orgs.manage');
  // Orgs are few: a page of 50 shows a bureau's all.
  const query = useListQuery({}, 50);
  const [reloadKey, setReloadKey] = useState(0);
  const orgs = useOrgs();
  const reload = () => {
    setReloadKey((k) => k + 1);
    orgs.reload();
  };
  const [editing, setEditing] = useState<Org | 'new' | null>(null);
  // /system/orgs/:id opens the record's history (the page metrics drill-downs and the audit log link to).
  const historyId = useParams().id ?? null;
  const navigate = useNavigate();

  const renderValue = (field: string, v: unknown) => {
    if (field === 'kind' && typeof v === 'string') return ORG_KIND_LABELS[v as OrgKind] ?? v;
    if ((field === 'parentId' || field === 'parent_id') && typeof v === 'string') return orgs.byId.get(v)?.name ?? v;
    return formatValue(v);
  };
  // The parent filter offers the orgs that are someone's parent.
  const parents = [...new Set((orgs.data ?? []).map((o) => o.parentId).filter((id): id is string => !!id))]
    .map((id) => orgs.byId.get(id))
    .filter((o): o is Org => !!o);

  const columns: RecordColumn<OrgListRow>[] = [
    { key: 'name', title: '单位名称', dataIndex: 'name', width: 220, sortKey: 'name', fixedShown: true },
    {
      key: 'kind',
      title: '类型',
      dataIndex: 'kind',
      width: 90,
      sortKey: 'kind',
      filter: { param: 'kind', options: (Object.keys(ORG_KIND_LABELS) as OrgKind[]).map((k) => ({ label: ORG_KIND_LABELS[k], value: k })) },
      render: (k: OrgKind) => <Tag color={ORG_KIND_COLORS[k]}>{ORG_KIND_LABELS[k] ?? k}</Tag>,
    },
    {
      key: 'parentName',
      title: '上级单位',
      dataIndex: 'parentName',
      width: 200,
      ellipsis: true,
      filter: { param: 'parentId', options: parents.map((o) => ({ label: o.name, value: o.id })) },
      render: (v: string | null) => v ?? '—',
    },
    { key: 'uscc', title: '统一社会信用代码', dataIndex: 'uscc', width: 200, render: (v: string | null) => v ?? '—' },
    { key: 'divisionCode', title: '行政区划代码', dataIndex: 'divisionCode', width: 130, render: (v: string | null) => v ?? '—' },
    { key: 'sort', title: '排序', dataIndex: 'sort', width: 80, sortKey: 'sort' },
    {
      key: 'actions',
      title: '操作',
      width: 130,
      fixedShown: true,
      render: (_, o) => (
        <Space size={4}>
          {manage ? (
            <Button type="link" size="small" onClick={() => setEditing(o)}>
              编辑
            </Button>
          ) : null}
          <Button type="link" size="small" onClick={() => navigate(`/system/orgs/${o.id}${window.location.search}`)}>
            历史
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageTitle
        title="单位管理"
        description="本局、科室与街道；街道用户仅可见本街道。"
        extra={
          manage ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              新建单位
            </Button>
          ) : null
        }
      />
      <RecordList<OrgListRow>
        listKey="system.orgs"
        query={query}
        endpoint={`${ORG_LIST}/list`}
        exportEndpoint={`${ORG_LIST}/export`}
        columns={columns}
        rowKey="id"
        unit="个"
        testId="orgs-table"
        reloadKey={reloadKey}
        {...textSearch({ placeholder: '单位名称、统一社会信用代码或行政区划代码', width: 300 })}
      />
      {editing ? (
        <OrgFormModal
          org={editing === 'new' ? null : editing}
          tree={orgs.tree}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            reload();
          }}
          onStale={reload}
        />
      ) : null}
      <HistoryDrawer
        entity="org"
        id={historyId}
        name={historyId ? orgs.byId.get(historyId)?.name : undefined}
        onClose={() => navigate(`/system/orgs${window.location.search}`)}
        fieldLabels={ORG_FIELD_LABELS}
        renderValue={renderValue}
      />
    </>
  );
}
