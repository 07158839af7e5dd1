import type { ReactNode } from 'react';
import { Alert, DatePicker, Form, type FormInstance, Modal } from 'antd';
import dayjs from 'dayjs';

export interface WorkflowEventModalProps {
  /** The action's name: the dialog's title. */
  title: string;
  /** What the event's date is called (送审日期, 送达日期 …). */
  dateLabel: string;
  form: FormInstance;
  /** The save's state and submit (useServerSubmit). */
  saving: boolean;
  error: string | null;
  onSubmit(values: Record<string, unknown>): void;
  onClose(): void;
  /** Initial values besides the date (today). */
  initialValues?: Record<string, unknown>;
  width?: number;
  /** The fields the event needs besides its date. */
  children?: ReactNode;
}

/**
 * One workflow event of a record as a dialog: its date (today by default) and the fields the event
 * needs; the server checks the rules, and its refusal shows on the field it names or above the form.
 */
export function WorkflowEventModal(p: WorkflowEventModalProps) {
  return (
    <Modal
      open
      title={p.title}
      okText="确定"
      cancelText="取消"
      onCancel={p.onClose}
      onOk={() => p.form.submit()}
      confirmLoading={p.saving}
      width={p.width ?? 560}
      destroyOnHidden
    >
      {p.error ? <Alert type="error" showIcon title={p.error} style={{ marginBottom: 12 }} /> : null}
      <Form form={p.form} layout="vertical" onFinish={p.onSubmit} initialValues={{ on: dayjs(), ...p.initialValues }} data-testid="event-form">
        <Form.Item name="on" label={p.dateLabel} rules={[{ required: true, message: '请选择日期' }]}>
          <DatePicker data-testid="event-on" />
        </Form.Item>
        {p.children}
      </Form>
    </Modal>
  );
}
