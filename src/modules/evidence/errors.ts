import { defineErrorCodes } from '../../platform/errors.ts';

export const EVIDENCE_ERRORS = defineErrorCodes({
  EVIDENCE_WITNESS_NOT_FOUND: { status: 404, exit: 3, description: 'No such witness in this organization.' },
  EVIDENCE_RANGE_INVALID: { status: 400, exit: 2, description: 'The evidence period is empty, reversed, longer than 400 days or in the future.' },
  EVIDENCE_PACK_INVALID: { status: 422, exit: 1, description: 'The evidence pack failed verification; details name the first problem and where it is.' },
});
