/** The Chinese names of the system module's records, their fields, verbs and note keys (src/core/labels.ts). */
import { defineLabels } from '../../core/labels.js';

/** Field names of an org's audit events (service: camelCase; ledger import: snake_case). */
export const ORG_FIELD_LABELS = {
  id: '单位ID',
  name: '单位名称',
  kind: '单位类型',
  parentId: '上级单位',
  parent_id: '上级单位',
  uscc: '统一社会信用代码',
  divisionCode: '行政区划代码',
  division_code: '行政区划代码',
  sort: '排序',
};

/** Field names of a user's audit events. */
export const USER_FIELD_LABELS = {
  password_hash: '密码',
  must_change_password: '须修改密码',
  display_name: '姓名',
  org_id: '所属单位',
  id: '用户ID',
  username: '用户名',
  displayName: '姓名',
  orgId: '所属单位',
  roles: '角色',
  disabled: '已停用',
  mustChangePassword: '须修改密码',
  lockedUntil: '锁定至',
};

export const systemLabels = defineLabels({
  org: { label: '单位', fields: ORG_FIELD_LABELS },
  user: {
    label: '用户',
    fields: USER_FIELD_LABELS,
    actions: { logout: '退出登录', session_revoked: '注销会话', other_sessions_revoked: '退出其他设备' },
    notes: { ip: '登录地址', userAgent: '浏览器', lockedUntil: '锁定至', session: '会话编号', sessions: '注销会话数' },
  },
  api_key: {
    label: '接口密钥',
    fields: { name: '接入方', permissions: '接口权限', expiresOn: '有效期至' },
    actions: { created: '创建密钥', revoked: '吊销密钥', used: '接口调用' },
    notes: { method: '方法', route: '接口', status: '结果状态' },
  },
});
