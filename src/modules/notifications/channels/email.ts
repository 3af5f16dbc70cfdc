import { createHash } from 'node:crypto';
import { z } from 'zod';
import { secretString } from './common.ts';
import type { ChannelType, SendContext, SendResult } from './types.ts';

export const EmailSettings = z.object({
  host: z.string().trim().min(1).max(255),
  port: z.number().int().min(1).max(65535).default(587),
  secure: z.boolean().default(false).describe('TLS from the first byte (port 465); otherwise STARTTLS when offered'),
  requireTls: z.boolean().default(false),
  tlsRejectUnauthorized: z.boolean().default(true),
  user: z.string().max(320).optional(),
  password: secretString().describe('SMTP password (secret)'),
  from: z.string().trim().min(3).max(320),
  to: z.array(z.email()).min(1).max(50),
});
export type EmailSettings = z.infer<typeof EmailSettings>;

function smtpFailure(err: unknown, ctx: SendContext): SendResult {
  const e = err as { code?: string; responseCode?: number; message?: string };
  if (ctx.signal.aborted) {
    const timedOut = (ctx.signal.reason as { name?: string } | undefined)?.name === 'TimeoutError';
    return { ok: false, error: timedOut ? `timed out after ${ctx.timeoutMs} ms` : 'aborted: Custos is shutting down' };
  }
  const code = e.responseCode;
  // 5xx replies and refused logins will not change on retry; 4xx replies and broken connections may.
  const permanent = e.code === 'EAUTH' || (code !== undefined && code >= 500);
  return { ok: false, statusCode: code, permanent, error: `SMTP ${code ?? e.code ?? 'error'}: ${(e.message ?? '').slice(0, 200)}` };
}

export const emailChannel: ChannelType<EmailSettings> = {
  type: 'email',
  label: 'Email (SMTP)',
  settingsSchema: EmailSettings,
  secretFields: ['password'],
  missingCredentials: (s) => (s.user && !s.password ? ['password'] : []),
  async send(n, s, ctx) {
    // Loaded on the first mail: nodemailer costs ~25 MB of memory in a process that may never mail.
    const { createTransport } = await import('nodemailer');
    const transport = createTransport({
      host: s.host,
      port: s.port,
      secure: s.secure,
      requireTLS: s.requireTls,
      tls: { rejectUnauthorized: s.tlsRejectUnauthorized },
      auth: s.user ? { user: s.user, pass: s.password } : undefined,
      connectionTimeout: ctx.timeoutMs,
      greetingTimeout: ctx.timeoutMs,
      socketTimeout: ctx.timeoutMs,
    });
    const abort = () => transport.close();
    ctx.signal.addEventListener('abort', abort, { once: true });
    try {
      // The Message-ID derives from the idempotency key, so a retried send is recognisably the same mail.
      const messageId = `<${createHash('sha256').update(ctx.idempotencyKey).digest('hex').slice(0, 32)}@custos.notifications>`;
      const info = await transport.sendMail({
        from: s.from,
        to: n.message.recipient?.email ? [n.message.recipient.email] : s.to,
        subject: n.title.replace(/[\r\n]+/g, ' '),
        text: n.text,
        html: n.html,
        messageId,
        headers: { 'X-Custos-Idempotency-Key': ctx.idempotencyKey },
      });
      const statusCode = Number(/^(\d{3})/.exec(String(info.response ?? ''))?.[1] ?? 250);
      return { ok: true, statusCode };
    } catch (err) {
      return smtpFailure(err, ctx);
    } finally {
      ctx.signal.removeEventListener('abort', abort);
      transport.close();
    }
  },
};
