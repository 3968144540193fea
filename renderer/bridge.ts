import { channels, type BridgeApi } from '../shared/bridge/contract';
import type { Dispatch } from '../shared/bridge/dispatch';
import { fail, type Result } from '../shared/bridge/result';

/** How a call reaches the main process: Electron's preload, HTTP to the browser host, or a test fake. */
export type Transport = Dispatch;

export function createBridge(transport: Transport): BridgeApi {
  return Object.fromEntries(
    channels.map((channel) => [channel, (input: unknown) => transport(channel, input ?? {})]),
  ) as BridgeApi;
}

const tokenKey = 'zonebook.hostToken';

/**
 * The browser host hands its token over in the URL fragment (never sent over HTTP). Keep it for this
 * tab's session, so a reload still works, and take it out of the address bar.
 */
export function takeHostToken(location: Location, storage: Storage, history: History): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match?.[1]) {
    storage.setItem(tokenKey, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
    return match[1];
  }
  return storage.getItem(tokenKey);
}

export function httpTransport(
  origin: string,
  token: string | null,
  fetchImpl: typeof fetch = fetch,
): Transport {
  return async (channel, input) => {
    if (!token) {
      return fail('unauthorized', 'This page was opened without its access token');
    }
    try {
      const response = await fetchImpl(`${origin}/api/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as Result<unknown>;
    } catch (error) {
      return fail('transportFailed', error instanceof Error ? error.message : String(error));
    }
  };
}

declare global {
  interface Window {
    zonebook?: Record<string, (input: unknown) => Promise<Result<unknown>>>;
  }
}

/** Electron's preload exposes window.zonebook; anywhere else we talk to the browser host. */
export function pickTransport(win: Window): Transport {
  const preload = win.zonebook;
  if (preload) {
    return async (channel, input) => {
      const call = preload[channel];
      return call ? call(input) : fail('unknownChannel', `No channel named "${channel}"`);
    };
  }
  return httpTransport(win.location.origin, takeHostToken(win.location, win.sessionStorage, win.history));
}
