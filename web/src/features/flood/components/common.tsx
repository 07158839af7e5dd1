import { type CSSProperties, type ReactNode, useMemo, useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, Space, type TableColumnType } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useApi } from '../../../api/useApi';
import type { LatestYear } from '../../../components/useLatestYear';
import { FormModal } from '../../../components/FormModal';
import { isoDates, useServerSubmit } from '../../../lib/serverSubmit';

/**
 * The latest year with records of a register in the user's scope: the year of its newest record (one row
 * of its list sorted by `sort` descending; `field` holds the date). A list opens on it.
 */
export function useLatestYearOf(list: string, o: { sort: string; field: string }): LatestYear {
  const res = useApi<{ items: Array<Record<string, unknown>> }>(`${list}/list?sort=${o.sort}&order=desc&page=1&pageSize=1`);
  const latest = res.data?.items[0]?.[o.field];
  return { year: typeof latest === 'string' ? Number(latest.slice(0, 4)) : null, current: dayjs().year(), loading: res.loading };
}

/** A list's year and text search (the year picker empty: all years, `year=`; the text trimmed). */
export function yearTextFields(o: { yearLabel: string; placeholder: string; width?: number }) {
  return {
    searchFields: (
      <>
        <Form.Item name="year" label={o.yearLabel}>
          <DatePicker picker="year" placeholder="全部年度" format="YYYY年" />
        </Form.Item>
        <Form.Item name="q" label="查找">
          <Input allowClear placeholder={o.placeholder} style={{ width: o.width ?? 220 }} />
        </Form.Item>
      </>
    ),
    toForm: (v: Record<string, string>) => ({ ...v, q: v.q ?? '', year: v.year ? dayjs(`${v.year}-01-01`) : null }),
    // A cleared year is "all years" (year=), not the default latest year.
    fromForm: (v: Record<string, unknown>) => ({ q: (v.q as string | undefined)?.trim() || undefined, year: v.year ? String((v.year as Dayjs).year()) : '' }),
  };
}

/** The streets the user may see, as Select options. */
export function useStreets() {
  const res = useApi<Array<{ id: string; name: string; kind: string }>>('/api/orgs');
  return useMemo(() => (res.data ?? []).filter((o) => o.kind === 'street').map((o) => ({ value: o.id, label: o.name })), [res.data]);
}

/** A form's values for a body `T` whose date fields `D` the form holds as dayjs values. */
export type FormOf<T, D extends keyof T = never> = Omit<Partial<T>, D> & { [K in D]?: Dayjs | null };

/** Empty strings from a form become null for the server. */
export function clean<T extends Record<string, unknown>>(v: T): T {
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === '' || x === undefined ? null : x])) as T;
}

/** The 操作 column of a register's table: 修改 (given `edit`: the user may edit) and 历史 (the record's history). */
export function actionsColumn<T extends { id: string }>(o: { edit?: (r: T) => void; editLabel?: string; history: (r: T) => void }): TableColumnType<T> {
  const { edit, editLabel = '修改', history } = o;
  return {
    title: '操作',
    key: 'a',
    width: 120,
    render: (_: unknown, r: T) => (
      <Space size={4}>
        {edit && (
          <Button type="link" size="small" onClick={() => edit(r)}>
            {editLabel}
          </Button>
        )}
        <Button type="link" size="small" onClick={() => history(r)}>
          历史
        </Button>
      </Space>
    ),
  };
}

/** A register page's form state: the record being edited ('new': a new one); closed on save with the list reloaded. */
export function useEditing<T>(reload: () => void) {
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  return {
    open: editing !== null,
    /** The record in the form (null: a new one). */
    record: editing === 'new' ? null : editing,
    edit: (r: T | 'new') => setEditing(r),
    close: () => setEditing(null),
    saved: () => {
      setEditing(null);
      reload();
    },
  };
}

/** The props of a register's form: the record (null: a new one), closed or saved. */
export interface RecordModalProps<T> {
  record: T | null;
  onClose(): void;
  onSaved(): void;
}

/**
 * A flood record's form in a modal (the shared FormModal: dates sent as YYYY-MM-DD, the server's
 * message on the field it names); `save` sends the values, 已保存 on success.
 */
export function RecordModal<B, R = unknown>(o: {
  title: string;
  width?: number;
  initialValues?: Record<string, unknown>;
  save(body: B): Promise<R>;
  saved?: string;
  onClose(): void;
  onSaved(result: R): void;
  children: ReactNode;
}) {
  const { message } = App.useApp();
  return (
    <FormModal
      title={o.title}
      width={o.width}
      initialValues={o.initialValues}
      onSubmit={(v) => o.save(v as B)}
      onClose={o.onClose}
      onDone={(r) => {
        message.success(o.saved ?? '已保存');
        o.onSaved(r);
      }}
    >
      {o.children}
    </FormModal>
  );
}

/**
 * A form on a record's page that adds an entry to it (a progress report, a dispatch): one line,
 * dates sent as YYYY-MM-DD and cleared fields as null; the server's message on the field it names;
 * emptied after a save.
 */
export function EntryForm<B>(o: {
  initialValues: Record<string, unknown>;
  send(body: B): Promise<unknown>;
  button: string;
  saved: string;
  onSaved(): void;
  style?: CSSProperties;
  children: ReactNode;
}) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const { error, submit } = useServerSubmit(form, async (v: Record<string, unknown>) => {
    await o.send(clean(isoDates(v)) as B);
    message.success(o.saved);
    form.resetFields();
    o.onSaved();
  });
  return (
    <Form form={form} layout="inline" onFinish={submit} initialValues={o.initialValues} style={{ rowGap: 8, ...o.style }}>
      {error && <Alert type="error" showIcon title={error} style={{ width: '100%', marginBottom: 8 }} />}
      {o.children}
      <Button type="primary" htmlType="submit">
        {o.button}
      </Button>
    </Form>
  );
}
