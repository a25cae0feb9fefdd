export { startAdministration, type AdministrationOptions } from './start.js';
export { seedDemoAdministration, DEMO_OFFICES, DEMO_STAFF, DEMO_OFFICE_STAFF, DEMO_BILLER_STAFF, DEMO_PASSWORD } from './seed/demo.js';
export { AUDIT_QUEUE } from './audit/consumer.js';
