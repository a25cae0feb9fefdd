import { z } from 'zod';

/*
 * Payload schemas, one per event type. Objects strip unknown keys rather than refusing them: a consumer running older
 * code must still accept an event from a producer that has learnt a new optional field, or a rolling deploy would turn
 * every new event into a poison message. Producers are held to the exact shape by the TypeScript types instead.
 */

/** Upper bounds on free text, so one event cannot carry an unbounded document. */
const MAX_CODE_LENGTH = 64;
const MAX_NAME_LENGTH = 200;
const MAX_ACTION_LENGTH = 100;
const MAX_REASON_LENGTH = 2_000;
const MAX_ROLES = 50;
const MAX_IDENTIFIER_LENGTH = 200;
const MAX_PATH_SEGMENTS = 16;

const identifier = z.string().min(1).max(MAX_IDENTIFIER_LENGTH);
/** Office codes are the segments of the materialised path, so they may not contain its separator. */
const officeCode = z
  .string()
  .min(1)
  .max(MAX_CODE_LENGTH)
  .regex(/^[^/\s]+$/, 'an office code has no "/" and no whitespace');

export const actorSchema = z.object({
  kind: z.enum(['staff', 'service', 'anonymous']),
  id: identifier.optional(),
  username: identifier.optional(),
  roles: z.array(z.string().min(1).max(MAX_IDENTIFIER_LENGTH)).max(MAX_ROLES).optional(),
  officeCode: officeCode.optional(),
});

export const auditRecordedSchema = z.object({
  actor: actorSchema,
  /** What was attempted, in SCREAMING_SNAKE_CASE: 'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'OFFICE_CREATED'. */
  action: z
    .string()
    .max(MAX_ACTION_LENGTH)
    .regex(/^[A-Z][A-Z0-9_]*$/, 'an audit action is SCREAMING_SNAKE_CASE'),
  target: z.object({ type: identifier, id: identifier }).optional(),
  officeCode: officeCode.optional(),
  outcome: z.enum(['SUCCESS', 'FAILURE']),
  reason: z.string().min(1).max(MAX_REASON_LENGTH).optional(),
  before: z.record(z.string(), z.unknown()).optional(),
  after: z.record(z.string(), z.unknown()).optional(),
  clientAddress: z.string().min(1).max(MAX_IDENTIFIER_LENGTH).optional(),
  requestId: z.string().min(1).max(MAX_IDENTIFIER_LENGTH).optional(),
});

export const OFFICE_TYPES = ['CIRCLE', 'REGION', 'DIVISION', 'HEAD_OFFICE', 'SUB_OFFICE', 'BRANCH_OFFICE'] as const;

export const officeCreatedSchema = z
  .object({
    code: officeCode,
    name: z.string().min(1).max(MAX_NAME_LENGTH),
    type: z.enum(OFFICE_TYPES),
    parentCode: officeCode.nullable(),
    /** The codes from the top of the hierarchy down to this office, joined by '/', e.g. 'KA/BLR/BLR-HO'. */
    path: z.string().min(1),
  })
  .superRefine((office, context) => {
    // The path, the code and the parent say the same thing three times; an event where they disagree is refused so
    // consumers never have to decide which one to believe.
    const segments = office.path.split('/');
    const expectedParent = segments.length > 1 ? segments[segments.length - 2] : null;
    if (segments.length > MAX_PATH_SEGMENTS) {
      context.addIssue({ code: 'custom', path: ['path'], message: `a path has at most ${MAX_PATH_SEGMENTS} offices` });
    } else if (!segments.every((segment) => officeCode.safeParse(segment).success)) {
      context.addIssue({ code: 'custom', path: ['path'], message: 'every path segment is an office code' });
    } else if (segments[segments.length - 1] !== office.code) {
      context.addIssue({ code: 'custom', path: ['path'], message: 'the path ends with the office code' });
    } else if (expectedParent !== office.parentCode) {
      context.addIssue({ code: 'custom', path: ['parentCode'], message: 'the parent code is the path segment before the code' });
    }
  });
