import { Watermark } from 'antd';
import dayjs from 'dayjs';

/**
 * The screen watermark (屏幕水印) as a layer over the whole window: who (the signed-in user) and today's
 * date, faint and repeated,
 * above the pages and their dialogs, taking no clicks. Loaded only when the bureau turned it on
 * (MainLayout), so the layout of a bureau without it does not carry Ant Design's Watermark.
 */
export function ScreenWatermark({ who }: { who: string }) {
  const content = [who, dayjs().format('YYYY-MM-DD')];
  return (
    <div data-testid="screen-watermark" data-watermark={content.join(' ')} style={{ position: 'fixed', inset: 0, zIndex: 2000, pointerEvents: 'none' }}>
      <Watermark
        content={content}
        font={{ color: 'rgba(0, 0, 0, 0.08)', fontSize: 14 }}
        gap={[120, 120]}
        zIndex={2000}
        style={{ height: '100%', pointerEvents: 'none' }}
      />
    </div>
  );
}
