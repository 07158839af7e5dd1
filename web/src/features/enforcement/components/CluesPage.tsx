import { useEffect, useState } from 'react';
import { App, Button, DatePicker, Form, Input, Select, Space, Tag, Tooltip } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import dayjs from 'dayjs';
import { api } from '../../../api/client';
import { useCan, useMe } from '../../../api/session';
import { PageTitle } from '../../../components/PageTitle';
import { DeadlineStatusTag } from '../../../components/DeadlineStatusTag';
import { FormModal } from '../../../components/FormModal';
import { CLUE_LIST, type Clue, type ClueEvent } from '../api';
import { useMeta, useOrgList } from '../hooks/useEnforcement';
import { RecordList, type RecordColumn } from '../../../components/RecordList';
import { yearTextSearch } from '../../../components/yearTextSearch';
import { useListQuery } from '../../../components/useListQuery';
import { NewCaseModal } from './NewCaseModal';
import { ViolationFields, violationBody, type ViolationValues } from './ViolationFields';

type ClueAction = Exclude<ClueEvent, 'file'>;
const CLUE_STATUSES = [
  { value: 'open', label: '待处理' },
  { value: 'transferred', label: '已移送（待签收）' },
  { value: 'case', label: '已立案' },
  { value: 'closed', label: '已办结（未立案）' },
];
const ACTION_LABELS: Record<ClueAction, string> = { transfer: '移送交办', receive: '签收', feedback: '反馈', close: '办结（不立案）' };

/**
 * 案件线索 — clues from patrols, 12345, petitions, reports, river chiefs and transfers; 移送交办 with
 * receipt and feedback. On the one list component: year and text searched, status, source and unit
 * as column filters, sort by number and date, the query in the URL, the export of the filtered clues.
 */
