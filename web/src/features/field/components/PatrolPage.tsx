import { useEffect, useState } from 'react';
import { App, Button, Divider, Empty, Flex, Form, Input, Select, Tag, Typography } from 'antd';
import { useApi } from '../../../api/useApi';
import { useCan, useMe } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import type { RiskPoint } from '../../flood/api';
import { type Checkin, deviceFacts, FIELD_READS, placeText, warmFieldCache } from '../api';
import { useDevicePlace, usePhotoPreview } from '../useDevicePlace';
import { enqueue, type OutboxItem } from '../outbox';
import { useOutbox } from '../useOutbox';
import { useFieldRead } from '../useFieldRead';
import { CameraButton, FieldList, OutboxTag, PlaceLine, StickyActions, timeText } from './FieldParts';

/**
 * 巡查打卡 — at a flood-risk point: the point, a photo, what the patrol found, the device's time and
 * location. Today's check-ins (the server's) and what waits on the phone are listed below.
 */
export function PatrolPage() {
  const me = useMe();
  const can = useCan();
  const { message } = App.useApp();
  const points = useFieldRead<RiskPoint[]>(FIELD_READS.points);
  const today = useApi<Checkin[]>(FIELD_READS.checkins());
  const outbox = useOutbox();
  const waiting = outbox.filter((i) => i.kind === 'checkin');
  const [form] = Form.useForm<{ pointId?: string; note?: string }>();
  const [photo, setPhoto] = useState<File | null>(null);
  const { place, asking, fresh } = useDevicePlace();
  const [busy, setBusy] = useState(false);
  useEffect(() => warmFieldCache(can), [can]);
  const reloadToday = today.reload;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the count of waiting check-ins is the trigger
  useEffect(() => {
    reloadToday();
  }, [waiting.length, reloadToday]);
  const preview = usePhotoPreview(photo);

  const save = async () => {
    const v = await form.validateFields();
    if (!photo) {
      message.warning('请拍摄现场照片');
      return;
    }
    const point = points.data?.find((p) => p.id === v.pointId);
    setBusy(true);
    try {
      const facts = await deviceFacts(photo, await fresh());
      await enqueue({
        key: facts.key,
        kind: 'checkin',
        url: `/api/flood/risk-points/${v.pointId}/checkins`,
        userId: me.userId,
        label: `${point?.code ?? ''} ${point?.name ?? '风险点'}`,
        meta: { ...facts, ...(v.note?.trim() ? { note: v.note.trim() } : {}) },
        file: { name: photo.name, type: photo.type || 'image/jpeg', data: photo },
      });
      form.resetFields(['note']);
      setPhoto(null);
      message.success(navigator.onLine ? '已打卡，正在上传' : '打卡已保存在本机，联网后自动上传');
    } catch (e) {
      message.error(e instanceof Error ? e.message : '打卡失败');
    } finally {
      setBusy(false);
    }
  };

  // What waits on the phone first, then today's check-ins as the server recorded them.
  const rows: Array<{ key: string; waiting?: OutboxItem; checkin?: Checkin }> = [
    ...waiting.map((w) => ({ key: w.key, waiting: w })),
    ...(today.data ?? []).map((c) => ({ key: c.id, checkin: c })),
  ];
  return (
    <>
      <PageTitle title="巡查打卡" description="水浸风险点现场打卡：照片、巡查情况、时间和位置。" />
      {points.error && !points.data ? <ErrorAlert error={points.error} onRetry={points.reload} /> : null}
      <Form form={form} layout="vertical" requiredMark="optional">
        <Form.Item name="pointId" label="风险点" rules={[{ required: true, message: '请选择风险点' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择风险点"
            loading={points.loading}
            options={(points.data ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
          />
        </Form.Item>
        <Form.Item name="note" label="巡查情况">
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2, maxRows: 5 }} placeholder="如：排水口通畅，无积水" />
        </Form.Item>
        <PlaceLine place={place} asking={asking} />
        <div style={{ margin: '8px 0' }}>
          {preview ? <img src={preview} alt="现场照片" style={{ maxWidth: '100%', maxHeight: 200, borderRadius: 4 }} /> : null}
        </div>
        <CameraButton label={photo ? '重新拍照' : '拍摄现场照片'} onPick={(f) => setPhoto(f[0] ?? null)} testId="checkin-photo" />
      </Form>

      <Divider titlePlacement="start">今日打卡</Divider>
      {waiting.length || today.data?.length ? (
        <FieldList
          items={rows}
          itemRender={({ waiting: w, checkin: c }) =>
            w ? (
              <Flex vertical data-testid="checkin-waiting">
                <span>
                  <OutboxTag item={w} /> {w.label}
                </span>
                {w.error ? <Typography.Text type="danger">{w.error.message}</Typography.Text> : null}
              </Flex>
            ) : c ? (
              <Flex vertical data-testid="checkin-item">
                <span>
                  <Tag color="success">已打卡</Tag>
                  {c.pointCode} {c.pointName}
                </span>
                <Typography.Text type="secondary">
                  {timeText(c.checkedAt)} · {placeText(c)} · {c.by}
                </Typography.Text>
                {c.note ? <Typography.Text type="secondary">{c.note}</Typography.Text> : null}
              </Flex>
            ) : null
          }
        />
      ) : (
        <Empty description="今日尚无打卡" />
      )}

      <StickyActions>
        <Button type="primary" size="large" block loading={busy} onClick={() => void save()} data-testid="checkin-save">
          打卡
        </Button>
      </StickyActions>
    </>
  );
}
