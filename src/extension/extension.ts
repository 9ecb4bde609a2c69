/**
 * Activation registers the commands and nothing else. The controller (engine, zod, launcher,
 * providers) is loaded by the first command, so opening a window costs almost nothing.
 * The .vsix ships the controller as its own file (dist/controller.js, see the `package`
 * script), so activation does not even parse it.
 */
import * as vscode from 'vscode';
import type { Faultline } from './controller';

type Method = 'debugTraining' | 'stopTraining' | 'openTrace' | 'showOutput' | 'showPanel' | 'verifyFix';

const COMMANDS: ReadonlyArray<[string, Method]> = [
  ['faultline.debugTraining', 'debugTraining'],
  ['faultline.stopTraining', 'stopTraining'],
  ['faultline.openTrace', 'openTrace'],
  ['faultline.showOutput', 'showOutput'],
  ['faultline.showPanel', 'showPanel'],
  ['faultline.verifyFix', 'verifyFix'],
];

let app: Faultline | undefined;

export function activate(context: vscode.ExtensionContext): void {
  let loading: Promise<Faultline> | undefined;
  const load = (): Promise<Faultline> =>
    (loading ??= Promise.resolve().then(() => {
      // A plain require: bundled, it runs the controller's module code only now; packaged, the
      // controller is a separate file that is not even parsed until then.
      const m = require('./controller') as typeof import('./controller');
      app = new m.Faultline(context);
      context.subscriptions.push(app);
      return app;
    }));
  // A trend panel open when the window reloaded is restored through the controller, loaded then.
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer('faultline.trends', {
      deserializeWebviewPanel: async (panel, state) => (await load()).revivePanel(panel, state),
    }),
  );
  for (const [id, method] of COMMANDS) {
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (arg?: unknown) => {
        // Stop before anything ran has nothing to load.
        if (method === 'stopTraining' && !app) return;
        const f = await load();
        return f[method](arg);
      }),
    );
  }
}

/** Closing the window ends a running script and everything it started. */
export async function deactivate(): Promise<void> {
  const f = app;
  app = undefined;
  await f?.shutdown();
}
