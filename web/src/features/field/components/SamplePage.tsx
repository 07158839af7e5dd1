import { useEffect, useState } from 'react';
import { App, Button, Col, Divider, Form, Input, Row, Select, Typography } from 'antd';
import { useCan, useMe } from '../../../api/session';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';
import { useFieldRead } from '../useFieldRead';
import type { River } from '../../rivers/api';
import { deviceFacts, FIELD_READS, todayInBeijing, warmFieldCache } from '../api';
import { useDevicePlace, usePhotoPreview } from '../useDevicePlace';
import { enqueue } from '../outbox';
import { CameraButton, PlaceLine, StickyActions } from './FieldParts';

/** The readings a field sample records, as the form names them (numbers: the phone's decimal keypad). */
const READINGS = [
  { name: 'transparencyCm', label: '透明度（cm）' },
  { name: 'depthCm', label: '水深（cm）' },
  { name: 'doMgl', label: '溶解氧（mg/L）' },
  { name: 'orpMv', label: '氧化还原电位（mV）' },
  { name: 'nh3nMgl', label: '氨氮（mg/L）' },
  { name: 'tpMgl', label: '总磷（mg/L）' },
  { name: 'codMgl', label: '化学需氧量（mg/L）' },
] as const;

type Values = { riverId?: string; sectionId?: string; sampledOn?: string } & Partial<Record<(typeof READINGS)[number]['name'], string>>;

/**
 * 水质采样 — a water sample recorded on site: river, section, date, the readings, one photo with the
 * device's time and location. Kept on the phone until sent; classified by the server as the desktop
 * form's samples are (GB 3838-2002, the black-odour guideline).
 */
export function SamplePage() {
  const me = useMe();
  const can = useCan();
  const { message } = App.useApp();
  const rivers = useFieldRead<River[]>(FIELD_READS.rivers);
  const [form] = Form.useForm<Values>();
  const riverId = Form.useWatch('riverId', form);
  const [photo, setPhoto] = useState<File | null>(null);
  const { place, asking, fresh } = useDevicePlace();
  const [busy, setBusy] = useState(false);
  useEffect(() => warmFieldCache(can), [can]);
  const preview = usePhotoPreview(photo);
  const river = rivers.data?.find((r) => r.id === riverId);

  const save = async () => {
    const v = await form.validateFields();
    if (!photo) {
      message.warning('请拍摄采样照片');
      return;
    }
    setBusy(true);
    try {
      const here = await fresh();
      const facts = await deviceFacts(photo, here);
      const readings = Object.fromEntries(READINGS.map((r) => [r.name, v[r.name] ? Number(v[r.name]) : null]));
      await enqueue({
        key: facts.key,
        kind: 'sample',
        url: '/api/water-samples/field',
        userId: me.userId,
        label: `${river?.name ?? '河涌'} · ${v.sampledOn}`,
        meta: { ...facts, sample: { riverId: v.riverId, sectionId: v.sectionId ?? null, sampledOn: v.sampledOn, ...readings } },
        file: { name: photo.name, type: photo.type || 'image/jpeg', data: photo },
      });
      form.resetFields(READINGS.map((r) => r.name));
      setPhoto(null);
      message.success(navigator.onLine ? '采样已记录，正在上传' : '采样已保存在本机，联网后自动上传');
    } catch (e) {
      message.error(e instanceof Error ? e.message : '记录失败');
    } finally {
      setBusy(false);
    }
  };

  const number = { pattern: /^-?\d+(\.\d+)?$/, message: '请输入数字' };
  return (
    <>
      <PageTitle title="水质采样" description="现场录入读数并拍照；无网络时保存在本机，联网后自动上传。" />
      {rivers.error && !rivers.data ? <ErrorAlert error={rivers.error} onRetry={rivers.reload} /> : null}
      <Form form={form} layout="vertical" initialValues={{ sampledOn: todayInBeijing() }} requiredMark="optional">
        <Form.Item name="riverId" label="河涌" rules={[{ required: true, message: '请选择河涌' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="选择河涌"
            loading={rivers.loading}
            options={(rivers.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
            onChange={() => form.setFieldValue('sectionId', undefined)}
          />
        </Form.Item>
        <Form.Item name="sectionId" label="监测断面">
          <Select allowClear placeholder="不分断面" options={(river?.sections ?? []).map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item name="sampledOn" label="采样日期" rules={[{ required: true, message: '请填写采样日期' }]}>
          <Input type="date" max={todayInBeijing()} />
        </Form.Item>

        <Divider titlePlacement="start">读数</Divider>
        <Row gutter={12}>
          {READINGS.map((r) => (
            <Col key={r.name} xs={12} md={8}>
              <Form.Item name={r.name} label={r.label} rules={[number]}>
                <Input inputMode="decimal" autoComplete="off" />
              </Form.Item>
            </Col>
          ))}
        </Row>

        <Divider titlePlacement="start">采样照片</Divider>
        <PlaceLine place={place} asking={asking} />
        <div style={{ margin: '8px 0' }}>
          {preview ? <img src={preview} alt="采样照片" style={{ maxWidth: '100%', maxHeight: 200, borderRadius: 4 }} /> : null}
          {photo ? <Typography.Text type="secondary"> {photo.name}</Typography.Text> : null}
        </div>
        <CameraButton label={photo ? '重新拍照' : '拍摄采样照片'} onPick={(f) => setPhoto(f[0] ?? null)} testId="sample-photo" />
      </Form>
      <StickyActions>
        <Button type="primary" size="large" block loading={busy} onClick={() => void save()} data-testid="sample-save">
          保存采样
        </Button>
      </StickyActions>
    </>
  );
}
