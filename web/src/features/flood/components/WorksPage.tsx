import { useMemo, useState } from 'react';
import { Button, Card, DatePicker, Form, Input, InputNumber, Select, Space, Tag } from 'antd';
import { GlobalOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router-dom';
import { useApi } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormModal } from '../../../components/FormModal';
import { HistoryDrawer } from '../../../components/HistoryDrawer';
import { PageTitle } from '../../../components/PageTitle';
import { RecordList, type RecordColumn } from '../../../components/RecordList';
import { useListQuery } from '../../../components/useListQuery';
import { textSearch } from '../../../components/yearTextSearch';
import { floodApi, type Disclosure, type Person, WORK_LIST, type Work } from '../api';
import { useOrgValue } from '../../../components/useOrgValue';
import { actionsColumn, RecordModal, type RecordModalProps, useEditing, useStreets } from './common';

const ROLES = [
  ['admin', '行政责任人'],
  ['tech', '技术责任人'],
  ['patrol', '巡查责任人'],
] as const;
const personText = (p: Person) => (
  <>
    {p.name}
    {p.post ? <span style={{ color: '#999' }}>（{p.post}）</span> : null}
    {p.phone ? <div style={{ color: '#666' }}>{p.phone}</div> : null}
  </>
);

const WORK_KINDS = ['泵站', '水闸', '堤防', '水库', '其他'];

/**
 * 水利工程“三个责任人” — the works on the one list component (text search, type and unit as column
 * filters, sort by name and type, the query in the URL, the export of exactly the filtered works under
 * the 水利工程防汛责任人 ledger's headers, phones masked for readers), changes with their reason
 * (history), and the annual public disclosure before the flood season. Works have no year: the list
 * shows them all.
 */
export function WorksPage() {
  const res = useApi<{ works: Work[]; disclosures: Disclosure[]; actions: { edit: boolean; publish: boolean } }>(WORK_LIST);
  const query = useListQuery();
  const [reloadKey, setReloadKey] = useState(0);
  const editing = useEditing<Work>(() => setReloadKey((k) => k + 1));
  const [publishing, setPublishing] = useState(false);
  const historyId = useParams().id ?? null;
  const navigate = useNavigate();
  const orgValue = useOrgValue();
  const units = useApi<Array<{ id: string; name: string }>>('/api/orgs');
  const d = res.data;
  const canEdit = !!d?.actions.edit;
  const columns = useMemo<RecordColumn<Work>[]>(
    () => [
      { key: 'name', title: '工程名称', dataIndex: 'name', width: 200, sortKey: 'name', fixedShown: true },
      {
        key: 'kind',
        title: '类型',
        dataIndex: 'kind',
        width: 80,
        sortKey: 'kind',
        filter: { param: 'kind', options: WORK_KINDS.map((k) => ({ label: k, value: k })) },
      },
      {
        key: 'orgName',
        title: '所属单位',
        dataIndex: 'orgName',
        width: 120,
        filter: { param: 'orgId', options: (units.data ?? []).map((o) => ({ label: o.name, value: o.id })) },
      },
      { key: 'location', title: '位置', dataIndex: 'location', width: 140, defaultHidden: true, render: (v: string | null) => v ?? '—' },
      ...ROLES.map(([k, label]) => ({ key: k, title: label, width: 160, render: (_: unknown, w: Work) => personText(w[k]) })),
      {
        ...actionsColumn<Work>({
          edit: canEdit ? editing.edit : undefined,
          editLabel: '变更',
          history: (w) => navigate(`/flood/works/${w.id}${window.location.search}`),
        }),
        key: 'actions',
        title: '操作',
        fixedShown: true,
      },
    ],
    [canEdit, editing.edit, navigate, units.data],
  );
  return (
    <>
      <PageTitle
        title="防汛责任人"
        description="水利工程行政、技术、巡查“三个责任人”；名单于汛前向社会公示（电话脱敏），此后的变更记入历史并在公示页列出。"
        extra={
          <>
            <Button icon={<GlobalOutlined />} href="/public/flood/responsible-persons" target="_blank">
              公众公示页
            </Button>
            {d?.actions.publish && <Button onClick={() => setPublishing(true)}>公示本年度名单</Button>}
            {d?.actions.edit && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => editing.edit('new')}>
                新增工程
              </Button>
            )}
          </>
        }
      />
      <ErrorAlert error={res.error} onRetry={res.reload} />
      <Card size="small" title="年度公示" style={{ marginBottom: 16 }}>
        <Space wrap>
          {(d?.disclosures ?? []).map((x) => (
            <Tag key={x.year} color={x.onTime ? 'green' : 'orange'}>
              {x.year}年度：{x.publishedOn} 公示{x.onTime ? '（汛前）' : `（晚于汛期开始 ${x.seasonStartsOn}）`}
            </Tag>
          ))}
          {d && !d.disclosures.length && <span>尚未公示</span>}
        </Space>
      </Card>
      <RecordList<Work>
        listKey="flood.works"
        query={query}
        endpoint={`${WORK_LIST}/list`}
        exportEndpoint={`${WORK_LIST}/export`}
        columns={columns}
        rowKey="id"
        unit="处"
        testId="works-table"
        reloadKey={reloadKey}
        {...textSearch({ placeholder: '工程名称、位置或责任人', width: 240 })}
      />
      {editing.open && <WorkModal record={editing.record} onClose={editing.close} onSaved={editing.saved} />}
      {publishing && (
        <PublishModal
          onClose={() => setPublishing(false)}
          onSaved={() => {
            setPublishing(false);
            res.reload();
          }}
        />
      )}
      <HistoryDrawer
        entity="flood.work"
        id={historyId}
        name={d?.works.find((w) => w.id === historyId)?.name}
        onClose={() => navigate(`/flood/works${window.location.search}`)}
        renderValue={orgValue}
      />
    </>
  );
}

