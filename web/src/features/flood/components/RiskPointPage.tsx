import { useState } from 'react';
import { Alert, Button, Card, Col, DatePicker, Descriptions, Form, Input, Row, Select, Tag, Timeline } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import dayjs from 'dayjs';
import { useApi } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { RecordHistory } from '../../../components/RecordHistory';
import { floodApi, STATUS_TAG, type RiskPointDetail, type RiskStatus } from '../api';
import { RiskPointFormModal } from './RiskPointFormModal';
import { useOrgValue } from '../../../components/useOrgValue';
import { EntryForm } from './common';

/** 风险点 — its record, its dated progress, the update form (when allowed) and its history. */
export function RiskPointPage() {
  const id = useParams().id!;
  const res = useApi<RiskPointDetail>(`/api/flood/risk-points/${id}`);
  const [editing, setEditing] = useState(false);
  const [tick, setTick] = useState(0);
  const navigate = useNavigate();
  const orgValue = useOrgValue();
  const p = res.data;
  const reload = () => {
    res.reload();
    setTick((t) => t + 1);
  };
  if (res.error) return <ErrorAlert error={res.error} onRetry={res.reload} />;
  if (!p) return null;
  return (
    <>
      <PageTitle
        title={`${p.code} ${p.name}`}
        description={<Tag color={STATUS_TAG[p.status]}>{p.status}</Tag>}
        extra={
          <>
            <Button onClick={() => navigate('/flood/risk-points')}>返回列表</Button>
            {p.actions.edit && <Button onClick={() => setEditing(true)}>修改</Button>}
          </>
        }
      />
      <Row gutter={16}>
        <Col span={14}>
          <Card title="基本情况" style={{ marginBottom: 16 }}>
            <Descriptions
              column={2}
              size="small"
              items={[
                { key: 's', label: '所在街道', children: p.street },
                { key: 'l', label: '风险等级', children: p.riskLevel ?? '—' },
                { key: 'r', label: '纳入台账日期', children: p.registeredOn },
                { key: 'c', label: '完成日期', children: p.completedOn ?? '—' },
                { key: 'xy', label: '坐标', children: p.lng != null ? `${p.lng}, ${p.lat}` : '—' },
                { key: 'm', label: '整治措施', children: p.measure ?? '—' },
                { key: 'a', label: '行政责任人', children: p.adminPerson ?? '—' },
                { key: 't', label: '技术责任人', children: p.techPerson ?? '—' },
                { key: 'p', label: '巡查责任人', children: p.patrolPerson ?? '—' },
              ]}
            />
          </Card>
          <Card title="整治进度" style={{ marginBottom: 16 }}>
            <Timeline
              items={p.progress.map((x) => ({
                key: x.id,
                color: x.status === '已完成' ? 'green' : 'blue',
                content: (
                  <>
                    <b>{x.onDate}</b> <Tag color={STATUS_TAG[x.status]}>{x.status}</Tag> {x.note}
                    <span style={{ color: '#999' }}>（{x.createdBy}）</span>
                  </>
                ),
              }))}
            />
            {p.progress.length === 0 && <span>尚无进度记录</span>}
            {p.actions.progress ? (
              <ProgressForm id={p.id} current={p.status} onSaved={reload} />
            ) : p.status === '已完成' ? (
              <Alert type="success" showIcon title="已完成整治" />
            ) : null}
          </Card>
        </Col>
        <Col span={10}>
          <Card title="变更历史">
            <RecordHistory key={tick} entity="flood.risk_point" id={p.id} renderValue={orgValue} />
          </Card>
        </Col>
      </Row>
      {editing && (
        <RiskPointFormModal
          point={p}
          onClose={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            reload();
          }}
        />
      )}
    </>
  );
}

function ProgressForm({ id, current, onSaved }: { id: string; current: RiskStatus; onSaved: () => void }) {
  return (
    <EntryForm<Parameters<typeof floodApi.addProgress>[1]>
      initialValues={{ onDate: dayjs(), status: current === '未整治' ? '整治中' : current }}
      send={(v) => floodApi.addProgress(id, v)}
      button="填报进度"
      saved="进度已填报"
      onSaved={onSaved}
      style={{ marginTop: 12 }}
    >
      <Form.Item name="onDate" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="status">
        <Select
          style={{ width: 110 }}
          options={(current === '未整治' ? ['未整治', '整治中', '已完成'] : ['整治中', '已完成']).map((s) => ({ value: s, label: s }))}
        />
      </Form.Item>
      <Form.Item name="note" rules={[{ required: true, message: '请填写进展情况' }]} style={{ flex: 1 }}>
        <Input placeholder="进展情况" />
      </Form.Item>
    </EntryForm>
  );
}
