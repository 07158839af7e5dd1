import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { ApiError } from '../../../api/client';
import { beijing, grouped, KINDS, kindOfReceipt, publicApi, publicDownload, type KindKey, type OnlineStatus } from '../api';
import { PortalLayout } from './PortalLayout';

interface Pair {
  receiptNo: string;
  secret: string;
}

const clean = (s: string) => s.toUpperCase().replace(/[\s-]/g, '');

/** 查询办理进度 — receipt number and secret → status, received date, due dates by the clock, the reply once sent. */
export function StatusPage() {
  const [pair, setPair] = useState<Pair | null>(null);
  const [kind, setKind] = useState<KindKey | null>(null);
  const [status, setStatus] = useState<OnlineStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const query = async (v: Pair) => {
    const p = { receiptNo: clean(v.receiptNo), secret: clean(v.secret) };
    const k = kindOfReceipt(p.receiptNo);
    setError(null);
    setStatus(null);
    if (!k) {
      setError('受理编号或查询码不正确，请核对后重试');
      return;
    }
    setBusy(true);
    try {
      setStatus(await publicApi<OnlineStatus>('POST', `/api/public/${KINDS[k].module}/status`, p));
      setPair(p);
      setKind(k);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const download = async () => {
    if (!pair || !kind) return;
    try {
      const { blob, filename } = await publicDownload(`/api/public/${KINDS[kind].module}/status/document`, pair);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  };

  const s = status;
  const petition = kind === 'petitions';
  return (
    <PortalLayout title="查询办理进度">
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form<Pair> layout="vertical" onFinish={query} requiredMark={false}>
          <Form.Item name="receiptNo" label="受理编号" rules={[{ required: true, message: '请填写受理编号' }]}>
            <Input maxLength={30} autoComplete="off" autoCapitalize="characters" spellCheck={false} data-testid="status-receipt" />
          </Form.Item>
          <Form.Item name="secret" label="查询码" rules={[{ required: true, message: '请填写查询码' }]}>
            <Input.Password maxLength={20} autoComplete="off" data-testid="status-secret" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="status-submit">
            查询
          </Button>
        </Form>
      </Card>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="status-error" /> : null}
      {s ? (
        <Card
          size="small"
          title={s.kindLabel}
          extra={<Tag color={s.repliedAt || s.closedAt ? 'green' : 'blue'}>{s.statusLabel}</Tag>}
          data-testid="status-result"
        >
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="受理编号">{grouped(s.receiptNo)}</Descriptions.Item>
            <Descriptions.Item label="登记编号">{s.refNo}</Descriptions.Item>
            <Descriptions.Item label="收到日期">{beijing(s.receivedAt)}</Descriptions.Item>
            {petition ? (
              <Descriptions.Item label="是否受理">
                {s.firstDoneAt ? `已于${beijing(s.firstDoneAt).slice(0, 10)}受理` : `将于${s.firstDueOn ?? '—'}前告知`}
              </Descriptions.Item>
            ) : null}
            <Descriptions.Item label={petition ? '办理期限' : '答复期限'}>
              <span data-testid="status-due">{petition && !s.firstDoneAt ? '自受理之日起60日内' : s.dueOn}</span>
              {s.extendedDays ? (
                <Tag style={{ marginLeft: 8 }}>
                  已延长{s.extendedDays}
                  {petition ? '日' : '个工作日'}
                </Tag>
              ) : null}
              {s.paused ? <Tag style={{ marginLeft: 8 }}>暂停计时</Tag> : null}
            </Descriptions.Item>
            {s.repliedAt ? <Descriptions.Item label={petition ? '出具处理意见日期' : '答复日期'}>{beijing(s.repliedAt).slice(0, 10)}</Descriptions.Item> : null}
            {s.result ? <Descriptions.Item label="处理结果">{s.result}</Descriptions.Item> : null}
            {s.reply ? (
              <Descriptions.Item label={petition ? '处理意见' : '答复内容'}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{s.reply}</Typography.Paragraph>
              </Descriptions.Item>
            ) : null}
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
            期限依据：{s.dueRule}
          </Typography.Paragraph>
          {s.hasDocument ? (
            <Button icon={<DownloadOutlined />} onClick={download} style={{ marginTop: 12 }} block>
              下载{petition ? '处理意见书' : '答复书'}
            </Button>
          ) : null}
        </Card>
      ) : null}
    </PortalLayout>
  );
}
