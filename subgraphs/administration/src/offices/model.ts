export type OfficeType = 'CIRCLE' | 'REGION' | 'DIVISION' | 'HEAD_OFFICE' | 'SUB_OFFICE' | 'BRANCH_OFFICE';

/** An office as the service layer hands it to resolvers. */
export interface OfficeRecord {
  code: string;
  name: string;
  type: OfficeType;
  status: 'ACTIVE' | 'CLOSED';
  parentCode: string | null;
  path: string;
}
