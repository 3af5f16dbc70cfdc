import { defineErrorCodes } from '../../platform/errors.ts';

export const INTEGRATION_ERRORS = defineErrorCodes({
  INTEGRATION_NOT_FOUND: { status: 404, exit: 3, description: 'No such integration in this organization, or no integration has this hook token.' },
  HOOK_SIGNATURE_INVALID: { status: 401, exit: 4, description: "The delivery's signature is missing or was not made with the integration's secret." },
  HOOK_AUTH_FAILED: { status: 401, exit: 4, description: "The delivery's Authorization header is missing or does not match the integration." },
  HOOK_PAYLOAD_INVALID: { status: 400, exit: 2, description: "The delivery decoded but is not in the sender's format; details.errors lists every problem." },
});
