/**
 * The field app's pages as its menus name them: the desktop side menu (外勤, index.tsx), the field
 * frame's own drawer and the browser tab's title. Paths are absolute; the home page `/field` is not listed.
 */
export interface FieldPageEntry {
  path: string;
  label: string;
  permission?: string;
}

export const FIELD_MENU: FieldPageEntry[] = [
  { path: '/field/cases', label: '我的案件', permission: 'enforcement.case.write' },
  { path: '/field/sample', label: '水质采样', permission: 'rivers.samples' },
  { path: '/field/patrol', label: '巡查打卡', permission: 'flood.progress' },
];

/** Every field page's name (the menu's and 待同步), for the tab title. */
export function fieldPageLabel(pathname: string): string | null {
  if (pathname === '/field/outbox') return '待同步';
  if (pathname.startsWith('/field/cases/')) return '现场取证';
  return FIELD_MENU.find((m) => m.path === pathname)?.label ?? null;
}
