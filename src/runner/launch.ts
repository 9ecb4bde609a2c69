/**
 * The host's side of a traced run, shared by the CLI and the extension: starts the user's script
 * with the probe preloaded, receives trace events, owns the process tree, and ends it on stop,
 * timeout or when the host goes away.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as net from 'node:net';
import { pathToFileURL } from 'node:url';
import { decodeLine, LineSplitter, type TraceEvent } from '../analysis/trace';

export interface LaunchOptions {
  /** The training script (.js, .mjs, .cjs, .ts, .mts, .cts). Ignored when `command` is given. */
  script?: string;
  /** A wrapper command instead of a script, e.g. ['npm', 'run', 'train']. */
  command?: string[];
  args?: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** The node executable for scripts (default: this process's). */
  nodePath?: string;
  /** Absolute path of the built probe bundle. */
  probePath: string;
  /** Detailed statistics every N steps (0: adaptive). */
  sampleEvery?: number;
  maxSeconds?: number;
  onEvent(event: TraceEvent): void;
  /** A message on the trace channel that is not a valid event. */
  onInvalid?(error: string): void;
  onStdout?(chunk: Buffer): void;
  onStderr?(chunk: Buffer): void;
}

export type EndReason = 'exited' | 'stopped' | 'timeout' | 'failed-to-start';

export interface RunExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  reason: EndReason;
  /** When the process could not be started at all. */
  startError?: string;
  durationMs: number;
}

export interface RunHandle {
  readonly pid: number | undefined;
  /** Ends the run and every process it started. */
  stop(): void;
  readonly done: Promise<RunExit>;
}

export const SCRIPT_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'];
const TS_EXTENSIONS = new Set(['.ts', '.mts', '.cts']);
const KILL_GRACE_MS = 1500;

export class LaunchError extends Error {}

/** Checks the script before starting anything, so bad input gets a clear message. */
export function checkScript(script: string): string {
  const resolved = path.resolve(script);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(resolved);
  } catch {
    throw new LaunchError(`Script not found: ${resolved}`);
  }
  if (!stat.isFile()) throw new LaunchError(`Not a file: ${resolved}`);
  const ext = path.extname(resolved).toLowerCase();
  if (!SCRIPT_EXTENSIONS.includes(ext)) {
    throw new LaunchError(`Not a JavaScript or TypeScript file: ${resolved} (expected one of ${SCRIPT_EXTENSIONS.join(', ')})`);
  }
  return resolved;
}

function resolveTsx(scriptDir: string): string {
  for (const base of [scriptDir, __dirname, process.cwd()]) {
    try {
      return require.resolve('tsx', { paths: [base] });
    } catch {
      /* try the next place */
    }
  }
  throw new LaunchError('TypeScript scripts need the "tsx" package: install it in your project (npm install --save-dev tsx).');
}

