import { useEffect } from 'react';
import { Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { ListQuery } from '../../../components/useListQuery';
import { entityOptions, features } from '../../../features/registry';
import { ACTION_LABELS } from '../../../lib/auditLabels';
import { useAuditActors } from '../hooks/useAuditActors';
import type { AuditSearch } from '../hooks/useAuditEvents';

interface Values {
  actorId?: string;
  span?: [Dayjs | null, Dayjs | null] | null;
  entity?: string;
  action?: string;
  entityId?: string;
}

/** The verbs to choose from: the record type's own (from its feature), then the shared ones; without a type, the shared ones. */
export function actionOptions(entity: string | undefined): Array<{ value: string; label: string }> {
  const own = entity ? (features.flatMap((f) => Object.entries(f.entities ?? {})).find(([k]) => k === entity)?.[1].actions ?? {}) : {};
  const all = { ...ACTION_LABELS, ...own };
  const first = Object.keys(own);
  return [...first, ...Object.keys(ACTION_LABELS).filter((k) => !first.includes(k))].map((value) => ({ value, label: all[value] ?? value }));
}

/** The search the URL holds (`?actorId=…&from=…&to=…&entity=…&action=…&entityId=…`). */
export function searchOf(q: ListQuery): AuditSearch {
  const v = q.values;
  return { actorId: v.actorId, from: v.from, to: v.to, entity: v.entity, action: v.action, entityId: v.entityId };
}

const DATE = 'YYYY-MM-DD';

/**
 * 审计日志's search form — 操作人, 时间 (the bureau's days), 记录类型, 动作 (that type's verbs), 记录编号 —
 * with 查询 and 重置; the search lives in the URL (bookmarkable). `full` false: only person and time (登录日志).
 */
export function AuditSearchForm({ query, full = true }: { query: ListQuery; full?: boolean }) {
  const [form] = Form.useForm<Values>();
  const actors = useAuditActors();
  const s = searchOf(query);
  const entity = Form.useWatch('entity', form);
  const key = JSON.stringify(s);

  // The form follows the URL (back and forward, a shared link).
  // biome-ignore lint/correctness/useExhaustiveDependencies: the search's text is its identity
  useEffect(() => {
    form.setFieldsValue({
      actorId: s.actorId,
      span: s.from || s.to ? [s.from ? dayjs(s.from) : null, s.to ? dayjs(s.to) : null] : null,
      entity: s.entity,
      action: s.action,
      entityId: s.entityId,
    });
  }, [key]);

  const submit = (v: Values) =>
    query.setFilters({
      actorId: v.actorId || undefined,
      from: v.span?.[0]?.format(DATE),
      to: v.span?.[1]?.format(DATE),
      ...(full ? { entity: v.entity || undefined, action: v.action || undefined, entityId: v.entityId?.trim() || undefined } : {}),
    });

  return (
    <Form form={form} layout="inline" onFinish={submit} style={{ rowGap: 12, marginBottom: 16 }} data-testid="audit-search">
      <Form.Item name="actorId" label="操作人">
        <Select allowClear showSearch optionFilterProp="label" placeholder="全部人员" style={{ width: 200 }} options={actors} data-testid="audit-actor" />
      </Form.Item>
      <Form.Item name="span" label="时间">
        <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 260 }} data-testid="audit-span" />
      </Form.Item>
      {full ? (
        <>
          <Form.Item name="entity" label="记录类型">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder="全部类型"
              style={{ width: 180 }}
              options={entityOptions()}
              onChange={() => form.setFieldValue('action', undefined)}
              data-testid="audit-entity-filter"
            />
          </Form.Item>
          <Form.Item name="action" label="动作">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder="全部动作"
              style={{ width: 160 }}
              options={actionOptions(entity)}
              data-testid="audit-action"
            />
          </Form.Item>
          <Form.Item name="entityId" label="记录编号">
            <Input allowClear placeholder="完整编号" style={{ width: 220 }} data-testid="audit-entity-id" />
          </Form.Item>
        </>
      ) : null}
      <Form.Item>
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search-submit">
            查询
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              query.reset();
            }}
            data-testid="audit-search-reset"
          >
            重置
          </Button>
        </Flex>
      </Form.Item>
    </Form>
  );
}
