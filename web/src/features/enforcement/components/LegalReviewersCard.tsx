import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormModal } from '../../../components/FormModal';
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

function ReviewerModal({ reviewer, onClose, onDone }: { reviewer: LegalReviewer; onClose(): void; onDone(): void }) {
  const { message } = App.useApp();
  // The values come with the date as YYYY-MM-DD (FormModal); a cleared date is null.
  const save = (v: Record<string, unknown>) =>
    api.put(`/api/enforcement/legal-reviewers/${reviewer.userId}`, {
      qualificationNo: (v.qualificationNo as string | undefined)?.trim() || null,
      qualifiedOn: v.qualifiedOn || null,
      version: reviewer.version,
    });
  return (
    <FormModal
      title={`${reviewer.name}的法律职业资格`}
      width={520}
      initialValues={{ qualificationNo: reviewer.qualificationNo ?? '', qualifiedOn: reviewer.qualifiedOn ? dayjs(reviewer.qualifiedOn) : null }}
      onSubmit={save}
      onDone={() => {
        message.success('已保存');
        onDone();
      }}
      onClose={onClose}
    >
      <Form.Item name="qualificationNo" label="法律职业资格证书编号" extra="留空表示未取得">
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="qualifiedOn" label="取得日期">
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
    </FormModal>
  );
}
