import { useMemo, useState } from 'react';
import { Button, Card, DatePicker, Form, Input, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { PageTitle } from '../../../components/PageTitle';
import { RecordList, type RecordColumn } from '../../../components/RecordList';
import { useListQuery } from '../../../components/useListQuery';
import { type LatestYear, LatestYearHint } from '../../../components/useLatestYear';
import { type InspectionRecord, RECORD_KINDS, RECORD_LIST, RECORD_STAGE_OPTIONS, type RecordStage, STAGE_COLORS } from '../api';
import { RegisterRecordModal } from './RegisterRecordModal';

/** The latest year with inspections in the user's scope: the year of the newest record (one row of the list sorted by date). */
function useLatestRecordYear(): LatestYear {
  const res = useApi<{ items: InspectionRecord[] }>(`${RECORD_LIST}/list?sort=inspectedOn&order=desc&page=1&pageSize=1`);
  const latest = res.data?.items[0]?.inspectedOn;
  return { year: latest ? Number(latest.slice(0, 4)) : null, current: dayjs().year(), loading: res.loading };
}

/**
 * 行政检查 — every inspection of the bureau and its streets (the 双随机 results included) on the one
 * list component: year and text (number, entity, 统一社会信用代码) in the search form, kind, unit and
 * stage as column filters, sort by number and dates (server-side), the query in the URL, and the
 * export of exactly the filtered records under the 行政检查台账's headers. It opens on the latest
 * year with records: clearing the year shows all.
 */
export function RecordsPage() {
  const can = useCan();
  const navigate = useNavigate();
  const latest = useLatestRecordYear();
  const query = useListQuery(latest.year !== null ? { year: String(latest.year) } : {});
  // The units in the user's scope (not the list read a second time to collect them).
  const units = useApi<Array<{ id: string; name: string }>>('/api/orgs');
  const [creating, setCreating] = useState(false);
  const columns = useMemo<RecordColumn<InspectionRecord>[]>(
    () => [
      {
        key: 'recordNo',
        title: '检查编号',
        dataIndex: 'recordNo',
        width: 140,
        sortKey: 'recordNo',
        fixedShown: true,
        render: (v: string, r) => <Link to={`/inspections/records/${r.id}`}>{v}</Link>,
      },
      { key: 'inspectedOn', title: '检查日期', dataIndex: 'inspectedOn', width: 110, sortKey: 'inspectedOn' },
      { key: 'entityName', title: '检查对象', dataIndex: 'entityName', width: 240, ellipsis: true },
      {
        key: 'entityUscc',
        title: '统一社会信用代码',
        dataIndex: 'entityUscc',
        width: 190,
        defaultHidden: true,
        render: (v: string | null) => v ?? '—',
      },
      {
        key: 'kind',
        title: '类别',
        dataIndex: 'kind',
        width: 100,
        filter: { param: 'kind', options: RECORD_KINDS.map((k) => ({ label: k, value: k })) },
      },
      {
        key: 'orgName',
        title: '检查单位',
        dataIndex: 'orgName',
        width: 130,
        filter: { param: 'orgId', options: (units.data ?? []).map((o) => ({ label: o.name, value: o.id })) },
      },
      { key: 'followUp', title: '处理结果', dataIndex: 'followUp', width: 100 },
      {
        key: 'rectifyDueOn',
        title: '整改期限',
        dataIndex: 'rectifyDueOn',
        width: 110,
        sortKey: 'rectifyDueOn',
        defaultHidden: true,
        render: (v: string | null) => v ?? '—',
      },
      {
        key: 'closedOn',
        title: '办结日期',
        dataIndex: 'closedOn',
        width: 110,
        sortKey: 'closedOn',
        defaultHidden: true,
        render: (v: string | null) => v ?? '—',
      },
      {
        key: 'stage',
        title: '状态',
        dataIndex: 'stage',
        width: 100,
        filter: { param: 'stage', options: RECORD_STAGE_OPTIONS },
        render: (s: RecordStage, r) => <Tag color={STAGE_COLORS[s]}>{r.stageLabel}</Tag>,
      },
    ],
    [units.data],
  );
  return (
    <>
      <PageTitle
        title="行政检查"
        description="涉企行政检查登记：检查对象、类别、依据、2名以上持证执法人员、检查情况与处理结果；“双随机”抽查结果自动形成检查记录。同一企业年度检查次数超过上限时提示。"
        extra={
          can('inspections.write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="register-record">
              登记检查
            </Button>
          ) : null
        }
      />
      {latest.loading ? <Card loading /> : null}
      {latest.loading ? null : (
        <RecordList<InspectionRecord>
          listKey="inspections.records"
          query={query}
          endpoint={`${RECORD_LIST}/list`}
          exportEndpoint={`${RECORD_LIST}/export`}
          columns={columns}
          rowKey="id"
          unit="条"
          testId="records-table"
          toolbar={query.values.year ? <LatestYearHint latest={latest} year={Number(query.values.year)} /> : null}
          searchFields={
            <>
              <Form.Item name="year" label="检查年度">
                <DatePicker picker="year" placeholder="全部年度" format="YYYY年" />
              </Form.Item>
              <Form.Item name="q" label="查找">
                <Input allowClear placeholder="检查编号、检查对象、统一社会信用代码" style={{ width: 260 }} />
              </Form.Item>
            </>
          }
          toForm={(v) => ({ q: v.q ?? '', year: v.year ? dayjs(`${v.year}-01-01`) : null })}
          // A cleared year is "all years" (year=), not the default latest year.
          fromForm={(v) => ({ q: (v.q as string | undefined)?.trim() || undefined, year: v.year ? String((v.year as Dayjs).year()) : '' })}
        />
      )}
      {creating ? (
        <RegisterRecordModal
          onClose={() => setCreating(false)}
          onDone={(r) => {
            setCreating(false);
            navigate(`/inspections/records/${r.id}`, { state: { warnings: r.warnings } });
          }}
        />
      ) : null}
    </>
  );
}
