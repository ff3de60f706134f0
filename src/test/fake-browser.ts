/**
 * A small typed stand-in for webextension-polyfill in unit tests (aliased in vitest.config.ts): messages go
 * to whatever listeners the test registered; nothing touches a real browser.
 */
type Listener = (message: unknown, sender: unknown) => unknown;

function event<T extends (...args: never[]) => unknown>() {
  const listeners = new Set<T>();
  return {
    listeners,
    addListener: (fn: T) => listeners.add(fn),
    removeListener: (fn: T) => listeners.delete(fn),
    hasListener: (fn: T) => listeners.has(fn),
  };
}

const onMessage = event<Listener>();

const browser = {
  runtime: {
    id: 'test-extension',
    onMessage,
    async sendMessage(message: unknown): Promise<unknown> {
      for (const listener of onMessage.listeners) {
        const answer = await listener(message, { id: 'test-extension' });
        if (answer !== undefined) return answer;
      }
      throw new Error('Could not establish connection. Receiving end does not exist.');
    },
    getURL: (path: string) => `chrome-extension://test-extension/${path}`,
  },
  tabs: {
    onActivated: event<(info: { tabId: number }) => void>(),
    async query(): Promise<Array<{ id: number }>> {
      return [{ id: 1 }];
    },
    async sendMessage(): Promise<unknown> {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    },
  },
};

export default browser;
