/** A member of staff as resolvers see it: never the password hash. */
export interface StaffRecord {
  id: string;
  username: string;
  name: string;
  officeCode: string;
  roles: string[];
  status: 'ACTIVE' | 'SUSPENDED' | 'LEFT';
}