export function CluesPage() {
  const can = useCan();
  const write = can('enforcement.clue.write');
  const query = useListQuery();
  const [reloadKey, setReloadKey] = useState(0);
  const reload = () => setReloadKey((k) => k + 1);
  const meta = useMeta();
  const orgs = useOrgList();
  const [creating, setCreating] = useState(false);
  const [acting, setActing] = useState<{ clue: Clue; action: ClueAction } | null>(null);
  const [filing, setFiling] = useState<Clue | null>(null);
  const orgName = (id: string | null) => (id ? (orgs.data?.find((o) => o.id === id)?.name ?? '') : '');
  const { message } = App.useApp();
  const [pulling, setPulling] = useState(false);
  const pullHotline = async () => {
    setPulling(true);
    try {
      const taken = await api.post<Array<{ clueNo: string; orderNo: string }>>('/api/enforcement/clues/from-hotline', {});
      message.success(taken.length ? `已登记 ${taken.length} 条线索：${taken.map((t) => `${t.orderNo} → ${t.clueNo}`).join('；')}` : '没有待接收的12345线索');
      reload();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setPulling(false);
    }
  };
  const columns: RecordColumn<Clue>[] = [
    { key: 'clueNo', title: '线索编号', dataIndex: 'clueNo', width: 120, sortKey: 'clueNo', fixedShown: true },
    { key: 'receivedOn', title: '收到日期', dataIndex: 'receivedOn', width: 110, sortKey: 'receivedOn' },
    {
      key: 'source',
      title: '来源',
      dataIndex: 'source',
      width: 150,
      filter: { param: 'source', options: (meta.data?.sources ?? []).map((s) => ({ label: s, value: s })) },
      render: (s: string, r) => (
        <>
          {s}
          {r.sourceRef ? <div style={{ fontSize: 12, color: '#888' }}>{r.sourceRef}</div> : null}
        </>
      ),
    },
    { key: 'summary', title: '内容', dataIndex: 'summary', ellipsis: true, width: 260 },
    { key: 'location', title: '地点', dataIndex: 'location', width: 160, ellipsis: true, defaultHidden: true, render: (v: string | null) => v ?? '—' },
    { key: 'partyName', title: '涉嫌当事人', dataIndex: 'partyName', width: 180, ellipsis: true, defaultHidden: true, render: (v: string | null) => v ?? '—' },
    {
      key: 'limitation',
      title: '追责时效',
      dataIndex: 'limitation',
      width: 130,
      render: (l: Clue['limitation']) =>
        !l ? '—' : l.expired ? <Tag color="red">已超过（{l.lastDay}届满）</Tag> : <Tooltip title={l.text}>{l.lastDay}届满</Tooltip>,
    },
    {
      key: 'orgName',
      title: '办理单位',
      dataIndex: 'orgName',
      width: 120,
      filter: { param: 'orgId', options: (orgs.data ?? []).filter((o) => o.kind !== 'bureau').map((o) => ({ label: o.name, value: o.id })) },
      render: (v: string, r) => (
        <>
          {v}
          {r.fromOrgId ? <div style={{ fontSize: 12, color: '#888' }}>由{orgName(r.fromOrgId) || '其他单位'}移送</div> : null}
        </>
      ),
    },
    {
      key: 'status',
      title: '状态',
      dataIndex: 'statusLabel',
      width: 170,
      filter: { param: 'status', options: CLUE_STATUSES },
      render: (v: string, r) => (
        <Space size={4} wrap>
          <Tag>{v}</Tag>
          {r.transferDueOn && r.feedbackStatus ? (
            <>
              <DeadlineStatusTag status={r.feedbackStatus} />
              <span style={{ fontSize: 12 }}>反馈期限 {r.transferDueOn}</span>
            </>
          ) : null}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'ops',
      fixedShown: true,
      width: 240,
      render: (_, r) =>
        r.status === 'case' ? (
          r.caseId ? (
            <Link to={`/enforcement/cases/${r.caseId}`}>查看案件</Link>
          ) : null
        ) : write ? (
          <Space size={4} wrap>
            {r.actions
              .filter((a) => a.allowed)
              .map((a) => (
                <Button
                  key={a.event}
                  size="small"
                  type={a.event === 'file' || a.event === 'receive' ? 'primary' : 'default'}
                  onClick={() => (a.event === 'file' ? setFiling(r) : setActing({ clue: r, action: a.event }))}
                >
                  {a.label}
                </Button>
              ))}
            {!r.actions.some((a) => a.allowed) ? <span style={{ color: '#888', fontSize: 12 }}>由{r.orgName}办理</span> : null}
          </Space>
        ) : null,
    },
  ];
  return (
    <>
      <PageTitle
        title="案件线索"
        description="来源：巡查发现、12345、信访、举报、移送、河长制；12345工单转来的线索以工单号为“来源编号”。"
        extra={
          write ? (
            <Space>
              <Button onClick={pullHotline} loading={pulling}>
                接收12345转来的线索
              </Button>
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                登记线索
              </Button>
            </Space>
          ) : null
        }
      />
      <RecordList<Clue>
        listKey="enforcement.clues"
        query={query}
        endpoint={`${CLUE_LIST}/list`}
        exportEndpoint={`${CLUE_LIST}/export`}
        columns={columns}
        rowKey="id"
        unit="条"
        testId="clues-table"
        reloadKey={reloadKey}
        {...yearTextSearch({ yearLabel: '收到年度', placeholder: '线索编号、内容、地点、当事人' })}
      />
      {creating ? (
        <NewClueModal
          sources={meta.data?.sources ?? []}
          orgs={orgs.data ?? []}
          onClose={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            reload();
          }}
        />
      ) : null}
      {acting ? (
        <ClueActionModal
          {...acting}
          orgs={orgs.data ?? []}
          onClose={() => setActing(null)}
          onDone={() => {
            setActing(null);
            reload();
          }}
        />
      ) : null}
      {filing ? (
        <NewCaseModal
          clue={{
            id: filing.id,
            orgId: filing.orgId,
            source: filing.source,
            sourceRef: filing.sourceRef,
            partyName: filing.partyName,
            summary: filing.summary,
            partyAddress: filing.partyAddress,
            violationOn: filing.violationOn,
            violationEndedOn: filing.violationEndedOn,
            limitationSerious: filing.limitationSerious,
          }}
          onClose={() => setFiling(null)}
        />
      ) : null}
    </>
  );
}

