import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, Modal, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { applyApiError } from '../../../lib/formErrors';
import type { LegalReviewer } from '../api';

/**
 * 法制审核人员 — the legal office's accounts and their 法律职业资格 (行政处罚法第五十八条第二款: 初次从事
 * 行政处罚决定法制审核的人员，应当通过国家统一法律职业资格考试取得法律职业资格). Someone without a recorded
 * qualification who has never reviewed a case cannot pass or reject a review; the legal office records it here.
 */
export function LegalReviewersCard() {
  const list = useApi<LegalReviewer[]>('/api/enforcement/legal-reviewers');
  const can = useCan();
  const [editing, setEditing] = useState<LegalReviewer | null>(null);
  return (
    <Card
      size="small"
      title="法制审核人员及法律职业资格（行政处罚法第五十八条第二款）"
      style={{ marginTop: 16 }}
      styles={{ body: { padding: 0 } }}
      data-testid="legal-reviewers"
    >
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <Table<LegalReviewer>
        rowKey="userId"
        size="small"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          {
            title: '法律职业资格',
            key: 'qualification',
            render: (_, r) =>
              r.qualificationNo ? (
                <>
                  {r.qualificationNo}
                  <Typography.Text type="secondary">（{r.qualifiedOn}取得）</Typography.Text>
                </>
              ) : (
                <Tag color={r.reviews ? 'default' : 'orange'}>{r.reviews ? '未登记' : '未登记：不能初次从事法制审核'}</Tag>
              ),
          },
          { title: '已作法制审核', dataIndex: 'reviews', render: (n: number, r) => (n ? `${n}件（首次${r.firstReviewOn}）` : '—') },
          ...(can('enforcement.catalogue.manage')
            ? [
                {
                  title: '',
                  key: 'edit',
                  width: 80,
                  render: (_: unknown, r: LegalReviewer) => (
                    <Button type="link" size="small" onClick={() => setEditing(r)}>
                      {r.qualificationNo ? '修改' : '登记'}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing ? (
        <ReviewerModal
          reviewer={editing}
          onClose={() => setEditing(null)}
          onDone={() => {
            setEditing(null);
            list.reload();
          }}
        />
      ) : null}
    </Card>
  );
}

interface ReviewerForm {
  qualificationNo: string;
  qualifiedOn: Dayjs | null;
}

function ReviewerModal({ reviewer, onClose, onDone }: { reviewer: LegalReviewer; onClose(): void; onDone(): void }) {
  const [form] = Form.useForm<ReviewerForm>();
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const submit = async (v: ReviewerForm) => {
    try {
      await api.put(`/api/enforcement/legal-reviewers/${reviewer.userId}`, {
        qualificationNo: v.qualificationNo?.trim() || null,
        qualifiedOn: v.qualifiedOn ? v.qualifiedOn.format('YYYY-MM-DD') : null,
        version: reviewer.version,
      });
      message.success('已保存');
      onDone();
    } catch (e) {
      setError(applyApiError(form, e));
    }
  };
  return (
    <Modal open title={`${reviewer.name}的法律职业资格`} okText="保存" cancelText="取消" onCancel={onClose} onOk={() => form.submit()} destroyOnHidden>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ qualificationNo: reviewer.qualificationNo ?? '', qualifiedOn: reviewer.qualifiedOn ? dayjs(reviewer.qualifiedOn) : null }}
      >
        <Form.Item name="qualificationNo" label="法律职业资格证书编号" extra="留空表示未取得">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="qualifiedOn" label="取得日期">
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
