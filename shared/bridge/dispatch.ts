import type { z } from 'zod';
import { contract, isChannel, type Channel, type ChannelOutput, type Handlers } from './contract';
import { fail, ok, type Result } from './result';

export type Dispatch = (channel: string, input: unknown) => Promise<Result<unknown>>;

const describeIssues = (issues: z.core.$ZodIssue[]) =>
  issues.map((issue) => ({ path: issue.path.join('.') || '(input)', message: issue.message }));

/**
 * Parses the input against the channel's schema before the handler runs, and turns every failure
 * into a Result, so nothing thrown ever crosses the bridge.
 */
export function createDispatch(handlers: Handlers): Dispatch {
  return async (channel, input) => {
    if (!isChannel(channel)) return fail('unknownChannel', `No channel named "${channel}"`);
    const parsed = contract[channel].input.safeParse(input ?? {});
    if (!parsed.success) {
      const fields = describeIssues(parsed.error.issues);
      return fail(
        'invalidInput',
        `Invalid input for ${channel}: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`,
        { fields },
      );
    }
    try {
      const handler = handlers[channel] as (input: unknown) => Promise<ChannelOutput<Channel>>;
      const value = await handler(parsed.data);
      const checked = contract[channel].output.safeParse(value);
      if (!checked.success) {
        return fail('invalidOutput', `Handler for ${channel} returned an invalid value`, {
          fields: describeIssues(checked.error.issues),
        });
      }
      return ok(checked.data);
    } catch (error) {
      return fail('handlerFailed', error instanceof Error ? error.message : String(error));
    }
  };
}
