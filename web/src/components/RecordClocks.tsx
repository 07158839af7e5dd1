import type { ReactNode } from 'react';
import { Flex, Space, Typography } from 'antd';
import type { DeadlineStatus } from '../api/types';
import { DeadlineStatusTag } from './DeadlineStatusTag';

/** A deadline of a record as the server computed and explained it. */
export interface RecordClock {
  key: string;
  label: string;
  start: string;
  due: string;
  doneOn: string | null;
  status: DeadlineStatus;
  text: string;
  source: string;
  /** What missing it brings (shown when the server states it). */
  consequence?: string | null;
}

/**
 * A record page's deadlines: each with its status, start and last day, the server's explanation and its
 * statute (and the consequence of missing it, where stated). `doneWord`: how a met deadline is said.
 */
export function RecordClocks({ clocks, doneWord = '已办结', empty }: { clocks: readonly RecordClock[]; doneWord?: string; empty?: ReactNode }) {
  if (!clocks.length && empty) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  return (
    <Flex vertical gap={16}>
      {clocks.map((k) => (
        <div key={k.key} data-testid={`clock-${k.key}`}>
          <Space wrap>
            <Typography.Text strong>{k.label}</Typography.Text>
            <DeadlineStatusTag status={k.status} />
          </Space>
          <div>
            {k.start} 起算，<Typography.Text strong>{k.due}</Typography.Text> 届满
            {k.doneOn ? `；${k.doneOn} ${doneWord}` : ''}
          </div>
          <Typography.Paragraph style={{ margin: '4px 0 0' }}>{k.text}</Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            依据：{k.source}
          </Typography.Text>
          {k.consequence ? (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                逾期后果：{k.consequence}
              </Typography.Text>
            </div>
          ) : null}
        </div>
      ))}
    </Flex>
  );
}
