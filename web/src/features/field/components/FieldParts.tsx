import { type ReactNode, useRef } from 'react';
import { Button, Flex, Tag, Typography, theme } from 'antd';
import { CameraOutlined, EnvironmentOutlined } from '@ant-design/icons';
import type { OutboxItem } from '../outbox';
import { placeText } from '../api';

/** The bottom bar of a field form: its buttons stay in reach above the keyboard and the fold. */
export function StickyActions({ children }: { children: ReactNode }) {
  return (
    <div
      style={{
        position: 'sticky',
        bottom: 0,
        zIndex: 5,
        margin: '16px -12px -12px',
        padding: '10px 12px calc(10px + env(safe-area-inset-bottom))',
        background: '#fff',
        borderTop: '1px solid #e5e8ee',
        boxShadow: '0 -2px 8px rgba(0,0,0,0.04)',
      }}
    >
      <Flex gap={8}>{children}</Flex>
    </div>
  );
}

interface PickerProps {
  /** The button's words (拍照取证, 拍摄采样照片 …). */
  label: string;
  /** Photos and videos (a case's evidence) or photos only. */
  video?: boolean;
  multiple?: boolean;
  disabled?: boolean;
  onPick(files: File[]): void;
  testId?: string;
}

/** The camera: opens the back camera on a phone (`capture="environment"`), a file chooser elsewhere. */
export function CameraButton({ label, video, multiple, disabled, onPick, testId }: PickerProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={video ? 'image/*,video/*' : 'image/*'}
        capture="environment"
        multiple={multiple}
        // Not the `hidden` attribute: Ant Design's form styles show file inputs as blocks.
        style={{ display: 'none' }}
        data-testid={testId}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length) onPick(files);
        }}
      />
      <Button type="primary" size="large" icon={<CameraOutlined />} block disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </Button>
    </>
  );
}

/** Where the device is, as the officer sees it before recording. */
export function PlaceLine({ place, asking }: { place: { lat: number; lng: number; accuracy: number } | null; asking: boolean }) {
  return (
    <Typography.Text type="secondary" data-testid="place-line">
      <EnvironmentOutlined /> {asking ? '正在获取位置…' : place ? `当前位置：${placeText(place)}` : '未获取位置（未授权定位或无信号；不影响记录）'}
    </Typography.Text>
  );
}

/** An outbox item's state: waiting, or refused with the server's words. */
export function OutboxTag({ item }: { item: OutboxItem }) {
  return item.state === 'failed' ? <Tag color="error">未能同步</Tag> : <Tag color="warning">待同步</Tag>;
}

/** A time as the field pages print it (Beijing, to the second). */
export function timeText(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

/**
 * The rows of a field list (captures, check-ins, the outbox), one under the other with a rule
 * between. Not Ant Design's List: it brings Pagination and with it Select, and its successor Listy a
 * virtual list — weight a phone's first load does not need for a few rows.
 */
export function FieldList<T extends { key: string }>({ items, itemRender }: { items: readonly T[]; itemRender(item: T): ReactNode }) {
  const { token } = theme.useToken();
  return (
    <Flex vertical>
      {items.map((item, i) => (
        <div key={item.key} style={{ padding: '8px 0', borderTop: i ? `1px solid ${token.colorSplit}` : undefined }}>
          {itemRender(item)}
        </div>
      ))}
    </Flex>
  );
}
