import { type ReactNode, useState } from 'react';
import { Alert, Button, Form, Modal, type ColProps, type FormInstance } from 'antd';
import { ApiError } from '../api/client';
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
  /** The OK button's words (保存 unless told). */
  okText?: string;
  /** The OK button greyed out (e.g. the record changed under the form: only a reload helps). */
  okDisabled?: boolean;
  /** What the form says before anything else, above the error (e.g. what the action will do). */
  intro?: ReactNode;
  /**
   * Reads the record again. Given, a save refused because the record changed under the form (409 CONFLICT)
   * greys the OK button (sending again cannot help) and puts 刷新 on the alert, which calls this and closes.
   */
  onStale?: () => void;
  /** The caller's form, when it watches the fields (`Form.useWatch`); else the modal's own. */
  form?: FormInstance;
  /** The form's `data-testid`. */
  testId?: string;
  /** Fields holding a date and time (`DateTimeInput`): sent as YYYY-MM-DD HH:mm, not cut to the date. */
  instants?: readonly string[];
  /** Labels beside the fields (a score sheet) instead of above them, and their width; a long label wraps. */
  horizontal?: { labelCol: ColProps };
}

/** A modal form whose validation messages come from the server (field errors on the field, others on top). */
export function FormModal<T>(props: Props<T>) {
  const { title, initialValues, onSubmit, onClose, onDone, children, width, okText, okDisabled, intro, testId, onStale } = props;
  const [form] = Form.useForm(props.form);
  const [stale, setStale] = useState(false);
  const { error, saving, submit } = useServerSubmit(form, async (v: Record<string, unknown>) => {
    let result: T;
    try {
      result = await onSubmit(isoDates(v, props.instants));
    } catch (e) {
      if (onStale && e instanceof ApiError && e.status === 409 && e.code === 'CONFLICT') setStale(true);
      throw e;
    }
    onDone(result);
  });
  const refresh =
    stale && onStale ? (
      <Button
        size="small"
        onClick={() => {
          onStale();
          onClose();
        }}
      >
        刷新
      </Button>
    ) : undefined;
  return (
    <Modal
      open
      title={title}
      okText={okText ?? '保存'}
      cancelText="取消"
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      okButtonProps={okDisabled || stale ? { disabled: true } : undefined}
      destroyOnHidden
      width={width ?? 560}
    >
      {intro}
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} action={refresh} data-testid="form-error" /> : null}
      <Form
        form={form}
        layout={props.horizontal ? 'horizontal' : 'vertical'}
        labelCol={props.horizontal?.labelCol}
        labelWrap={!!props.horizontal}
        onFinish={submit}
        initialValues={initialValues}
        data-testid={testId}
      >
        {typeof children === 'function' ? children(form) : children}
      </Form>
    </Modal>
  );
}
