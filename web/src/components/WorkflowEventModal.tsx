import type { ReactNode } from 'react';
import { DatePicker, Form, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { FormModal } from './FormModal';

export interface WorkflowEventModalProps<E extends string> {
  /** The action chosen on the record page: its event and its name (the dialog's title). */
  action: { event: E; label: string };
  /** What each event's date is called (送审日期, 送达日期 …). */
  dateLabels: Readonly<Record<E, string>>;
  /** The fields each event needs besides its date. */
  fields: Partial<Record<E, ReactNode>>;
  form: FormInstance;
  /** Sends the event: the form's values, dates as YYYY-MM-DD and fields left empty left out. */
  send(values: Record<string, unknown>): Promise<void>;
  onClose(): void;
  /** Initial values besides the date (today). */
  initialValues?: Record<string, unknown>;
  width?: number;
}

/**
 * One workflow event of a record as a dialog: its date (today by default) and the fields the event
 * needs; the server checks the rules, and its refusal shows on the field it names or above the form.
 */
export function WorkflowEventModal<E extends string>(p: WorkflowEventModalProps<E>) {
  return (
    <FormModal<void>
      title={p.action.label}
      okText="确定"
      width={p.width}
      form={p.form}
      testId="event-form"
      initialValues={{ on: dayjs(), ...p.initialValues }}
      onSubmit={(v) => p.send(Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined)))}
      onDone={() => {}}
      onClose={p.onClose}
    >
      <Form.Item name="on" label={p.dateLabels[p.action.event]} rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker data-testid="event-on" />
      </Form.Item>
      {p.fields[p.action.event] ?? null}
    </FormModal>
  );
}
