import { useEffect } from 'react';
import { Button, Card, DatePicker, Flex, Form, Input, InputNumber, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { DeadlineUnit } from '../../../api/types';
import { DeadlineExplanationView } from '../../../components/DeadlineExplanationView';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { todayShanghai } from '../../../lib/format';
import { useDeadlineTrial } from '../hooks/useDeadlineTrial';

interface Values {
  start: Dayjs;
  n: number;
  unit: DeadlineUnit;
  source?: string;
}

/** 期限试算 — the server computes a due date from a start, a count and a unit, and explains it. */
export function DeadlineTrialPanel({ refreshKey }: { /** Bumped after an override changes: the last trial is run again. */ refreshKey: number }) {
  const trial = useDeadlineTrial();
  const { rerun } = trial;
  useEffect(() => {
    if (refreshKey) rerun();
  }, [refreshKey, rerun]);
  return (
    <Card title="期限试算">
      <Form<Values>
        layout="inline"
        initialValues={{ start: dayjs(todayShanghai()), n: 10, unit: 'workday' }}
        onFinish={(v) => trial.run({ start: v.start.format('YYYY-MM-DD'), n: v.n, unit: v.unit, source: v.source?.trim() || undefined })}
        style={{ rowGap: 12, marginBottom: 16 }}
      >
        <Form.Item name="start" label="起算日" rules={[{ required: true, message: '请选择起算日' }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="n" label="期限" rules={[{ required: true, message: '请输入期限' }]}>
          <InputNumber min={0} max={3650} style={{ width: 90 }} />
        </Form.Item>
        <Form.Item name="unit">
          <Select
            style={{ width: 110 }}
            options={[
              { value: 'workday', label: '个工作日' },
              { value: 'day', label: '日（自然日）' },
              { value: 'month', label: '个月' },
            ]}
          />
        </Form.Item>
        <Form.Item name="source" label="依据">
          <Input placeholder="可不填" style={{ width: 170 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={trial.loading}>
            试算
          </Button>
        </Form.Item>
      </Form>
      <Flex vertical>
        <ErrorAlert error={trial.error} />
        {trial.result ? <DeadlineExplanationView x={trial.result} /> : null}
      </Flex>
    </Card>
  );
}
