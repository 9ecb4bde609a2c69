/**
 * Turns the faultline.* settings into launch options. Settings are user input: each value is
 * checked and a wrong one produces a message naming the setting. No vscode import here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export class SettingError extends Error {}

export interface RawSettings {
  nodePath: unknown;
  args: unknown;
  env: unknown;
  cwd: unknown;
}

export interface Variables {
  workspaceFolder: string | undefined;
  file: string;
  userHome: string;
  env: NodeJS.ProcessEnv;
}

/** Expands ${workspaceFolder}, ${file}, ${fileDirname}, ${userHome}, ${env:NAME} as VS Code's launch configs do. */
export function expandVariables(value: string, vars: Variables, setting: string): string {
  return value.replace(/\$\{([^}]+)\}/g, (whole, name: string) => {
    if (name === 'workspaceFolder') {
      if (!vars.workspaceFolder) throw new SettingError(`${setting} uses \${workspaceFolder} but no folder is open.`);
      return vars.workspaceFolder;
    }
    if (name === 'file') return vars.file;
    if (name === 'fileDirname') return path.dirname(vars.file);
    if (name === 'userHome') return vars.userHome;
    if (name.startsWith('env:')) return vars.env[name.slice(4)] ?? '';
    throw new SettingError(`${setting}: unknown variable ${whole}.`);
  });
}

/** The first executable named `node` on PATH, or null. */
export function findOnPath(name: string, envPath: string | undefined, platform: NodeJS.Platform = process.platform, isExecutable: (p: string) => boolean = defaultIsExecutable): string | null {
  if (!envPath) return null;
  const exts = platform === 'win32' ? ['.exe', '.cmd', ''] : [''];
  for (const dir of envPath.split(platform === 'win32' ? ';' : ':')) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

function defaultIsExecutable(p: string): boolean {
  try {
    const st = fs.statSync(p);
    if (!st.isFile()) return false;
    if (process.platform === 'win32') return true;
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface ResolvedRun {
  nodePath: string;
  args: string[];
  env: Record<string, string>;
  /** Variables the user asked to remove from the inherited environment. */
  unset: string[];
  cwd: string;
}

export interface HostFacts {
  execPath: string;
  envPath: string | undefined;
  isExecutable?: (p: string) => boolean;
  isDirectory?: (p: string) => boolean;
}

/**
 * The node used by default is the one on PATH (what the user's terminal would run); the editor's
 * own executable is used only when it is a plain node, never an Electron binary.
 */
export function resolveRun(raw: RawSettings, vars: Variables, host: HostFacts): ResolvedRun {
  const isExecutable = host.isExecutable ?? defaultIsExecutable;
  const isDirectory = host.isDirectory ?? ((p: string) => fs.statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false);

  let nodePath: string;
  if (typeof raw.nodePath === 'string' && raw.nodePath.trim() !== '') {
    const expanded = expandVariables(raw.nodePath.trim(), vars, 'faultline.nodePath');
    nodePath = path.isAbsolute(expanded) ? expanded : (findOnPath(expanded, host.envPath, process.platform, isExecutable) ?? path.resolve(vars.workspaceFolder ?? path.dirname(vars.file), expanded));
    if (!isExecutable(nodePath)) throw new SettingError(`faultline.nodePath: ${nodePath} is not an executable file.`);
  } else if (raw.nodePath !== undefined && raw.nodePath !== null && raw.nodePath !== '' && typeof raw.nodePath !== 'string') {
    throw new SettingError('faultline.nodePath must be a string.');
  } else {
    const onPath = findOnPath('node', host.envPath, process.platform, isExecutable);
    if (onPath) nodePath = onPath;
    else if (/^node(\.exe)?$/i.test(path.basename(host.execPath))) nodePath = host.execPath;
    else throw new SettingError('Node.js was not found on PATH. Install it or set faultline.nodePath to the node executable.');
  }

  let args: string[] = [];
  if (raw.args !== undefined && raw.args !== null) {
    if (!Array.isArray(raw.args) || raw.args.some((a) => typeof a !== 'string')) throw new SettingError('faultline.args must be an array of strings.');
    args = (raw.args as string[]).map((a) => expandVariables(a, vars, 'faultline.args'));
  }

  const env: Record<string, string> = {};
  const unset: string[] = [];
  if (raw.env !== undefined && raw.env !== null) {
    if (typeof raw.env !== 'object' || Array.isArray(raw.env)) throw new SettingError('faultline.env must be an object of NAME: value strings.');
    for (const [k, v] of Object.entries(raw.env as Record<string, unknown>)) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) throw new SettingError(`faultline.env: "${k}" is not a valid variable name.`);
      if (v === null) unset.push(k);
      else if (typeof v === 'string') env[k] = expandVariables(v, vars, `faultline.env.${k}`);
      else if (typeof v === 'number' || typeof v === 'boolean') env[k] = String(v);
      else throw new SettingError(`faultline.env.${k} must be a string (or null to unset it).`);
    }
  }

  let cwd = path.dirname(vars.file);
  if (typeof raw.cwd === 'string' && raw.cwd.trim() !== '') {
    const expanded = expandVariables(raw.cwd.trim(), vars, 'faultline.cwd');
    cwd = path.resolve(vars.workspaceFolder ?? path.dirname(vars.file), expanded);
    if (!isDirectory(cwd)) throw new SettingError(`faultline.cwd: ${cwd} is not a folder.`);
  } else if (raw.cwd !== undefined && raw.cwd !== null && raw.cwd !== '' && typeof raw.cwd !== 'string') {
    throw new SettingError('faultline.cwd must be a string.');
  }
  return { nodePath, args, env, unset, cwd };
}

/**
 * Overrides for launch(), which starts from the host's environment: the user's values, and
 * `undefined` for variables to remove (spawn leaves undefined entries out).
 */
export function envOverrides(run: Pick<ResolvedRun, 'env' | 'unset'>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const k of run.unset) env[k] = undefined;
  return { ...env, ...run.env };
}
