import { useState } from 'react';
import { Card, Segmented } from 'antd';
import { useApi } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import type { DemandItem } from '../api';
import { DemandTable } from './DemandTable';

/** 我的待办 — open demands of the four kinds assigned to me or to my unit, by due date. */
export function QueuePage() {
  const [scope, setScope] = useState<'mine' | 'unit'>('mine');
  const res = useApi<DemandItem[]>(`/api/demands/queue?scope=${scope}`);
  return (
    <>
      <PageTitle title="诉求待办" description="12345工单、信访件、建议提案、依申请公开中尚未办结的事项，按届满日排序。" />
      <Card
        styles={{ body: { padding: 0 } }}
        title={
          <Segmented
            value={scope}
            onChange={(v) => setScope(v as 'mine' | 'unit')}
            options={[
              { label: '我的待办', value: 'mine' },
              { label: '本单位待办', value: 'unit' },
            ]}
          />
        }
      >
        <ErrorAlert error={res.error} onRetry={res.reload} />
        <DemandTable items={res.data ?? []} loading={res.loading} showKind />
      </Card>
    </>
  );
}
