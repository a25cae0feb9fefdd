export { handleOfficeEvent } from './repository.js';

export const OFFICE_EVENTS_QUEUE = 'money-orders.office-events';
