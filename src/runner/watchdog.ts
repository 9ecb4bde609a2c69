/**
 * Runs in a worker thread of the traced process, so it keeps watching while the main thread is
 * busy training. When the host that started the run (editor or CLI) is gone — killed, crashed,
 * its window closed without a clean shutdown — it ends the run and everything the run started,
 * so no training process is left orphaned.
 */
import { workerData } from 'node:worker_threads';

const { hostPid, ownGroup, intervalMs } = workerData as { hostPid: number; ownGroup: boolean; intervalMs: number };

function hostAlive(): boolean {
  try {
    process.kill(hostPid, 0);
    return true;
  } catch (error) {
    // EPERM: the pid exists but belongs to someone else; only ESRCH means it is gone.
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

const timer = setInterval(() => {
  if (hostAlive()) return;
  clearInterval(timer);
  try {
    // The launcher made the run its own process group: signal 0 addresses exactly that group.
    if (ownGroup) process.kill(0, 'SIGKILL');
  } finally {
    process.kill(process.pid, 'SIGKILL');
  }
}, intervalMs);
