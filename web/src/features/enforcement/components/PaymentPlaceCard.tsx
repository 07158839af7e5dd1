import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input } from 'antd';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { FormModal } from '../../../components/FormModal';
import type { PaymentPlace } from '../api';

/**
 * 罚没款缴纳地点 — the bank, account name and account number printed in every decision with a fine
 * (行政处罚法第五十九条、第六十七条); one per bureau, set by the administrator or the legal office.
 */
export function PaymentPlaceCard() {
  const place = useApi<PaymentPlace | null>('/api/enforcement/payment-place');
  const can = useCan();
  const [editing, setEditing] = useState(false);
  const p = place.data;
  return (
    <Card
      size="small"
      title="罚没款缴纳地点（印入行政处罚决定书）"
      style={{ marginBottom: 16 }}
      data-testid="payment-place"
      extra={
        can('enforcement.catalogue.manage') ? (
          <Button size="small" onClick={() => setEditing(true)}>
            {p ? '修改' : '设置'}
          </Button>
        ) : null
      }
    >
      <ErrorAlert error={place.error} onRetry={place.reload} />
      {p ? (
        <Descriptions
          size="small"
          column={3}
          items={[
            { key: 'bank', label: '开户银行', children: p.bank },
            { key: 'name', label: '户名', children: p.accountName },
            { key: 'no', label: '账号', children: p.accountNo },
          ]}
        />
      ) : place.loading ? null : (
        <Alert type="warning" showIcon title="尚未设置缴款银行和账号：决定书中的缴款地点将标为待补充" />
      )}
      {editing ? (
        <PaymentPlaceModal
          place={p ?? null}
          onClose={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            place.reload();
          }}
        />
      ) : null}
    </Card>
  );
}

function PaymentPlaceModal({ place, onClose, onDone }: { place: PaymentPlace | null; onClose(): void; onDone(): void }) {
  const { message } = App.useApp();
  return (
    <FormModal
      title="罚没款缴纳地点"
      width={520}
      testId="payment-place-form"
      initialValues={{ ...place }}
      onSubmit={(v) => api.put('/api/enforcement/payment-place', { ...v, version: place?.version ?? null })}
      onDone={() => {
        message.success('已保存');
        onDone();
      }}
      onClose={onClose}
    >
      <Form.Item name="bank" label="开户银行" rules={[{ required: true, message: '请填写开户银行' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="accountName" label="户名" rules={[{ required: true, message: '请填写户名' }]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="accountNo" label="账号" rules={[{ required: true, message: '请填写账号' }]}>
        <Input maxLength={40} />
      </Form.Item>
    </FormModal>
  );
}
