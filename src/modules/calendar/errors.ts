import { defineErrorCodes } from '../../platform/errors.ts';

export const CALENDAR_ERRORS = defineErrorCodes({
  HOLIDAY_NOT_FOUND: { status: 404, exit: 3, description: 'The organization calendar has no holiday on this date.' },
  HOLIDAY_EXISTS: { status: 409, exit: 5, description: 'The organization calendar already has a holiday on this date.' },
});
