export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/**
 * The wait before retry number `retry` (0 = the first): exponential, capped, with half of it random
 * so that many workstations recovering together do not knock on the gateway in step.
 */
export function retryDelayMs(retry: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** retry);
  return ceiling / 2 + random() * (ceiling / 2);
}
