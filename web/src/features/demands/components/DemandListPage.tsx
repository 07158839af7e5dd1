import { useState } from 'react';
import { Button, Card, DatePicker, Input, Segmented, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link } from 'react-router-dom';
import type { ColumnsType } from 'antd/es/table';
import { qs } from '../../../api/client';
import { useApi } from '../../../api/useApi';
import { useCan } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import type { DemandItem } from '../api';
import { DemandTable } from './DemandTable';

interface Props {
  module: string;
  title: string;
  description: string;
  writePermission: string;
  extraColumns?: ColumnsType<DemandItem>;
}

const STATUS = [
  { label: '在办', value: 'open' },
  { label: '已逾期', value: 'overdue' },
  { label: '待分派', value: 'received' },
  { label: '待签收', value: 'assigned' },
  { label: '办理中', value: 'handling' },
  { label: '已答复', value: 'replied' },
  { label: '已办结', value: 'closed' },
  { label: '全部', value: '' },
];

/** A module's list of demands with filters (status, year, search), open ones by due date first. */
export function DemandListPage({ module, title, description, writePermission, extraColumns }: Props) {
  const can = useCan();
  const [status, setStatus] = useState('open');
  const [year, setYear] = useState<number | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const res = useApi<{ total: number; items: DemandItem[] }>(`/api/${module}/items${qs({ status, year, q, page })}`);
  return (
    <>
      <PageTitle
        title={title}
        description={description}
        extra={
          can(writePermission) ? (
            <Link to={`/${module}/new`}>
              <Button type="primary" icon={<PlusOutlined />}>
                登记
              </Button>
            </Link>
          ) : null
        }
      />
      <Card
        styles={{ body: { padding: 0 } }}
        title={
          <Space wrap>
            <Segmented
              value={status}
              onChange={(v) => {
                setStatus(String(v));
                setPage(1);
              }}
              options={STATUS}
            />
            <DatePicker
              picker="year"
              placeholder="受理年度"
              value={year ? dayjs(`${year}-01-01`) : null}
              onChange={(d) => {
                setYear(d ? d.year() : undefined);
                setPage(1);
              }}
              format="YYYY年"
            />
            <Input.Search
              allowClear
              placeholder="编号、事项、地点"
              onSearch={(v) => {
                setQ(v.trim());
                setPage(1);
              }}
              style={{ width: 240 }}
            />
          </Space>
        }
      >
        <ErrorAlert error={res.error} onRetry={res.reload} />
        <DemandTable items={res.data?.items ?? []} loading={res.loading} extraColumns={extraColumns} total={res.data?.total} page={page} onPage={setPage} />
      </Card>
    </>
  );
}
