import type { ReactNode } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { api } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { DateTimeInput, instantText } from '../../../components/DateTimeInput';
import { PageTitle } from '../../../components/PageTitle';
import { useServerSubmit } from '../../../lib/serverSubmit';
import type { DemandRecord } from '../api';

interface Props {
  module: string;
  title: string;
  refLabel: string;
  demandTypes?: { label: string; values: readonly string[]; required?: boolean };
  channels?: { label: string; values: readonly string[]; required?: boolean };
  timeLimit?: boolean;
  /** Extra form items (their names under `attrs`). */
  extra?: ReactNode;
}

type Values = Record<string, unknown> & { attrs?: Record<string, unknown> };

/** 登记 — manual intake of a demand; the server checks every field and names the one at fault. */
export function IntakePage({ module, title, refLabel, demandTypes, channels, timeLimit, extra }: Props) {
  const [form] = Form.useForm<Values>();
  const nav = useNavigate();
  const orgs = useApi<Array<{ id: string; name: string }>>('/api/orgs');
  const { error, saving, submit } = useServerSubmit(form, async (v: Values) => {
    const body = Object.fromEntries(Object.entries({ ...v, receivedAt: instantText(v.receivedAt) }).filter(([, x]) => x !== undefined && x !== ''));
    const r = await api.post<DemandRecord>(`/api/${module}/items`, body);
    nav(`/${module}/items/${r.id}`);
  });
  return (
    <>
      <PageTitle title={title} />
      <Card style={{ maxWidth: 760 }}>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="intake-error" /> : null}
        {/* data-leave-guard: leaving with typed-in fields asks first (components/LeaveGuard.tsx). */}
        <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ receivedAt: dayjs().second(0) }} data-leave-guard>
          <Form.Item name="refNo" label={refLabel} rules={[{ required: true, message: `请填写${refLabel}` }]}>
            <Input />
          </Form.Item>
          <Form.Item name="receivedAt" label="受理时间" rules={[{ required: true, message: '请填写受理时间' }]}>
            <DateTimeInput />
          </Form.Item>
          {demandTypes ? (
            <Form.Item
              name="demandType"
              label={demandTypes.label}
              rules={demandTypes.required ? [{ required: true, message: `请选择${demandTypes.label}` }] : []}
            >
              <Select allowClear options={demandTypes.values.map((x) => ({ value: x, label: x }))} />
            </Form.Item>
          ) : null}
          {channels ? (
            <Form.Item name="channel" label={channels.label} rules={channels.required ? [{ required: true, message: `请选择${channels.label}` }] : []}>
              <Select allowClear options={channels.values.map((x) => ({ value: x, label: x }))} />
            </Form.Item>
          ) : null}
          <Form.Item name="orgId" label="承办单位" extra="留空为待分派">
            <Select allowClear showSearch optionFilterProp="label" options={(orgs.data ?? []).map((x) => ({ value: x.id, label: x.name }))} />
          </Form.Item>
          {timeLimit ? (
            <Form.Item name="timeLimit" label="办理时限（工作日）" extra="留空按诉求类型缺省">
              <InputNumber min={1} max={60} />
            </Form.Item>
          ) : null}
          <Form.Item name="title" label="事项">
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="content" label="内容">
            <Input.TextArea rows={4} />
          </Form.Item>
          <Form.Item name="personName" label="诉求人">
            <Input />
          </Form.Item>
          <Form.Item name="personPhone" label="联系电话">
            <Input />
          </Form.Item>
          <Form.Item name="location" label="地点">
            <Input />
          </Form.Item>
          {extra}
          <Button type="primary" htmlType="submit" loading={saving}>
            登记
          </Button>
        </Form>
      </Card>
    </>
  );
}
