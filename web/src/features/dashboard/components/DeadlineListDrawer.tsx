import { Drawer } from 'antd';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { DeadlineFilter } from '../api';
import { useOpenDeadlines } from '../hooks/useDashboard';
import { DeadlineTable } from './DeadlineTable';

interface Props {
  filter: DeadlineFilter | null;
  modules: ReadonlyMap<string, string>;
  orgs: ReadonlyMap<string, string>;
  onClose: () => void;
}

/** 期限清单 — the open deadlines behind a bar of the dashboard (one module and/or one street, one status). */
export function DeadlineListDrawer({ filter, modules, orgs, onClose }: Props) {
  const { data, error, loading, reload } = useOpenDeadlines(filter?.module, filter !== null);
  const rows = (data ?? []).filter((d) => (!filter?.status || d.status === filter.status) && (!filter?.orgId || d.orgId === filter.orgId));
  return (
    <Drawer open={filter !== null} onClose={onClose} size={760} title={filter ? `期限清单 · ${filter.title}` : '期限清单'}>
      <ErrorAlert error={error} onRetry={reload} />
      <DeadlineTable rows={rows} loading={loading} modules={modules} orgs={orgs} pageSize={15} />
    </Drawer>
  );
}
