/**
 * The probe's side of the trace channel. Writes are synchronous or immediate so that events
 * reach the host even while a custom training loop blocks the event loop, and so that nothing
 * is lost when the script calls process.exit().
 *
 * - IPC: when the host forked this very process (`FAULTLINE_HOST_PID` equals our parent pid).
 * - Pipe: otherwise (wrappers such as `npm run` or the tsx CLI), a FIFO on POSIX or a named pipe
 *   on Windows whose path is in `FAULTLINE_PIPE`, opened and written synchronously.
 */
import * as fs from 'node:fs';

export interface Transport {
  send(line: string): void;
  readonly kind: 'ipc' | 'pipe' | 'none';
}

const NONE: Transport = { send: () => undefined, kind: 'none' };

export function openTransport(env: NodeJS.ProcessEnv = process.env): Transport {
  const hostPid = Number(env.FAULTLINE_HOST_PID);
  if (typeof process.send === 'function' && process.channel && hostPid === process.ppid) {
    // The channel must not keep a finished script alive.
    process.channel.unref();
    let broken = false;
    return {
      kind: 'ipc',
      send(line) {
        if (broken || !process.connected) return;
        try {
          process.send!(line, undefined, undefined, (error) => {
            if (error) broken = true;
          });
        } catch {
          broken = true;
        }
      },
    };
  }
  const pipePath = env.FAULTLINE_PIPE;
  if (pipePath) {
    let fd: number | null = null;
    try {
      fd = fs.openSync(pipePath, 'w');
    } catch {
      return NONE;
    }
    return {
      kind: 'pipe',
      send(line) {
        if (fd === null) return;
        try {
          const buffer = Buffer.from(line + '\n', 'utf8');
          let offset = 0;
          while (offset < buffer.length) offset += fs.writeSync(fd, buffer, offset);
        } catch {
          // The host went away: stop tracing, never disturb the user's training.
          try {
            fs.closeSync(fd);
          } catch {
            /* already closed */
          }
          fd = null;
        }
      },
    };
  }
  return NONE;
}
