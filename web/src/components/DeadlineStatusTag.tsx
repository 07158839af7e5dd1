import { Tag } from 'antd';
import type { DeadlineStatus } from '../api/types';

const LOOK: Record<DeadlineStatus, { label: string; color: string }> = {
  ok: { label: '期限内', color: 'blue' },
  due_soon: { label: '即将到期', color: 'orange' },
  overdue: { label: '已逾期', color: 'red' },
  done: { label: '已办结', color: 'default' },
};

/** The server's deadline status as a coloured tag. */
export function DeadlineStatusTag({ status }: { status: DeadlineStatus }) {
  const look = LOOK[status] ?? { label: status, color: 'default' };
  return <Tag color={look.color}>{look.label}</Tag>;
}
