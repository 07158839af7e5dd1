/** Input checks and org lookups come from the kernel; this module's home department. */
export { check } from '../../core/input.js';
export { homeOrg, orgNames, streetsByName } from '../../core/orgs.js';

export const FLOOD_DEPARTMENT = '水旱灾害防御科';
