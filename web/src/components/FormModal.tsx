import type { ReactNode } from 'react';
import { Alert, Form, Modal, type FormInstance } from 'antd';
import { isoDates, useServerSubmit } from '../lib/serverSubmit';

interface Props<T> {
  title: string;
  initialValues?: Record<string, unknown>;
  /** Sends the values (dates already as YYYY-MM-DD); a server error naming a field is shown on it. */
  onSubmit(values: Record<string, unknown>): Promise<T>;
  onClose(): void;
  onDone(result: T): void;
  children: ReactNode | ((form: FormInstance) => ReactNode);
  width?: number;
}

/** A modal form whose validation messages come from the server (field errors on the field, others on top). */
export function FormModal<T>({ title, initialValues, onSubmit, onClose, onDone, children, width }: Props<T>) {
  const [form] = Form.useForm();
  const { error, saving, submit } = useServerSubmit(form, async (v: Record<string, unknown>) => onDone(await onSubmit(isoDates(v))));
  return (
    <Modal
      open
      title={title}
      okText="保存"
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
      width={width ?? 560}
    >
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="form-error" /> : null}
      <Form form={form} layout="vertical" onFinish={submit} initialValues={initialValues}>
        {typeof children === 'function' ? children(form) : children}
      </Form>
    </Modal>
  );
}
