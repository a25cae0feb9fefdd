export type OfficeType = 'CIRCLE' | 'REGION' | 'DIVISION' | 'HEAD_OFFICE' | 'SUB_OFFICE' | 'BRANCH_OFFICE';
export type OfficeStatus = 'ACTIVE' | 'CLOSED';

/** A postal address in India: the first line, city and state are required. */
export interface OfficeAddress {
  line1: string;
  line2: string | null;
  city: string;
  district: string | null;
  state: string;
}

/** When the office delivers mail: morning and evening beats, and whether on Sundays and holidays too. */
export interface DeliveryShifts {
  morning: boolean;
  evening: boolean;
  sundays: boolean;
  holidays: boolean;
}

/** An office as the service layer hands it to resolvers. */
export interface OfficeRecord {
  code: string;
  name: string;
  type: OfficeType;
  status: OfficeStatus;
  parentCode: string | null;
  path: string;
  accountOfficeCode: string | null;
  pin: string | null;
  address: OfficeAddress | null;
  deliveryShifts: DeliveryShifts;
  phone: string | null;
  email: string | null;
  /** YYYY-MM-DD. */
  openedOn: string;
  closedOn: string | null;
  version: number;
}

/** What the seed and createOffice insert: the rest has defaults. */
export type NewOffice = Pick<OfficeRecord, 'code' | 'name' | 'type' | 'parentCode' | 'path' | 'openedOn'> &
  Partial<Pick<OfficeRecord, 'status' | 'accountOfficeCode' | 'pin' | 'address' | 'deliveryShifts' | 'phone' | 'email'>>;
