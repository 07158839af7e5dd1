import { Badge, Button } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useOutbox } from '../../features/field/useOutbox';

/**
 * 待同步 in the header: what the field app recorded on this device and has not yet sent, with its
 * count (red when the server refused one), linking to the list. Nothing when the outbox is empty.
 * Loading it starts the outbox's sync (now, and whenever the browser comes back online).
 */
export function OutboxBadge({ wide }: { wide: boolean }) {
  const navigate = useNavigate();
  const outbox = useOutbox();
  if (!outbox.length) return null;
  const refused = outbox.some((i) => i.state === 'failed');
  return (
    <Badge count={outbox.length} size="small" color={refused ? '#ff4d4f' : '#faad14'} offset={[-2, 2]}>
      <Button
        type="text"
        size="small"
        data-testid="outbox-badge"
        aria-label={`待同步 ${outbox.length}`}
        icon={<CloudUploadOutlined style={{ color: '#fff' }} />}
        onClick={() => navigate('/field/outbox')}
        style={{ color: '#fff' }}
      >
        {wide ? '待同步' : null}
      </Button>
    </Badge>
  );
}
