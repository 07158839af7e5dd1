import { useEffect, useState } from 'react';
import { Alert, App, Descriptions, Divider, Empty, Flex, Form, Input, Skeleton, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useCan, useMe } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import type { CaseAction, CaseSummary } from '../../enforcement/api';
import { type Capture, deviceFacts, placeText, warmFieldCache } from '../api';
import { useDevicePlace } from '../useDevicePlace';
import { enqueue, type OutboxItem } from '../outbox';
import { useOutbox } from '../useOutbox';
import { useFieldRead } from '../useFieldRead';
import { CameraButton, FieldList, OutboxTag, PlaceLine, timeText } from './FieldParts';

type CaseHead = CaseSummary & { actions: CaseAction[] };

/**
 * 现场取证 — on a case: photos and videos from the camera, several at once, each stamped with the
 * device's time and location (when permitted), hashed on the device, kept on the phone until the
 * server has it; the list shows what the server recorded (in capture order) and what waits.
 */
export function CaseCapturePage() {
  const { id = '' } = useParams();
  const me = useMe();
  const can = useCan();
  const { message } = App.useApp();
  const kase = useFieldRead<CaseHead>(`/api/enforcement/cases/${id}`);
  const captures = useFieldRead<Capture[]>(`/api/enforcement/cases/${id}/field-evidence`);
  const outbox = useOutbox();
  const url = `/api/enforcement/cases/${id}/field-evidence`;
  const waiting = outbox.filter((i) => i.url === url);
  const { place, asking, fresh } = useDevicePlace();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ title?: string; note?: string }>();
  useEffect(() => warmFieldCache(can), [can]);
  // When something of this case has been sent, the server's list is read again.
  const reloadCaptures = captures.reload;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the count of waiting items is the trigger
  useEffect(() => {
    reloadCaptures();
  }, [waiting.length, reloadCaptures]);

  const onPick = async (files: File[]) => {
    setBusy(true);
    try {
      const here = await fresh();
      const { title, note } = form.getFieldsValue();
      for (const [i, file] of files.entries()) {
        const facts = await deviceFacts(file, here);
        await enqueue({
          key: facts.key,
          kind: 'evidence',
          url,
          userId: me.userId,
          label: `${kase.data?.caseNo ?? '案件'} · ${file.name}`,
          meta: {
            ...facts,
            ...(title?.trim() ? { title: files.length > 1 ? `${title.trim()}（${i + 1}）` : title.trim() } : {}),
            ...(note?.trim() ? { note: note.trim() } : {}),
          },
          file: { name: file.name, type: file.type || 'application/octet-stream', data: file },
        });
      }
      form.resetFields();
      message.success(navigator.onLine ? `已记录 ${files.length} 个文件，正在上传` : `已保存在本机 ${files.length} 个文件，联网后自动上传`);
    } catch (e) {
      message.error(e instanceof Error ? e.message : '记录失败');
    } finally {
      setBusy(false);
    }
  };

  if (kase.error) return <ErrorAlert error={kase.error} onRetry={kase.reload} />;
  if (!kase.data) return <Skeleton active />;
  const c = kase.data;
  const allowed = c.actions.find((a) => a.event === 'add_evidence');
  // What waits on the phone first, then what the server recorded (numbered in capture order).
  const rows: Array<{ key: string; waiting?: OutboxItem; capture?: Capture; n?: number }> = [
    ...waiting.map((w) => ({ key: w.key, waiting: w })),
    ...(captures.data ?? []).map((x, i) => ({ key: x.id, capture: x, n: i + 1 })),
  ];
  return (
    <>
      <PageTitle title="现场取证" description={<Link to={`/enforcement/cases/${c.id}`}>查看案件详情</Link>} />
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="案件编号">{c.caseNo}</Descriptions.Item>
        <Descriptions.Item label="案由">{c.cause}</Descriptions.Item>
        <Descriptions.Item label="当事人">{c.partyName}</Descriptions.Item>
        <Descriptions.Item label="阶段">
          <Tag color="blue">{c.stageLabel}</Tag>
        </Descriptions.Item>
      </Descriptions>
      {allowed && !allowed.allowed ? (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={`本阶段不能登记证据：${allowed.reasons.join('；') || '请在案件详情中查看'}`} />
      ) : null}

      <Divider titlePlacement="start">拍照 / 录像</Divider>
      <Form form={form} layout="vertical" requiredMark={false}>
        <Form.Item name="title" label="证据名称（可不填，默认按文件名）" style={{ marginBottom: 8 }}>
          <Input maxLength={200} placeholder="如：排污口现场照片" />
        </Form.Item>
        <Form.Item name="note" label="说明" style={{ marginBottom: 8 }}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Form>
      <Flex vertical gap={8}>
        <PlaceLine place={place} asking={asking} />
        <CameraButton label="拍照 / 录像取证" video multiple disabled={busy} onPick={(f) => void onPick(f)} testId="evidence-input" />
      </Flex>

      <Divider titlePlacement="start">{`取证记录（${(captures.data?.length ?? 0) + waiting.length}）`}</Divider>
      {captures.error && !captures.data ? <ErrorAlert error={captures.error} onRetry={captures.reload} /> : null}
      {waiting.length || captures.data?.length ? (
        <div data-testid="capture-list">
          <FieldList
            items={rows}
            itemRender={({ waiting: w, capture: x, n }) =>
              w ? (
                <Flex vertical gap={2} style={{ minWidth: 0 }}>
                  <span>
                    <OutboxTag item={w} /> {w.file.name}
                  </span>
                  <Typography.Text type="secondary">
                    拍摄：{timeText(String(w.meta.capturedAt))} · {placeText(w.meta as { lat: number | null; lng: number | null; accuracy?: number | null })}
                  </Typography.Text>
                  {w.error ? <Typography.Text type="danger">{w.error.message}</Typography.Text> : null}
                </Flex>
              ) : x ? (
                <Flex vertical gap={2} style={{ minWidth: 0 }} data-testid="capture-item">
                  <span>
                    <Tag color="success">已上传</Tag>
                    {n}. {x.title}
                  </span>
                  <Typography.Text type="secondary">拍摄：{timeText(x.capturedAt)}（设备时间）</Typography.Text>
                  <Typography.Text type="secondary">位置：{placeText(x)}</Typography.Text>
                  <Typography.Text type="secondary">接收：{timeText(x.receivedAt)}（服务器时间）</Typography.Text>
                  <Typography.Text type="secondary" copyable={{ text: x.sha256 }} style={{ wordBreak: 'break-all' }}>
                    SHA-256：{x.sha256.slice(0, 16)}…
                  </Typography.Text>
                </Flex>
              ) : null
            }
          />
        </div>
      ) : (
        <Empty description="尚无现场取证" />
      )}
    </>
  );
}
