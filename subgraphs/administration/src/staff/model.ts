import type { Delivery } from '@postal/notify';

export type StaffStatus = 'ACTIVE' | 'SUSPENDED' | 'LEFT';

/** A member of staff as resolvers see it: never the password hash. */
export interface StaffRecord {
  id: string;
  employeeId: string;
  username: string;
  name: string;
  /** Where notifications reach them (see staff/tables.ts); null when not given. */
  mobile: string | null;
  email: string | null;
  officeCode: string;
  roles: string[];
  /** The biller they act for, when they are one of a biller's own people (BILLER); null for the post office's staff. */
  billerCode: string | null;
  status: StaffStatus;
  suspendedAt: Date | null;
  suspensionReason: string | null;
  leftOn: string | null;
  lastLoginAt: Date | null;
  lockedUntil: Date | null;
  mustChangePassword: boolean;
  createdAt: Date;
}

/** One period at one office; `endedAt` null is the current assignment. */
export interface StaffAssignmentRecord {
  id: string;
  staffId: string;
  officeCode: string;
  startedAt: Date;
  endedAt: Date | null;
  assignedBy: string | null;
}

/**
 * What createStaff and resetPassword answer: the person, and where their temporary password was sent. Never the
 * password: it reaches only its owner, through the notifier, so the administrator who set it cannot sign in as them.
 */
export interface StaffWithTemporaryPasswordSent {
  staff: StaffRecord;
  temporaryPasswordSentTo: Delivery;
}

/** What goes into an audit record's before/after: who, where, what state. Never a password or its hash. */
export function auditSummary(staff: StaffRecord): Record<string, unknown> {
  return {
    employeeId: staff.employeeId,
    username: staff.username,
    name: staff.name,
    ...(staff.mobile ? { mobile: staff.mobile } : {}),
    ...(staff.email ? { email: staff.email } : {}),
    officeCode: staff.officeCode,
    roles: staff.roles,
    ...(staff.billerCode ? { billerCode: staff.billerCode } : {}),
    status: staff.status,
    ...(staff.suspensionReason ? { suspensionReason: staff.suspensionReason } : {}),
    ...(staff.leftOn ? { leftOn: staff.leftOn } : {}),
    mustChangePassword: staff.mustChangePassword,
  };
}
