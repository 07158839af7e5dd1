import { useMemo, useState } from 'react';
import { Button, Checkbox, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, Radio, Select, Steps, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { PageTitle, useRecordCrumb } from '../../../components/PageTitle';
import { RecordList, type RecordColumn } from '../../../components/RecordList';
import { useListQuery } from '../../../components/useListQuery';
import { yearTextSearch } from '../../../components/yearTextSearch';
import { RecordHistory } from '../../../components/RecordHistory';
import { WorkflowActions } from '../../../components/WorkflowActions';
import { DeadlineStatusTag } from '../../../components/DeadlineStatusTag';
import {
  CLEANUP_OUTCOMES,
  type DocumentAction,
  type DocumentEvent,
  DOCUMENT_KINDS,
  DOCUMENT_LIST,
  DOCUMENT_STAGE_LABELS,
  type LegalDocument,
  type NormativeStatus,
} from '../api';
import { FormModal } from '../../../components/FormModal';

const STATUS_COLOR: Record<NormativeStatus, string> = { 现行有效: 'green', 已废止: 'default', 已失效: 'orange' };

/** The normative lifecycle's steps as the page shows them (国办发〔2018〕37号). */
const NORMATIVE_STEPS = [
  { stages: ['drafting'], title: '起草' },
  { stages: ['commenting'], title: '公开征求意见' },
  { stages: ['submitted', 'reviewed'], title: '合法性审核' },
  { stages: ['deliberated'], title: '集体审议' },
  { stages: ['published'], title: '统一编号公布' },
  { stages: ['repealed'], title: '废止' },
] as const;

function NormativeSteps({ doc }: { doc: LegalDocument }) {
  const current = NORMATIVE_STEPS.findIndex((s) => (s.stages as readonly string[]).includes(doc.status));
  return (
    <Steps size="small" current={current} style={{ marginBottom: 16 }} items={NORMATIVE_STEPS.map((s) => ({ title: s.title }))} data-testid="normative-steps" />
  );
}

const dash = (v: string | null | undefined) => v ?? '—';

function NormativeDetails({ doc }: { doc: LegalDocument }) {
  return (
    <>
      <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
        <Descriptions.Item label="起草日期">{dash(doc.draftedOn)}</Descriptions.Item>
        <Descriptions.Item label="公开征求意见">
          {doc.commentFrom ? `${doc.commentFrom} 至 ${doc.commentUntil}（${doc.commentChannel ?? ''}）` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="意见采纳情况">{dash(doc.commentSummary)}</Descriptions.Item>
        <Descriptions.Item label="集体审议">{doc.deliberatedOn ? `${doc.deliberatedOn} ${doc.deliberation ?? ''}` : '—'}</Descriptions.Item>
        <Descriptions.Item label="统一编号">{dash(doc.docNo)}</Descriptions.Item>
        <Descriptions.Item label="公布日期">{dash(doc.issuedOn)}</Descriptions.Item>
        <Descriptions.Item label="备案">
          {doc.filedOn ? `${doc.filedOn} 报送（${doc.filedOnTime ? '按期' : '逾期'}）` : doc.filingDue ? `未报送，期限 ${doc.filingDue}` : '—'}
        </Descriptions.Item>
        <Descriptions.Item label="有效期至">{doc.validUntil ? `${doc.validUntil}（届满前评估提醒：${doc.expiryReminderOn ?? '—'}）` : '—'}</Descriptions.Item>
        <Descriptions.Item label="文件状态">
          {doc.publicStatus ? <Tag color={STATUS_COLOR[doc.publicStatus]}>{doc.publicStatus}</Tag> : '未公布'}
        </Descriptions.Item>
        {doc.repealedOn ? <Descriptions.Item label="废止">{`${doc.repealedOn}：${doc.repealReason ?? ''}`}</Descriptions.Item> : null}
      </Descriptions>
      {doc.deadlines.length ? (
        <Table
          size="small"
          rowKey="key"
          pagination={false}
          style={{ marginBottom: 16 }}
          dataSource={doc.deadlines}
          data-testid="document-deadlines"
          columns={[
            { title: '期限', dataIndex: 'label', width: 120 },
            { title: '届满日', dataIndex: 'due', width: 110 },
            { title: '状态', dataIndex: 'status', width: 90, render: (s) => <DeadlineStatusTag status={s} /> },
            { title: '依据', dataIndex: 'source', render: (v: string) => <Typography.Text style={{ fontSize: 12 }}>{v}</Typography.Text> },
          ]}
        />
      ) : null}
      {doc.cleanups?.length ? (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          style={{ marginBottom: 16 }}
          dataSource={doc.cleanups}
          columns={[
            { title: '清理日期', dataIndex: 'cleanedOn', width: 110 },
            { title: '结论', dataIndex: 'outcome', width: 90 },
            { title: '理由', dataIndex: 'reason' },
          ]}
        />
      ) : null}
    </>
  );
}

/** One form per step; each posts to its route with the document's version. */
function StepForm({ doc, step, onClose, onDone }: { doc: LegalDocument; step: DocumentEvent; onClose(): void; onDone(): void }) {
  const post = (path: string) => (v: Record<string, unknown>) => api.post(`/api/legal/documents/${doc.id}/${path}`, { ...v, version: doc.version });
  const normative = doc.kind === '规范性文件';
  const common = { onClose, onDone };
  const days = doc.terms?.find((t) => t.key === 'legal.normative.comment')?.n ?? 30;
  switch (step) {
    case 'openComment':
      return (
        <FormModal title="公开征求意见" initialValues={{ from: dayjs(), until: dayjs().add(days, 'day') }} onSubmit={post('comment')} {...common}>
          <Form.Item name="from" label="起始日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="until" label="截止日期" extra={`期限不少于${days}日（本局设置，可配置）`} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="channel" label="征求意见方式" rules={[{ required: true, message: '请填写征求意见方式' }]}>
            <Input maxLength={300} placeholder="如：区政府门户网站公开征求意见" />
          </Form.Item>
        </FormModal>
      );
    case 'submit':
      return (
        <FormModal title="送合法性审核" initialValues={{ submittedOn: dayjs() }} onSubmit={post('submit')} {...common}>
          <Form.Item name="submittedOn" label="送审日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="commentSummary" label="意见采纳情况" rules={[{ required: true, message: '请填写意见采纳情况' }]}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </FormModal>
      );
    case 'review':
      return (
        <FormModal
          title="合法性审查意见"
          initialValues={{ reviewedOn: dayjs(), result: '同意', checklist: Object.fromEntries((doc.checklist ?? []).map((c) => [c.key, true])) }}
          onSubmit={post('review')}
          {...common}
        >
          <Form.Item name="reviewedOn" label="审查日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          {normative
            ? (doc.checklist ?? []).map((c) => (
                <Form.Item key={c.key} name={['checklist', c.key]} valuePropName="checked" style={{ marginBottom: 4 }}>
                  <Checkbox>{c.label}</Checkbox>
                </Form.Item>
              ))
            : null}
          {normative ? (
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              审核要点：{doc.checklistSource}；未勾选的要点视为未通过，结论不能为“同意”。
            </Typography.Paragraph>
          ) : null}
          <Form.Item name="result" label="审查结论">
            <Radio.Group options={['同意', '存在问题']} />
          </Form.Item>
          <Form.Item name="opinion" label="书面审查意见" rules={[{ required: true, message: '请填写审查意见' }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </FormModal>
      );
    case 'deliberate':
      return (
        <FormModal title="集体审议" initialValues={{ deliberatedOn: dayjs(), meeting: '局长办公会议' }} onSubmit={post('deliberate')} {...common}>
          <Form.Item name="deliberatedOn" label="审议日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="meeting" label="审议会议" rules={[{ required: true, message: '请填写审议会议' }]}>
            <Input maxLength={300} />
          </Form.Item>
        </FormModal>
      );
    case 'publish':
      return (
        <FormModal title="统一编号公布" initialValues={{ publishedOn: dayjs(), validYears: 5 }} onSubmit={post('publish')} {...common}>
          <Form.Item name="publishedOn" label="公布日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="numberPrefix" label="文号前缀" extra="留空则沿用本局上一次使用的前缀；编号按年度顺延，由系统统一编号">
            <Input maxLength={20} placeholder="如：天水规" />
          </Form.Item>
          <Form.Item name="validYears" label="有效期（年）" extra="默认5年（本局设置，可配置）">
            <InputNumber min={1} max={5} />
          </Form.Item>
        </FormModal>
      );
    case 'file':
      return (
        <FormModal title="报送备案" initialValues={{ filedOn: dayjs() }} onSubmit={post('file')} {...common}>
          <Form.Item
            name="filedOn"
            label="报送区人民政府备案日期"
            extra={doc.filingDue ? `备案期限：${doc.filingDue}` : undefined}
            rules={[{ required: true }]}
          >
            <DatePicker />
          </Form.Item>
        </FormModal>
      );
    case 'clean':
      return (
        <FormModal title="清理" initialValues={{ cleanedOn: dayjs(), outcome: '继续有效' }} onSubmit={post('clean')} {...common}>
          <Form.Item name="cleanedOn" label="清理日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="outcome" label="清理结论" extra="结论为“废止”的，文件即行废止；“修改”的另行起草修订稿">
            <Radio.Group options={[...CLEANUP_OUTCOMES]} />
          </Form.Item>
          <Form.Item name="reason" label="理由" rules={[{ required: true, message: '请填写清理理由' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </FormModal>
      );
    case 'repeal':
      return (
        <FormModal title="废止" initialValues={{ repealedOn: dayjs() }} onSubmit={post('repeal')} {...common}>
          <Form.Item name="repealedOn" label="废止日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="reason" label="废止理由" rules={[{ required: true, message: '请填写废止理由' }]}>
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </FormModal>
      );
    case 'issue':
      return (
        <FormModal title="印发 / 提交决策" initialValues={{ issuedOn: dayjs() }} onSubmit={post('issue')} {...common}>
          <Form.Item name="issuedOn" label="日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="docNo" label="文号">
            <Input maxLength={100} />
          </Form.Item>
        </FormModal>
      );
  }
}

const orDash = (v: string | null) => v ?? '—';
const TITLE_CELL = { display: 'block', maxWidth: 304, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;

/**
 * 规范性文件与合法性审查 — normative documents through their lifecycle (起草 → 公开征求意见 → 合法性审核 →
 * 集体审议 → 统一编号公布 → 备案 → 清理 / 废止), major decisions and 三重一大 matters reviewed before they are made.
 * On the one list component: year (送审/起草) and text (文号, 名称) in the search form, kind, unit and stage as
 * column filters, sort by the dates, 文号 and 名称 (server-side), the query in the URL (kept while a document's
 * drawer is open), and the export of exactly the filtered documents under the 行政规范性文件登记台账's headers.
 */
export function DocumentsPage() {
  const can = useCan();
  const navigate = useNavigate();
  const { search } = useLocation();
  const openId = useParams().id ?? null;
  const query = useListQuery();
  const units = useApi<Array<{ id: string; name: string }>>('/api/orgs');
  const [reloadKey, setReloadKey] = useState(0);
  const [modal, setModal] = useState<null | 'new' | { doc: LegalDocument; step: DocumentEvent }>(null);
  const detail = useApi<LegalDocument>(openId ? `/api/legal/documents/${openId}` : null);
  useRecordCrumb(openId ? detail.data?.title : null);
  const done = () => {
    setModal(null);
    setReloadKey((k) => k + 1);
    detail.reload();
  };
  const columns = useMemo<RecordColumn<LegalDocument>[]>(() => {
    // A document opens in the drawer with the list's query kept (closing it shows the same page of the list).
    const open = (id: string) => ({ pathname: `/legal/documents/${id}`, search });
    return [
      {
        key: 'kind',
        title: '类别',
        dataIndex: 'kind',
        width: 110,
        filter: { param: 'kind', options: DOCUMENT_KINDS.map((k) => ({ label: k, value: k })) },
      },
      {
        key: 'title',
        title: '名称',
        dataIndex: 'title',
        width: 320,
        ellipsis: true,
        sortKey: 'title',
        fixedShown: true,
        render: (v: string, d) => (
          <Link to={open(d.id)} title={v} style={TITLE_CELL}>
            {v}
          </Link>
        ),
      },
      {
        key: 'docNo',
        title: '文号',
        dataIndex: 'docNo',
        width: 150,
        sortKey: 'docNo',
        render: (v: string | null, d) => (v ? <Link to={open(d.id)}>{v}</Link> : '—'),
      },
      {
        key: 'orgName',
        title: '承办单位',
        dataIndex: 'orgName',
        width: 130,
        defaultHidden: true,
        render: orDash,
        filter: { param: 'orgId', options: (units.data ?? []).map((o) => ({ label: o.name, value: o.id })) },
      },
      { key: 'submittedOn', title: '送审日期', dataIndex: 'submittedOn', width: 110, sortKey: 'submittedOn' },
      {
        key: 'reviewResult',
        title: '审查结论',
        dataIndex: 'reviewResult',
        width: 100,
        render: (v: string | null) => (v ? <Tag color={v === '同意' ? 'green' : 'red'}>{v}</Tag> : '—'),
      },
      { key: 'reviewedOn', title: '审查日期', dataIndex: 'reviewedOn', width: 110, sortKey: 'reviewedOn', defaultHidden: true, render: orDash },
      { key: 'issuedOn', title: '公布/决策', dataIndex: 'issuedOn', width: 110, sortKey: 'issuedOn', render: orDash },
      {
        key: 'status',
        title: '状态',
        dataIndex: 'statusLabel',
        width: 150,
        filter: { param: 'status', options: Object.entries(DOCUMENT_STAGE_LABELS).map(([value, label]) => ({ label, value })) },
        render: (v: string, d) => (d.publicStatus ? <Tag color={STATUS_COLOR[d.publicStatus]}>{d.publicStatus}</Tag> : v),
      },
    ];
  }, [units.data, search]);
  return (
    <>
      <PageTitle
        title="规范性文件与合法性审查"
        description="行政规范性文件经公开征求意见、合法性审核、集体审议后统一编号公布，公布后报送备案并定期清理（国办发〔2018〕37号）；未经合法性审查或经审查不合法的，不得提交集体审议或决策机关讨论（国办发〔2018〕115号；重大行政决策程序暂行条例第二十五条）。"
        extra={
          can('legal.write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal('new')}>
              起草 / 送审
            </Button>
          ) : null
        }
      />
      <RecordList<LegalDocument>
        listKey="legal.documents"
        query={query}
        endpoint={`${DOCUMENT_LIST}/list`}
        exportEndpoint={`${DOCUMENT_LIST}/export`}
        columns={columns}
        rowKey="id"
        unit="件"
        testId="documents-table"
        reloadKey={reloadKey}
        {...yearTextSearch({ yearLabel: '送审年度', placeholder: '文号、名称' })}
      />
      <Drawer
        open={!!openId}
        onClose={() => navigate({ pathname: '/legal/documents', search })}
        size={720}
        title={detail.data?.title ?? '文件'}
        destroyOnHidden
      >
        {detail.data ? (
          <>
            <div style={{ marginBottom: 16 }}>
              <WorkflowActions<DocumentAction>
                actions={detail.data.actions}
                testId="document-actions"
                primary={(a) => a.to !== null && a.event !== 'repeal'}
                onAct={(a) => setModal({ doc: detail.data!, step: a.event })}
              />
            </div>
            {detail.data.kind === '规范性文件' ? <NormativeSteps doc={detail.data} /> : null}
            <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label="类别">{detail.data.kind}</Descriptions.Item>
              <Descriptions.Item label="承办单位">{detail.data.orgName}</Descriptions.Item>
              <Descriptions.Item label="送审日期">{detail.data.submittedOn}</Descriptions.Item>
              <Descriptions.Item label="审查">
                {detail.data.reviewedOn ? `${detail.data.reviewedOn} ${detail.data.reviewer ?? ''}：${detail.data.reviewResult}` : '未审查'}
              </Descriptions.Item>
              <Descriptions.Item label="审查意见">{detail.data.reviewOpinion ?? '—'}</Descriptions.Item>
              {detail.data.kind !== '规范性文件' ? (
                <Descriptions.Item label="印发/决策">{detail.data.issuedOn ? `${detail.data.issuedOn} ${detail.data.docNo ?? ''}` : '—'}</Descriptions.Item>
              ) : null}
            </Descriptions>
            {detail.data.kind === '规范性文件' ? <NormativeDetails doc={detail.data} /> : null}
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {detail.data.reviewSource}
            </Typography.Paragraph>
            <RecordHistory key={detail.data.version} entity="legal.document" id={detail.data.id} />
          </>
        ) : null}
      </Drawer>
      {modal === 'new' ? (
        <FormModal
          title="起草 / 送审"
          initialValues={{ kind: '规范性文件', submittedOn: dayjs() }}
          onSubmit={(v) => api.post('/api/legal/documents', v)}
          onClose={() => setModal(null)}
          onDone={done}
        >
          <Form.Item name="kind" label="类别">
            <Select options={DOCUMENT_KINDS.map((k) => ({ value: k, label: k }))} />
          </Form.Item>
          <Form.Item name="title" label="名称" rules={[{ required: true, message: '请填写名称' }]}>
            <Input maxLength={300} />
          </Form.Item>
          <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
            {({ getFieldValue }) => (
              <Form.Item
                name="submittedOn"
                label={getFieldValue('kind') === '规范性文件' ? '起草日期' : '送审日期'}
                extra={getFieldValue('kind') === '规范性文件' ? '规范性文件先登记起草，再公开征求意见、送合法性审核' : undefined}
                rules={[{ required: true }]}
              >
                <DatePicker />
              </Form.Item>
            )}
          </Form.Item>
        </FormModal>
      ) : modal ? (
        <StepForm doc={modal.doc} step={modal.step} onClose={() => setModal(null)} onDone={done} />
      ) : null}
    </>
  );
}
