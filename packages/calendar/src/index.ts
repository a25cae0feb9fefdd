export { isCalendarDate, isRealDay, calendarDateProblem, parseDateTime } from './calendar.js';
export { businessDate, DEFAULT_TIME_ZONE } from './business-date.js';