function NewClueModal({
  sources,
  orgs,
  onClose,
  onDone,
}: {
  sources: string[];
  orgs: Array<{ id: string; name: string; kind: string }>;
  onClose(): void;
  onDone(): void;
}) {
  const me = useMe();
  const [form] = Form.useForm();
  // The values come with the dates as YYYY-MM-DD (FormModal); violationBody trims the address and reads the 5-year case.
  const register = (v: Record<string, unknown>) => {
    const { violationOn, violationEndedOn, ...rest } = v;
    return api.post('/api/enforcement/clues', {
      ...rest,
      ...violationBody(rest as ViolationValues),
      violationOn: violationOn ?? null,
      violationEndedOn: violationEndedOn ?? null,
    });
  };
  const defaultOrg = me.org?.kind === 'street' ? me.org.id : orgs.find((o) => o.name === '水政监察大队')?.id;
  // The unit list may arrive after the form opened: fill the default in then, unless the user chose one.
  useEffect(() => {
    if (defaultOrg && !form.getFieldValue('orgId')) form.setFieldValue('orgId', defaultOrg);
  }, [defaultOrg, form]);
  return (
    <FormModal
      title="登记线索"
      okText="登记"
      width={520}
      form={form}
      initialValues={{ receivedOn: dayjs(), source: '巡查发现', orgId: defaultOrg }}
      onSubmit={register}
      onDone={() => onDone()}
      onClose={onClose}
    >
      <Form.Item name="orgId" label="办理单位" rules={[{ required: true }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={orgs.filter((o) => o.kind !== 'bureau').map((o) => ({ value: o.id, label: o.name }))} />
      </Form.Item>
      <Form.Item name="source" label="来源" rules={[{ required: true }]}>
        <Select options={sources.map((s) => ({ value: s, label: s }))} />
      </Form.Item>
      <Form.Item name="sourceRef" label="来源编号（12345工单号、信访件号、移送函号等）">
        <Input />
      </Form.Item>
      <Form.Item name="receivedOn" label="收到日期" rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="summary" label="线索内容" rules={[{ required: true, message: '请填写线索内容' }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="location" label="地点">
        <Input />
      </Form.Item>
      <ViolationFields />
      <Form.Item name="partyName" label="涉嫌当事人">
        <Input />
      </Form.Item>
    </FormModal>
  );
}

function ClueActionModal({
  clue,
  action,
  orgs,
  onClose,
  onDone,
}: {
  clue: Clue;
  action: ClueAction;
  orgs: Array<{ id: string; name: string; kind: string }>;
  onClose(): void;
  onDone(): void;
}) {
  // The values come with the date as YYYY-MM-DD (FormModal).
  const act = (v: Record<string, unknown>) => api.post(`/api/enforcement/clues/${clue.id}/${action}`, { ...v, version: clue.version });
  return (
    <FormModal
      title={`${ACTION_LABELS[action]}：${clue.clueNo}`}
      okText="确定"
      width={520}
      initialValues={{ on: dayjs() }}
      onSubmit={act}
      onDone={() => onDone()}
      onClose={onClose}
    >
      {action === 'transfer' ? (
        <Form.Item name="toOrgId" label="接收单位（反馈期限15个工作日，可配置）" rules={[{ required: true, message: '请选择接收单位' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={orgs.filter((o) => o.id !== clue.orgId && o.kind !== 'bureau').map((o) => ({ value: o.id, label: o.name }))}
          />
        </Form.Item>
      ) : null}
      {action === 'feedback' ? (
        <Form.Item name="feedback" label="反馈内容" rules={[{ required: true, message: '请填写反馈内容' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      ) : null}
      {action === 'close' ? (
        <Form.Item name="reason" label="不予立案的理由" rules={[{ required: true, message: '请填写理由' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      ) : null}
      <Form.Item name="on" label="日期" rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
    </FormModal>
  );
}
