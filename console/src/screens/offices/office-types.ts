import type { OfficeStatus, OfficeType } from '../../gql/graphql';

/**
 * The office tree's levels and the rules a form can check before it sends anything. They mirror the administration
 * subgraph's (subgraphs/administration/src/offices/domain.ts); the server checks them again and has the last word.
 */
export const OFFICE_TYPES: readonly OfficeType[] = ['CIRCLE', 'REGION', 'DIVISION', 'HEAD_OFFICE', 'SUB_OFFICE', 'BRANCH_OFFICE'];
export const OFFICE_STATUSES: readonly OfficeStatus[] = ['ACTIVE', 'CLOSED'];

const TYPE_NAMES: Record<OfficeType, string> = {
  CIRCLE: 'Circle',
  REGION: 'Region',
  DIVISION: 'Division',
  HEAD_OFFICE: 'Head office',
  SUB_OFFICE: 'Sub office',
  BRANCH_OFFICE: 'Branch office',
};

export function typeName(type: OfficeType): string {
  return TYPE_NAMES[type] ?? type;
}

export function statusName(status: OfficeStatus): string {
  return status === 'ACTIVE' ? 'Active' : 'Closed';
}

/** The types an office under `parent` may have: strictly below it (a level may be skipped, never inverted). */
export function typesUnder(parent: OfficeType | null): OfficeType[] {
  if (parent === null) return ['CIRCLE'];
  return OFFICE_TYPES.slice(OFFICE_TYPES.indexOf(parent) + 1);
}

/** Post offices have a PIN; circles, regions and divisions are administrative units. */
export function needsPin(type: OfficeType): boolean {
  return type === 'HEAD_OFFICE' || type === 'SUB_OFFICE' || type === 'BRANCH_OFFICE';
}

/** Sub and branch offices are "in account with" a head or sub office above them. */
export function needsAccountOffice(type: OfficeType): boolean {
  return type === 'SUB_OFFICE' || type === 'BRANCH_OFFICE';
}

const CODE_FORMAT = /^[A-Z0-9][A-Z0-9-]{0,31}$/;
const PIN_FORMAT = /^[1-9][0-9]{5}$/;

/** An office code as the server stores it (trimmed, upper case), or undefined when it cannot be one. */
export function readOfficeCode(raw: string): string | undefined {
  const code = raw.trim().toUpperCase();
  return CODE_FORMAT.test(code) ? code : undefined;
}

export const CODE_RULE = '1-32 of A-Z, 0-9 and "-", starting with a letter or digit';

export function pinProblem(raw: string): string | undefined {
  return PIN_FORMAT.test(raw.replace(/\s/g, '')) ? undefined : 'A PIN is six digits, the first 1-9 (e.g. 110001).';
}
