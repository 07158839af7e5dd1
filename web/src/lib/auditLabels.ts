/** Chinese names of the audit verbs every module shares; a module's own verbs fall back to the raw word. */
export const ACTION_LABELS: Record<string, string> = {
  created: '新建',
  updated: '修改',
  deleted: '删除',
  imported: '导入',
  login: '登录',
  login_failed: '登录失败',
  logout: '退出登录',
  locked: '锁定',
  password_changed: '修改密码',
  password_reset: '重置密码',
  attachment_added: '上传附件',
  deadline_recomputed: '期限重算',
  sealed: '建立完整性基线',
  rekeyed: '更换加密密钥后重新记录',
  rolled_back: '导入未完成，已回滚',
  rotated: '更换密钥',
};

/** The action's Chinese name, or the verb itself when unknown. */
export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

/** Tag colour of an action in the audit views. */
export function actionColor(action: string): string {
  if (action === 'created' || action === 'imported') return 'green';
  if (action === 'deleted' || action === 'locked' || action === 'login_failed') return 'red';
  if (action === 'updated' || action === 'password_reset' || action === 'password_changed') return 'blue';
  if (action === 'deadline_recomputed') return 'orange';
  return 'default';
}

/** Chinese names of the keys modules put in an event's `note`. */
export const NOTE_LABELS: Record<string, string> = {
  via: '来源',
  by: '操作方式',
  failures: '连续失败次数',
  title: '期限',
  before: '原届满日',
  after: '新届满日',
  date: '调整日期',
  filename: '文件',
  rows: '行数',
  created: '新增',
  updated: '更新',
  unchanged: '未变',
  reason: '理由',
  size: '大小（字节）',
  sha256: '哈希值（SHA-256）',
  attachmentId: '附件编号',
};

/** A note value as text: a few well-known codes in Chinese, else as is. */
export function noteValue(key: string, v: unknown): string {
  if (key === 'by' && v === 'self') return '本人修改';
  if (key === 'via' && typeof v === 'string' && v.startsWith('ledger:')) return `台账导入（${v.slice(7)}）`;
  if (key === 'via' && v === 'demo') return '演示数据';
  if (v === null || v === undefined) return '（空）';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
