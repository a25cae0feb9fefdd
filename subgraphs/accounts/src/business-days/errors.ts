import { ExpectedError } from '@postal/errors';

/** Closing business days: its refusal, with its stable code. */
export const BusinessDayCodes = {
  DATE_NOT_CLOSABLE: 'DATE_NOT_CLOSABLE',
} as const;

export class DateNotClosableError extends ExpectedError {
  constructor(officeCode: string, date: string, message: string) {
    super(BusinessDayCodes.DATE_NOT_CLOSABLE, `${date} cannot be closed for office ${officeCode}: ${message}`, { field: 'date', details: { officeCode, date } });
  }
}
