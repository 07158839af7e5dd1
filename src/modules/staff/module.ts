import { staffLabels } from './labels.js';
import type { EntityLabels } from '../../core/labels.js';
import { defineModule, ownedRows, sqlMigrations, type PermissionDef } from '../../core/module.js';
import { staffRoutes } from './routes.js';
import { staffMetrics } from './metrics.js';
import { examResultsLedger, studySessionsLedger, trainingsLedger } from './ledgers.js';
import { loadStaffDemo } from './demo.js';

export const staffPermissions = {
  'staff.read': { label: '查看学法用法记录', roles: ['admin', 'leader', 'legal', 'enforcement', 'licensing', 'clerk', 'flood', 'advisor', 'viewer'] },
  'staff.write': { label: '登记学法、考试、培训与普法', roles: ['admin', 'legal'] },
} as const satisfies Record<string, PermissionDef>;

const entity = (labels: EntityLabels, table: string) => ({ ...labels, readPermission: 'staff.read', writePermission: 'staff.write', ...ownedRows(table) });

/**
 * 学法用法 — law study sessions (e.g. the Party group's theoretical study), law exams,
 * training events (incl. the street offices' with online and on-site attendance), the
 * 谁执法谁普法 responsibility list and publicity activities. Officers and their
 * certificates belong to the enforcement module.
 */
export const staffModule = defineModule({
  key: 'staff',
  title: '学法用法',
  migrations: sqlMigrations('staff', new URL('./migrations/', import.meta.url), ['0001_init.sql', '0002_list_indexes.sql']),
  permissions: staffPermissions,
  entities: {
    'staff.study_session': entity(staffLabels['staff.study_session'], 'staff_study_session'),
    'staff.exam_result': entity(staffLabels['staff.exam_result'], 'staff_exam_result'),
    'staff.training': entity(staffLabels['staff.training'], 'staff_training'),
    'staff.pufa_duty': entity(staffLabels['staff.pufa_duty'], 'staff_pufa_duty'),
    'staff.pufa_activity': entity(staffLabels['staff.pufa_activity'], 'staff_pufa_activity'),
  },
  ledgers: [studySessionsLedger, examResultsLedger, trainingsLedger],
  metrics: staffMetrics,
  routes: staffRoutes,
  demo: loadStaffDemo,
});
