/**
 * What other modules may read of the licensing module (docs/architecture.md: a module uses another
 * only through its index): the permit list in the caller's scope (a litigation case picks the permit
 * it challenges).
 */
export { listPermits as listLicensingPermits } from './repository.js';
