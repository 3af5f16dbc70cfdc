import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface SmtpSink {
  port: number;
  mails: ReceivedMail[];
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 that keeps every message; with `login`, it requires that user and password. */
export async function startSmtpSink(options: { login?: { user: string; password: string } } = {}): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  const { login } = options;
  const server = new SMTPServer({
    disabledCommands: login ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    allowInsecureAuth: Boolean(login),
    onAuth: (auth, _session, cb) => (login && auth.username === login.user && auth.password === login.password ? cb(null, { user: login.user }) : cb(new Error('bad login'))),
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ from: String(session.envelope.mailFrom && session.envelope.mailFrom.address), to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { port: (server.server.address() as AddressInfo).port, mails, close: () => new Promise<void>((r) => server.close(() => r())) };
}
