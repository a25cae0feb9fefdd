export { createTestDatabase, type TestDatabase } from './test-database.js';
export { serverAvailability, needs } from './servers.js';
export { freePort } from './ports.js';
export { waitFor } from './wait.js';
