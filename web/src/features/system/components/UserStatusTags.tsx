import { Tag, Tooltip } from 'antd';
import { formatInstant } from '../../../lib/format';
import type { User } from '../api';

/** 状态: 停用, 锁定至…, 须修改密码, or 正常. */
export function UserStatusTags({ user }: { user: User }) {
  const locked = user.lockedUntil && new Date(user.lockedUntil).getTime() > Date.now();
  const tags = [];
  if (user.disabled)
    tags.push(
      <Tag key="d" color="default">
        已停用
      </Tag>,
    );
  if (locked)
    tags.push(
      <Tooltip key="l" title={`锁定至 ${formatInstant(user.lockedUntil)}`}>
        <Tag color="red">已锁定</Tag>
      </Tooltip>,
    );
  if (user.mustChangePassword)
    tags.push(
      <Tag key="p" color="orange">
        须修改密码
      </Tag>,
    );
  if (!tags.length)
    tags.push(
      <Tag key="ok" color="green">
        正常
      </Tag>,
    );
  return <>{tags}</>;
}
