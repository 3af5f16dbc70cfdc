import { defineErrorCodes } from '../errors.ts';

export const SECRET_UNREADABLE = 'SECRET_UNREADABLE';
export const SECRET_KEY_FILE_INSECURE = 'SECRET_KEY_FILE_INSECURE';

defineErrorCodes({
  [SECRET_UNREADABLE]: {
    status: 500,
    exit: 1,
    description: 'A stored secret cannot be decrypted: its key is not in the keyring or the value was altered.',
  },
  [SECRET_KEY_FILE_INSECURE]: {
    status: 500,
    exit: 78,
    description: 'The secret key file is readable or writable by group or others; run chmod 600 on it.',
  },
});
