/**
 * Loads a built extension entry with a stub `vscode` and calls `activate`, `runs` times from a
 * fresh module cache: the best time, and the command ids the last activation registered.
 */
import Module from 'node:module';

export function timeActivation(entry: string, runs: number): { bestMs: number; registered: string[] } {
  const registered: string[] = [];
  const disposable = { dispose() {} };
  const stub = {
    commands: { registerCommand: (id: string) => (registered.push(id), disposable) },
    window: { registerWebviewPanelSerializer: () => disposable },
  };
  const M = Module as unknown as { _load: (req: string, ...rest: unknown[]) => unknown };
  const load = M._load;
  M._load = function (req: string, ...rest: unknown[]) {
    return req === 'vscode' ? stub : load.call(this, req, ...rest);
  };
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      delete require.cache[entry];
      registered.length = 0;
      const t0 = process.hrtime.bigint();
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      (require(entry) as { activate(ctx: { subscriptions: unknown[] }): void }).activate({ subscriptions: [] });
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return { bestMs: Math.min(...times), registered: [...registered] };
  } finally {
    M._load = load;
  }
}
