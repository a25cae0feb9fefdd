export { createServiceClient, DEFAULT_SERVICE_TIMEOUT_MS, type ServiceClient, type ServiceClientOptions, type ServiceRequest } from './client.js';
