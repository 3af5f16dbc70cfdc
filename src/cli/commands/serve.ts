import { startServer } from '../../app/serve.ts';
import type { Command } from '../command.ts';

export const serveCommand: Command = {
  verb: 'serve',
  summary: 'Run the Custos server (HTTP API, dashboard and background jobs)',
  options: {
    role: { type: 'string', description: 'all (default), api (HTTP only) or worker (jobs only); overrides CUSTOS_ROLE' },
    port: { type: 'string', short: 'p', description: 'Port to listen on; overrides CUSTOS_PORT' },
  },
  async run({ config, options, io }) {
    const base = config();
    const server = await startServer({
      ...base,
      ...(options.role ? { role: options.role as typeof base.role } : {}),
      ...(options.port ? { port: Number(options.port) } : {}),
    });
    io.stderr(`Custos listening on ${server.url} (${server.runtime.dialect})`);
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        server.runtime.logger.info({ signal }, 'shutting down');
        server.close().then(resolve, (err) => {
          server.runtime.logger.error({ err }, 'shutdown failed');
          resolve();
        });
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
    return 0;
  },
};
