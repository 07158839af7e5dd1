/**
 * The Chinese names of what the audit log records — record types, the fields an event changes, its verbs
 * and note keys — declared once, by the module that owns the record (`src/modules/<m>/labels.ts`), and read
 * by both the server (the module manifest's entities, the audit export) and the web app (the feature
 * registry, record history, the audit log). Labels files hold data only: they import nothing but types,
 * so the web bundles them without server code (tests/kernel/layering.test.ts checks it).
 */

/** How one record type (an audit `entity`) is named. */
export interface EntityLabels {
  /** The record type ('许可办件'). */
  label: string;
  /** The fields its audit events carry ('received_on' → '收件日期'). */
  fields?: Readonly<Record<string, string>>;
  /** Its own audit verbs ('decided' → '作出决定'); the shared verbs are below. */
  actions?: Readonly<Record<string, string>>;
  /** The keys its events put in `note`. */
  notes?: Readonly<Record<string, string>>;
}

/** A module's labels, by audit entity name (typed identity). */
export function defineLabels<K extends string>(labels: Record<K, EntityLabels>): Record<K, EntityLabels> {
  return labels;
}

/** Verbs every module shares. */
export const SHARED_ACTION_LABELS: Readonly<Record<string, string>> = {
  created: '新建',
  updated: '修改',
  deleted: '删除',
  imported: '导入',
  login: '登录',
  login_failed: '登录失败',
  locked: '锁定',
  login_refused: '锁定期间登录被拒',
  logout: '退出登录',
  session_revoked: '注销会话',
  other_sessions_revoked: '退出其他设备',
  password_changed: '修改密码',
  password_reset: '重置密码',
  attachment_added: '上传附件',
  deadline_recomputed: '期限重算',
  sealed: '建立完整性基线',
  rekeyed: '更换加密密钥后重新记录',
  rolled_back: '导入未完成，已回滚',
  rotated: '更换密钥',
  revoked: '吊销',
  used: '接口调用',
};

/** Note keys every module shares. */
export const SHARED_NOTE_LABELS: Readonly<Record<string, string>> = {
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

/** The kernel's own record types. */
export const KERNEL_LABELS = defineLabels({
  tenant: { label: '本局', fields: { name: '名称', divisionCode: '行政区划代码', uscc: '统一社会信用代码', watermark: '屏幕水印' } },
  'calendar.override': { label: '节假日调整', fields: { date: '日期', kind: '类型', name: '名称', note: '备注' } },
  ledger: { label: '台账' },
  'ledger.import': {
    label: '台账导入',
    actions: { undone: '撤销导入' },
    notes: {
      ledger: '台账',
      sha256: '文件指纹',
      size: '文件大小（字节）',
      findings: '历史问题',
      findingsByRule: '历史问题（按规则）',
      traceDigest: '导入明细摘要',
      stateDigest: '记录状态摘要',
      ignoredRows: '忽略行数',
      deleted: '删除记录',
      restored: '恢复记录',
    },
  },
});
