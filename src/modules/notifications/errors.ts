import { defineErrorCodes } from '../../platform/errors.ts';

export const NOTIFICATION_ERRORS = defineErrorCodes({
  CHANNEL_NOT_FOUND: { status: 404, exit: 3, description: 'No such notification channel in this organization.' },
  CHANNEL_IS_FALLBACK: { status: 409, exit: 5, description: "The channel is the organization's fallback channel; choose another fallback first." },
});
