import { useState } from 'react';
import { Button, Card, DatePicker, Descriptions, Drawer, Form, Input, Radio, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useNavigate, useParams } from 'react-router-dom';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { RecordHistory } from '../../../components/RecordHistory';
import { WorkflowActions } from '../../../components/WorkflowActions';
import { type DocumentAction, DOCUMENT_KINDS, type LegalDocument } from '../api';
import { FormModal } from '../../../components/FormModal';

/** 合法性审查 — normative documents, major decisions and 三重一大 matters: submitted, reviewed (同意/存在问题), issued only after 同意. */
export function DocumentsPage() {
  const can = useCan();
  const navigate = useNavigate();
  const openId = useParams().id ?? null;
  const list = useApi<LegalDocument[]>('/api/legal/documents');
  const [modal, setModal] = useState<null | 'new' | { doc: LegalDocument; step: 'review' | 'issue' }>(null);
  const done = () => {
    setModal(null);
    list.reload();
    detail.reload();
  };
  const detail = useApi<LegalDocument>(openId ? `/api/legal/documents/${openId}` : null);
  return (
    <>
      <PageTitle
        title="规范性文件、重大决策合法性审查"
        description="未经合法性审查或经审查不合法的，不得印发或提交决策机关讨论（重大行政决策程序暂行条例第二十五条；国办发〔2018〕115号）。"
        extra={
          can('legal.write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setModal('new')}>
              送审
            </Button>
          ) : null
        }
      />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<LegalDocument>
          rowKey="id"
          loading={list.loading}
          dataSource={list.data ?? []}
          pagination={{ pageSize: 20 }}
          onRow={(d) => ({ onClick: () => navigate(`/legal/documents/${d.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: '类别', dataIndex: 'kind', width: 120 },
            { title: '名称', dataIndex: 'title' },
            { title: '送审日期', dataIndex: 'submittedOn', width: 110 },
            {
              title: '审查结论',
              dataIndex: 'reviewResult',
              width: 100,
              render: (v: string | null) => (v ? <Tag color={v === '同意' ? 'green' : 'red'}>{v}</Tag> : '—'),
            },
            { title: '印发/决策', dataIndex: 'issuedOn', width: 110, render: (v: string | null) => v ?? '—' },
            { title: '状态', dataIndex: 'statusLabel', width: 120 },
          ]}
        />
      </Card>
      <Drawer
        open={!!openId}
        onClose={() => navigate('/legal/documents')}
        size={640}
        title={detail.data?.title ?? '送审文件'}
        destroyOnHidden
        extra={
          detail.data ? (
            <WorkflowActions<DocumentAction>
              actions={detail.data.actions}
              variant="bar"
              testId="document-actions"
              primary={(a) => a.event === 'issue'}
              onAct={(a) => setModal({ doc: detail.data!, step: a.event })}
            />
          ) : null
        }
      >
        {detail.data ? (
          <>
            <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
              <Descriptions.Item label="类别">{detail.data.kind}</Descriptions.Item>
              <Descriptions.Item label="送审单位">{detail.data.orgName}</Descriptions.Item>
              <Descriptions.Item label="送审日期">{detail.data.submittedOn}</Descriptions.Item>
              <Descriptions.Item label="审查">
                {detail.data.reviewedOn ? `${detail.data.reviewedOn} ${detail.data.reviewer ?? ''}：${detail.data.reviewResult}` : '未审查'}
              </Descriptions.Item>
              <Descriptions.Item label="审查意见">{detail.data.reviewOpinion ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="印发/决策">{detail.data.issuedOn ? `${detail.data.issuedOn} ${detail.data.docNo ?? ''}` : '—'}</Descriptions.Item>
            </Descriptions>
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {detail.data.reviewSource}
            </Typography.Paragraph>
            <RecordHistory key={detail.data.version} entity="legal.document" id={detail.data.id} />
          </>
        ) : null}
      </Drawer>
      {modal === 'new' ? (
        <FormModal
          title="送审"
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
          <Form.Item name="submittedOn" label="送审日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </FormModal>
      ) : modal?.step === 'review' ? (
        <FormModal
          title="合法性审查意见"
          initialValues={{ reviewedOn: dayjs(), result: '同意' }}
          onSubmit={(v) => api.post(`/api/legal/documents/${modal.doc.id}/review`, { ...v, version: modal.doc.version })}
          onClose={() => setModal(null)}
          onDone={done}
        >
          <Form.Item name="reviewedOn" label="审查日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="result" label="审查结论">
            <Radio.Group options={['同意', '存在问题']} />
          </Form.Item>
          <Form.Item name="opinion" label="书面审查意见" rules={[{ required: true, message: '请填写审查意见' }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
        </FormModal>
      ) : modal?.step === 'issue' ? (
        <FormModal
          title="印发 / 提交决策"
          initialValues={{ issuedOn: dayjs() }}
          onSubmit={(v) => api.post(`/api/legal/documents/${modal.doc.id}/issue`, { ...v, version: modal.doc.version })}
          onClose={() => setModal(null)}
          onDone={done}
        >
          <Form.Item name="issuedOn" label="日期" rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="docNo" label="文号">
            <Input maxLength={100} />
          </Form.Item>
        </FormModal>
      ) : null}
    </>
  );
}