type WorkForm = Partial<Record<'admin' | 'tech' | 'patrol', Partial<Person>>> & Record<string, unknown>;

function WorkModal({ record: work, onClose, onSaved }: RecordModalProps<Work>) {
  const streets = useStreets();
  /** A change leaves a phone not typed again as it is. */
  const keepPhones = (v: WorkForm) => {
    for (const [k] of ROLES) {
      const person = v[k];
      if (person && !person.phone) delete person.phone;
    }
    return v;
  };
  return (
    <RecordModal<WorkForm>
      title={work ? `变更责任人 · ${work.name}` : '新增水利工程'}
      width={720}
      initialValues={
        work
          ? {
              ...work,
              admin: { ...work.admin, phone: '' },
              tech: { ...work.tech, phone: '' },
              patrol: { ...work.patrol, phone: '' },
              orgId: streets.some((s) => s.value === work.orgId) ? work.orgId : undefined,
            }
          : { kind: '泵站' }
      }
      save={(v) => (work ? floodApi.updateWork(work.id, work.version, keepPhones(v)) : floodApi.createWork(v))}
      onClose={onClose}
      onSaved={onSaved}
    >
      <Space wrap>
        <Form.Item name="name" label="工程名称" rules={[{ required: true, message: '请输入工程名称' }]}>
          <Input style={{ width: 220 }} />
        </Form.Item>
        <Form.Item name="kind" label="类型" rules={[{ required: true }]}>
          <Select style={{ width: 100 }} options={['泵站', '水闸', '堤防', '水库', '其他'].map((x) => ({ value: x, label: x }))} />
        </Form.Item>
        <Form.Item name="orgId" label="所在街道">
          <Select allowClear style={{ width: 140 }} options={streets} />
        </Form.Item>
        <Form.Item name="location" label="位置">
          <Input style={{ width: 180 }} />
        </Form.Item>
      </Space>
      {ROLES.map(([k, label]) => (
        <Space key={k} wrap>
          <Form.Item name={[k, 'name']} label={`${label}姓名`} rules={[{ required: true, message: `请填写${label}` }]}>
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name={[k, 'post']} label="职务">
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name={[k, 'phone']} label="电话" extra={work ? '留空或保持原样则不修改' : undefined}>
            <Input style={{ width: 160 }} placeholder={work?.[k].phone ?? ''} />
          </Form.Item>
        </Space>
      ))}
      {work && (
        <Form.Item name="reason" label="变更原因">
          <Input />
        </Form.Item>
      )}
    </RecordModal>
  );
}

/** 公示防汛责任人名单 — the year's list made public (before the flood season). */
function PublishModal({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  return (
    <FormModal<Disclosure>
      title="公示防汛责任人名单"
      okText="公示"
      width={520}
      initialValues={{ year: dayjs().year(), publishedOn: dayjs() }}
      onSubmit={(v) => floodApi.publish(v as { year: number; publishedOn: string; note?: string })}
      onDone={onSaved}
      onClose={onClose}
      testId="works-publish-form"
    >
      <Form.Item name="year" label="年度" rules={[{ required: true }]}>
        <InputNumber min={2000} max={2100} />
      </Form.Item>
      <Form.Item name="publishedOn" label="公示日期" rules={[{ required: true }]} extra="应在汛期开始（4月1日）前公示">
        <DatePicker />
      </Form.Item>
      <Form.Item name="note" label="说明">
        <Input />
      </Form.Item>
    </FormModal>
  );
}
