import { loadSecretKeys, rotateSecretKeyFile, SecretBox } from '../../../platform/crypto/index.ts';
import { AppError } from '../../../platform/errors.ts';
import type { Command } from '../../command.ts';
import { printResult } from '../../output.ts';
import { withRuntime } from '../../with-runtime.ts';

export const secretsRotateCommand: Command = {
  topic: 'secrets',
  verb: 'rotate',
  summary: 'Create a new encryption key and re-encrypt every stored secret (old keys stay readable)',
  options: { yes: { type: 'boolean', description: 'Confirm; without it nothing changes' } },
  async run({ config, options, output, io }) {
    const cfg = config();
    if (cfg.secretKey) {
      throw new AppError('PRECONDITION_FAILED', 'CUSTOS_SECRET_KEY is set: put the old key on a line of secret.key.previous in the data directory, set the new key, then run this again to re-encrypt');
    }
    if (!options.yes) {
      io.stderr('This makes a new key in the data directory and re-encrypts all secrets; add --yes to do it.');
      return 2;
    }
    return withRuntime(cfg, async (runtime) => {
      // The first key is created on first use; make sure there is one to rotate away from.
      loadSecretKeys({ dataDir: cfg.dataDir });
      const ids = rotateSecretKeyFile(cfg.dataDir);
      const box = new SecretBox(loadSecretKeys({ dataDir: cfg.dataDir }));
      let reencrypted = 0;
      for (const m of runtime.modules) reencrypted += (await m.rotateSecrets?.(runtime, box)) ?? 0;
      printResult(io, output, { newKeyId: ids.newKeyId, previousKeyId: ids.oldKeyId, reencrypted });
      return 0;
    });
  },
};
