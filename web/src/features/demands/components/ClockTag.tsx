import { Tag } from 'antd';
import { CLOCK_LOOK, type ClockStatus } from '../api';

/** The server's clock status as a coloured tag. */
export function ClockTag({ status }: { status: ClockStatus }) {
  const look = CLOCK_LOOK[status] ?? { label: status, color: 'default' };
  return <Tag color={look.color}>{look.label}</Tag>;
}
