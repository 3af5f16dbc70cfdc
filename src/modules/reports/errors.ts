import { defineErrorCodes } from '../../platform/errors.ts';

export const REPORT_ERRORS = defineErrorCodes({
  REPORT_PERIOD_INVALID: { status: 400, exit: 2, description: 'The report period is not a valid range: from must be a date or time before to (and before now); details.issues names the field.' },
  REPORT_PERIOD_TOO_LONG: { status: 400, exit: 2, description: 'The report period spans more than 366 days; details.issues names the field.' },
});
