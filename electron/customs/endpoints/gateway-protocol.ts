import { z } from 'zod';

/**
 * The Zonebook customs gateway protocol, version 1. Customs publishes no HTTP API for special-zone
 * messages; this is our own, spoken by a gateway that fronts a Single Window client (or by the sandbox
 * customs), so that a workstation without the IC card can declare over the network.
 *
 * Every request carries `Authorization: Bearer <credential>`.
 *
 * Submitting a message:
 *   POST <base>/messages
 *   Content-Type: application/xml; charset=utf-8
 *   Idempotency-Key: <etpsInnerInvtNo>   (letters, digits and '-' as they are; any other UTF-8 byte as %XX)
 *   X-Message-Type: INV101 | SAS101 | SAS111 | SAS121 | ICP101
 *   X-Ie-Flag: I | E                      (when the document has a direction)
 *   body: the message XML, exactly as it would go into the client's OutBox
 * Answers:
 *   200, 201 or 202  accepted: the gateway has the message and will pass it on exactly once.
 *   409              a message under this Idempotency-Key was already accepted; nothing new happened.
 *   408, 429, 5xx    not taken now; the client retries the same request, same key, after a backoff.
 *   other 4xx        refused for good (bad XML, unknown type, bad credential); the body says why in text.
 *   Redirects are not followed: the credential goes to the configured address only.
 * The gateway must treat the key as the identity of the document: a second POST under a key it has
 * already accepted is answered 409 whatever its body, and never passed on.
 *
 * Fetching receipts:
 *   GET <base>/receipts?after=<cursor>   (no `after` on the very first call)
 *   200 application/json: { "receipts": [{ "id": "…", "xml": "…" }], "cursor": "…" }
 * Receipts come oldest first. `cursor` names the position after the last receipt returned; the client
 * stores it once it has handled the page and sends it back next time. An empty page returns the same
 * cursor. Each receipt's `xml` is what the client would have found in InBox, SentBox or FailBox
 * (CommonResponeMessage included). Ids are unique per gateway.
 */
export const gatewayPaths = { messages: '/messages', receipts: '/receipts' } as const;

export const ReceiptsPage = z.object({
  receipts: z.array(z.object({ id: z.string().min(1), xml: z.string() })),
  cursor: z.string(),
});
export type ReceiptsPage = z.infer<typeof ReceiptsPage>;

/** Statuses worth the same request again later: the gateway or something before it was not ready. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}
