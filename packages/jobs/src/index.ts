export {
  JobQueueClosedError,
  JobInterruptedError,
  MAX_CONCURRENCY,
  MAX_ATTEMPTS,
  MIN_EVERY_MS,
  type JobQueue,
  type JobHandler,
  type JobContext,
  type JobInfo,
  type JobState,
  type JobProgress,
  type JobSchedule,
  type JobSettings,
  type AddJobOptions,
  type HandleOptions,
  type JobsLogger,
} from './queue.js';
export { BullJobQueue, bullQueueName, type BullJobQueueOptions, type BullStallSettings } from './bull-queue.js';
export { InProcessJobQueue, type InProcessJobQueueOptions } from './in-process-queue.js';
export { createJobQueue, type CreateJobQueueOptions } from './create-queue.js';
