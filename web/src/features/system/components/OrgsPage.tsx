import { useMemo, useState } from 'react';
import { Button, Card, Input, Space, Table, Tag } from 'antd';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router-dom';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { HistoryDrawer } from '../../../components/HistoryDrawer';
import { PageTitle } from '../../../components/PageTitle';
import { formatValue } from '../../../lib/format';
import type { Org, OrgKind } from '../api';
import { useOrgs, type OrgNode } from '../hooks/useOrgs';
import { ORG_FIELD_LABELS, ORG_KIND_COLORS, ORG_KIND_LABELS } from '../labels';
import { OrgFormModal } from './OrgFormModal';

/** 单位管理 — the org tree in the user's data scope; admins create and edit; every row has its history. */
export function OrgsPage() {
  const can = useCan();
  const manage = can('system.orgs.manage');
  const orgs = useOrgs();
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<Org | 'new' | null>(null);
  // /system/orgs/:id opens the record's history (the page metrics drill-downs and the audit log link to).
  const historyId = useParams().id ?? null;
  const navigate = useNavigate();

  const rows = useMemo(() => filterTree(orgs.tree, search.trim()), [orgs.tree, search]);
  const renderValue = (field: string, v: unknown) => {
    if (field === 'kind' && typeof v === 'string') return ORG_KIND_LABELS[v as OrgKind] ?? v;
    if ((field === 'parentId' || field === 'parent_id') && typeof v === 'string') return orgs.byId.get(v)?.name ?? v;
    return formatValue(v);
  };

  return (
    <>
      <PageTitle
        title="单位管理"
        description="本局、科室与街道；街道用户仅可见本街道。"
        extra={
          <>
            <Input.Search
              placeholder="按单位名称筛选"
              allowClear
              onSearch={setSearch}
              onChange={(e) => !e.target.value && setSearch('')}
              style={{ width: 220 }}
            />
            <Button icon={<ReloadOutlined />} onClick={orgs.reload}>
              刷新
            </Button>
            {manage ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
                新建单位
              </Button>
            ) : null}
          </>
        }
      />
      <ErrorAlert error={orgs.error} onRetry={orgs.reload} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<OrgNode>
          key={orgs.data ? 'loaded' : 'loading'}
          rowKey="id"
          size="middle"
          loading={orgs.loading}
          dataSource={rows}
          pagination={false}
          expandable={{ defaultExpandAllRows: true }}
          data-testid="orgs-table"
          columns={[
            { title: '单位名称', dataIndex: 'name' },
            { title: '类型', dataIndex: 'kind', width: 90, render: (k: OrgKind) => <Tag color={ORG_KIND_COLORS[k]}>{ORG_KIND_LABELS[k] ?? k}</Tag> },
            { title: '统一社会信用代码', dataIndex: 'uscc', width: 210, render: (v: string | null) => v ?? '—' },
            { title: '行政区划代码', dataIndex: 'divisionCode', width: 140, render: (v: string | null) => v ?? '—' },
            { title: '排序', dataIndex: 'sort', width: 70 },
            {
              title: '操作',
              key: 'actions',
              width: 130,
              render: (_, o) => (
                <Space size={4}>
                  {manage ? (
                    <Button type="link" size="small" onClick={() => setEditing(o)}>
                      编辑
                    </Button>
                  ) : null}
                  <Button type="link" size="small" onClick={() => navigate(`/system/orgs/${o.id}`)}>
                    历史
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing ? (
        <OrgFormModal
          org={editing === 'new' ? null : editing}
          tree={orgs.tree}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            orgs.reload();
          }}
          onStale={orgs.reload}
        />
      ) : null}
      <HistoryDrawer
        entity="org"
        id={historyId}
        name={historyId ? orgs.byId.get(historyId)?.name : undefined}
        onClose={() => navigate('/system/orgs')}
        fieldLabels={ORG_FIELD_LABELS}
        renderValue={renderValue}
      />
    </>
  );
}

/** Keeps nodes whose name contains the text, with their ancestors. */
function filterTree(nodes: OrgNode[], text: string): OrgNode[] {
  if (!text) return nodes;
  const out: OrgNode[] = [];
  for (const n of nodes) {
    const children = n.children ? filterTree(n.children, text) : [];
    if (n.name.includes(text) || children.length) out.push({ ...n, children: children.length ? children : undefined });
  }
  return out;
}
