import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Mail { from: string; to: string[]; raw: string }

/** A real SMTP server on a free local port that keeps every message it receives. */
export async function startSmtpSink(): Promise<{ port: number; mails: Mail[]; close(): Promise<void>; waitFor(pred: (m: Mail) => boolean, ms?: number): Promise<Mail> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => { raw += chunk.toString('utf8'); });
      stream.on('end', () => {
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port, mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    async waitFor(pred, ms = 10_000) {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        const hit = mails.find(pred);
        if (hit) return hit;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('no matching mail arrived');
    },
  };
}
