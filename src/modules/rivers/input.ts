/** Input checks and org lookups come from the kernel; this module's home department. */
export { check } from '../../core/input.js';
export { homeOrg, orgNames, streetsByName } from '../../core/orgs.js';

export const RIVER_DEPARTMENT = '河湖管理科';
