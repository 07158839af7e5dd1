import { useState } from 'react';
import { App, Card, Descriptions, Switch, Typography } from 'antd';
import { api } from '../../../api/client';
import { useSession } from '../../../api/session';
import { useApi } from '../../../api/useApi';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageTitle } from '../../../components/PageTitle';

/** The bureau's settings (GET/PUT /api/system/settings). */
interface Settings {
  watermark: boolean;
}

/**
 * 系统设置 — the bureau's own switches, admin only. 屏幕水印: a faint watermark with the signed-in user's
 * name and the date over the desktop app, so that a photographed or shared screen names who showed it.
 * Each change is recorded in the audit log.
 */
export function SettingsPage() {
  const { message } = App.useApp();
  const { refresh } = useSession();
  const res = useApi<Settings>('/api/system/settings');
  const [saving, setSaving] = useState(false);
  const setWatermark = async (watermark: boolean) => {
    setSaving(true);
    try {
      await api.put<Settings>('/api/system/settings', { watermark });
      res.reload();
      // The watermark follows the session's view of the bureau: the admin sees the change at once.
      await refresh();
      message.success(watermark ? '已开启屏幕水印' : '已关闭屏幕水印');
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <>
      <PageTitle title="系统设置" description="本局的系统开关，修改后记入审计日志。" />
      <ErrorAlert error={res.error} onRetry={res.reload} />
      <Card loading={res.loading && !res.data}>
        <Descriptions column={1} bordered size="middle" styles={{ label: { width: 160 } }}>
          <Descriptions.Item label="屏幕水印">
            <Switch
              checked={!!res.data?.watermark}
              loading={saving}
              disabled={!res.data}
              onChange={setWatermark}
              checkedChildren="开启"
              unCheckedChildren="关闭"
              data-testid="setting-watermark"
            />
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              开启后，桌面端各页面铺满浅色水印，显示当前登录人的姓名、账号和当天日期（外勤端和公众页面不显示）。其他用户重新打开或刷新页面后生效。
            </Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      </Card>
    </>
  );
}
