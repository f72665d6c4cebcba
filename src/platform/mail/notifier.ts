import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../config.js';
import type { Logger } from '../logger.js';

export interface Message {
  to: { email?: string | null; phone?: string | null };
  subject: string;
  text: string;
}

/** Delivers a message to a person. Email goes over SMTP when configured; everything is also logged (dev, and SMS until a gateway exists). */
export interface Notifier {
  send(message: Message): Promise<void>;
}

export function createNotifier(log: Logger, smtp?: SmtpConfig): Notifier {
  const transport = smtp
    ? nodemailer.createTransport({ host: smtp.host, port: smtp.port, secure: smtp.secure, auth: smtp.user ? { user: smtp.user, pass: smtp.pass } : undefined, tls: { rejectUnauthorized: smtp.secure } })
    : null;
  return {
    async send(message) {
      if (transport && message.to.email) {
        await transport.sendMail({ from: smtp!.from, to: message.to.email, subject: message.subject, text: message.text });
        log.info({ to: message.to.email, subject: message.subject }, 'notification sent by email');
        return;
      }
      // No delivery channel configured: the log is the channel (a self-hosted admin reads it).
      log.warn({ to: message.to, subject: message.subject, text: message.text }, 'notification written to the log (no SMTP / SMS configured)');
    },
  };
}
