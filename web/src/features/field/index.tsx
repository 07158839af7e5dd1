import { MobileOutlined } from '@ant-design/icons';
import { defineFeature } from '../types';
import { FIELD_MENU } from './pages';

/**
 * 外勤 — the field app on a phone (docs/field-app.md): evidence on a case, water samples and
 * patrol check-ins with the device's time, location and hash, kept on the phone while offline.
 * The desktop menu links to its pages; the pages themselves run in the field app's own light frame
 * (FieldApp, routed `/field/*` by the shell's AppRoutes), without the desktop layout or this registry.
 */
export const fieldFeature = defineFeature({
  key: 'field',
  title: '外勤',
  icon: <MobileOutlined />,
  menu: FIELD_MENU,
  routes: [],
});
