import { defineErrorCodes } from '../../platform/errors.ts';

export const LIVE_ERRORS = defineErrorCodes({
  LIVE_STREAM_LIMIT: { status: 429, exit: 6, description: 'The organization has too many open live event streams; retry later.' },
});
