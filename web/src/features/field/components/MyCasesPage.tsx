import { useEffect, useMemo, useState } from 'react';
import { Card, Empty, Flex, Input, Skeleton, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { useFieldRead } from '../useFieldRead';
import type { CaseSummary } from '../../enforcement/api';
import { FIELD_READS, warmFieldCache } from '../api';

/** 我的案件 — the open cases of the officer's unit (its data scope), to take evidence on site. */
export function MyCasesPage() {
  const can = useCan();
  const navigate = useNavigate();
  const { data, error, loading, reload } = useFieldRead<CaseSummary[]>(FIELD_READS.cases);
  const [q, setQ] = useState('');
  useEffect(() => warmFieldCache(can), [can]);
  const rows = useMemo(() => (data ?? []).filter((c) => !q || c.caseNo.includes(q) || c.cause.includes(q) || c.partyName.includes(q)), [data, q]);
  return (
    <>
      <PageTitle title="我的案件" description="本单位在办的行政处罚案件；点开案件即可现场拍照、录像取证。" />
      <Input.Search placeholder="案件编号、案由或当事人" allowClear onChange={(e) => setQ(e.target.value)} style={{ marginBottom: 12 }} />
      {error ? <ErrorAlert error={error} onRetry={reload} /> : null}
      {loading && !data ? (
        <Skeleton active />
      ) : rows.length ? (
        <Flex vertical gap={8}>
          {rows.map((c) => (
            <Card key={c.id} size="small" hoverable onClick={() => navigate(`/field/cases/${c.id}`)} data-testid="field-case">
              <Flex justify="space-between" align="center" gap={8} wrap>
                <Typography.Text strong style={{ wordBreak: 'keep-all' }}>
                  {c.caseNo}
                </Typography.Text>
                <Tag color="blue">{c.stageLabel}</Tag>
              </Flex>
              <div style={{ marginTop: 4 }}>{c.cause}</div>
              <Typography.Text type="secondary">
                {c.partyName} · {c.orgName}
              </Typography.Text>
            </Card>
          ))}
        </Flex>
      ) : (
        <Empty description="没有在办案件" />
      )}
    </>
  );
}