function quoteForNodeOptions(p: string): string {
  return `"${p.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

interface TraceChannel {
  env: Record<string, string>;
  close(): void;
}

/** A FIFO (POSIX) or named pipe (Windows) for processes that are not our direct child. */
function openPipeChannel(onData: (chunk: string) => void): TraceChannel {
  if (process.platform === 'win32') {
    const pipeName = `\\\\.\\pipe\\faultline-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const sockets = new Set<net.Socket>();
    const server = net.createServer((socket) => {
      sockets.add(socket);
      socket.setEncoding('utf8');
      socket.on('data', onData);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    });
    server.listen(pipeName);
    return {
      env: { FAULTLINE_PIPE: pipeName },
      close() {
        for (const s of sockets) s.destroy();
        server.close();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-'));
  const fifo = path.join(dir, 'trace.fifo');
  execFileSync('mkfifo', ['-m', '600', fifo]);
  // Read-write open never blocks and never sees EOF between writers.
  const fd = fs.openSync(fifo, fs.constants.O_RDWR | fs.constants.O_NONBLOCK);
  const stream = new net.Socket({ fd, readable: true, writable: false });
  stream.setEncoding('utf8');
  stream.on('data', onData);
  stream.on('error', () => undefined);
  return {
    env: { FAULTLINE_PIPE: fifo },
    close() {
      stream.destroy();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launch(options: LaunchOptions): RunHandle {
  const started = Date.now();
  const cwd = options.cwd ?? (options.script ? path.dirname(path.resolve(options.script)) : process.cwd());
  let argv: string[];
  let executable: string;
  let direct = false;
  const preload = `--require ${quoteForNodeOptions(options.probePath)}`;
  if (options.command && options.command.length > 0) {
    executable = options.command[0];
    argv = [...options.command.slice(1), ...(options.args ?? [])];
  } else {
    const script = checkScript(options.script ?? '');
    executable = options.nodePath ?? process.execPath;
    const ext = path.extname(script).toLowerCase();
    const loader = TS_EXTENSIONS.has(ext) ? ['--import', pathToFileURL(resolveTsx(path.dirname(script))).href] : [];
    argv = [...loader, script, ...(options.args ?? [])];
    direct = true;
  }

  const splitter = new LineSplitter(
    (line) => {
      const decoded = decodeLine(line);
      if (decoded.ok) options.onEvent(decoded.event);
      else options.onInvalid?.(decoded.error);
    },
    (bytes) => options.onInvalid?.(`dropped a trace message of ${bytes} bytes (over the limit)`),
  );
  const pipe = openPipeChannel((chunk) => splitter.push(chunk));

  const userNodeOptions = options.env?.NODE_OPTIONS ?? process.env.NODE_OPTIONS ?? '';
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...options.env,
    ...pipe.env,
    // The host: the probe uses IPC when it is the direct parent, and its watchdog ends the run if it disappears.
    FAULTLINE_HOST_PID: String(process.pid),
    FAULTLINE_OWN_GROUP: process.platform === 'win32' ? '0' : '1',
    NODE_OPTIONS: `${userNodeOptions} ${preload}`.trim(),
  };
  if (options.sampleEvery !== undefined) env.FAULTLINE_SAMPLE_EVERY = String(options.sampleEvery);
  // The host's own trace settings must not leak into the user's environment twice.
  delete env.ELECTRON_RUN_AS_NODE;

  let child: ChildProcess;
  let reason: EndReason = 'exited';
  let timer: NodeJS.Timeout | undefined;
  let killTimer: NodeJS.Timeout | undefined;
  let lateOutputTimer: NodeJS.Timeout | undefined;
  const done = new Promise<RunExit>((resolve) => {
    try {
      child = spawn(executable, argv, {
        cwd,
        env,
        stdio: ['ignore', 'pipe', 'pipe', ...(direct ? (['ipc'] as const) : [])],
        detached: process.platform !== 'win32',
        windowsHide: true,
        shell: false,
      });
    } catch (error) {
      pipe.close();
      resolve({ code: null, signal: null, reason: 'failed-to-start', startError: (error as Error).message, durationMs: Date.now() - started });
      return;
    }
    child.stdout?.on('data', (chunk: Buffer) => options.onStdout?.(chunk));
    child.stderr?.on('data', (chunk: Buffer) => options.onStderr?.(chunk));
    child.on('message', (message) => {
      if (typeof message === 'string') splitter.push(message + '\n');
      else options.onInvalid?.('a non-text message arrived on the IPC channel');
    });
    let settled = false;
    let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | null = null;
    const settle = (startError?: string) => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      if (killTimer) clearTimeout(killTimer);
      // A pending wait would keep a headless host (the CLI) alive for a second after the run.
      if (lateOutputTimer) clearTimeout(lateOutputTimer);
      splitter.flush();
      pipe.close();
      process.removeListener('exit', onHostExit);
      resolve({
        code: exitInfo?.code ?? null,
        signal: exitInfo?.signal ?? null,
        reason: startError ? 'failed-to-start' : reason,
        startError,
        durationMs: Date.now() - started,
      });
    };
    child.on('error', (error) => {
      if (!exitInfo) settle(error.message);
    });
    child.on('exit', (code, signal) => {
      exitInfo = { code, signal };
      // Whatever the script started and left behind ends with it.
      killTree(child, 'SIGKILL');
      // Output still in flight arrives before 'close'; do not wait for it forever.
      lateOutputTimer = setTimeout(() => settle(), 1000);
    });
    child.on('close', () => {
      // Let the pipe deliver what the process wrote just before it ended.
      setTimeout(() => settle(), 30);
    });
  });

  const stop = (why: EndReason = 'stopped') => {
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      killTree(child, 'SIGKILL');
      return;
    }
    reason = why;
    killTree(child, 'SIGTERM');
    killTimer = setTimeout(() => killTree(child, 'SIGKILL'), KILL_GRACE_MS);
  };
  const onHostExit = () => killTree(child, 'SIGKILL');
  process.on('exit', onHostExit);
  if (options.maxSeconds && options.maxSeconds > 0) {
    timer = setTimeout(() => stop('timeout'), options.maxSeconds * 1000);
  }
  return {
    get pid() {
      return child?.pid;
    },
    stop: () => stop('stopped'),
    done,
  };
}

/** Ends a process and everything it started (its process group on POSIX, /T on Windows). */
export function killTree(child: ChildProcess | undefined, signal: NodeJS.Signals): void {
  if (!child || child.pid === undefined) return;
  if (process.platform === 'win32') {
    try {
      execFileSync('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore' });
    } catch {
      /* already gone */
    }
    return;
  }
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}
