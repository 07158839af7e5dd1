import { Drawer, Skeleton } from 'antd';
import { DeadlineExplanationView } from '../../components/DeadlineExplanationView';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useDeadlineExplanation } from '../hooks/useDeadlines';

/** 期限说明 — how the server computed a tracked deadline. */
export function DeadlineDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { data, error, loading } = useDeadlineExplanation(id);
  return (
    <Drawer open={id !== null} onClose={onClose} size={560} title={data ? `期限说明 · ${data.title}` : '期限说明'}>
      <ErrorAlert error={error} />
      {loading || !data ? <Skeleton active /> : <DeadlineExplanationView x={data.explanation} />}
    </Drawer>
  );
}
