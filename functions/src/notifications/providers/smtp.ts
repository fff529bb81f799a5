import nodemailer from 'nodemailer';
import type { SmtpSettings } from './config';
import { asProviderError, ProviderFailure, type OutboundMessage, type Sender, type SentReceipt } from './types';

/** Email through any SMTP server with nodemailer; the Message-ID is the delivery id, so a repeat is recognisable. */
export function smtpSender(settings: SmtpSettings): Sender {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.port === 465,
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(message: OutboundMessage): Promise<SentReceipt> {
      try {
        const info = await transport.sendMail({
          from: settings.from,
          to: message.to,
          subject: message.subject,
          text: message.body,
          messageId: `<${encodeURIComponent(message.id)}@debtx.notifications>`,
        });
        return { provider: 'smtp', id: info.messageId, status: info.response.slice(0, 120) };
      } catch (error) {
        // SMTP replies: 4xx is "try later", 5xx is final.
        const e = error as { responseCode?: number; code?: string; message?: string };
        if (typeof e.responseCode === 'number') {
          throw new ProviderFailure(`smtp-${e.responseCode}`, e.message ?? 'SMTP error', e.responseCode < 500);
        }
        const p = asProviderError(error);
        throw new ProviderFailure(p.code, p.message, p.transient || p.code === 'ESOCKET' || p.code === 'ECONNECTION');
      }
    },
  };
}
