export type StaffStatus = 'ACTIVE' | 'SUSPENDED' | 'LEFT';

/** A member of staff as resolvers see it: never the password hash. */
export interface StaffRecord {
  id: string;
  employeeId: string;
  username: string;
  name: string;
  officeCode: string;
  roles: string[];
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

/** What createStaff and resetPassword answer: the temporary password, shown this once and never stored in clear. */
export interface StaffWithTemporaryPassword {
  staff: StaffRecord;
  temporaryPassword: string;
}

/** What goes into an audit record's before/after: who, where, what state. Never a password or its hash. */
export function auditSummary(staff: StaffRecord): Record<string, unknown> {
  return {
    employeeId: staff.employeeId,
    username: staff.username,
    name: staff.name,
    officeCode: staff.officeCode,
    roles: staff.roles,
    status: staff.status,
    ...(staff.suspensionReason ? { suspensionReason: staff.suspensionReason } : {}),
    ...(staff.leftOn ? { leftOn: staff.leftOn } : {}),
    mustChangePassword: staff.mustChangePassword,
  };
}
