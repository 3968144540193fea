import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingMessage, OutgoingMessage } from '../../../../shared/customs/endpoint';

export async function temporaryFolder(): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'zonebook-endpoints-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

export const fixedNow = () => new Date('2024-07-30T03:48:03.000Z');

export function inv101(etpsInnerInvtNo: string, body = 'x'): OutgoingMessage {
  return {
    etpsInnerInvtNo,
    messageType: 'INV101',
    ieFlag: 'E',
    xml: `<?xml version="1.0" encoding="UTF-8"?>\n<Signature><EtpsInnerInvtNo>${etpsInnerInvtNo}</EtpsInnerInvtNo><Body>${body}</Body></Signature>\n`,
    attempt: 1,
  };
}

export function commonResponse(etpsPreentNo: string, dealFlag = '0'): string {
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<CommonResponeMessage>',
    '  <SeqNo>202400000122534496</SeqNo>',
    `  <EtpsPreentNo>${etpsPreentNo}</EtpsPreentNo>`,
    '  <CheckInfo>保税核注清单申报服务调用成功</CheckInfo>',
    `  <DealFlag>${dealFlag}</DealFlag>`,
    '</CommonResponeMessage>',
    '',
  ].join('\n');
}

/**
 * Stands in for the receipt rules: accepts a message only when it ends with its root's closing tag,
 * the way a parser refuses a truncated file.
 */
export function recordingHandler() {
  const received: IncomingMessage[] = [];
  async function onIncoming(message: IncomingMessage): Promise<void> {
    const root = /<([A-Za-z][\w-]*)[\s>]/.exec(message.xml.replace(/<\?xml[^>]*\?>/, ''))?.[1];
    if (!root || !message.xml.trimEnd().endsWith(`</${root}>`))
      throw new Error(`truncated or malformed XML in ${message.name}`);
    received.push(message);
  }
  return { received, onIncoming };
}
