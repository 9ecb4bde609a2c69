/**
 * Reads a recorded trace (`faultline run --trace`) as untrusted data: bounded size, streamed line
 * by line, every line validated by decodeLine, oversized lines dropped unread. No vscode import.
 */
import * as fs from 'node:fs';
import { decodeLine, LineSplitter, type TraceEvent } from '../analysis/trace';

/** Largest trace file accepted (a long run with per-layer details stays well below). */
export const MAX_TRACE_BYTES = 512 * 1024 * 1024;
/** Invalid lines reported individually; the rest are only counted. */
const MAX_ERRORS_KEPT = 20;

export class TraceFileError extends Error {}

export interface TraceReadResult {
  events: number;
  invalid: number;
  errors: string[];
  /** The script the trace was recorded from (from the hello event's argv), if any. */
  script: string | null;
  sawHello: boolean;
}

/** The user's script in a recorded argv: the first script-like argument outside node_modules. */
export function scriptFromArgv(argv: readonly string[]): string | null {
  return argv.slice(1).find((a) => /\.[cm]?[jt]s$/.test(a) && !/[\\/]node_modules[\\/]/.test(a)) ?? null;
}

export async function readTraceFile(
  file: string,
  onEvent: (event: TraceEvent) => void,
  options: { maxBytes?: number; isCancelled?: () => boolean } = {},
): Promise<TraceReadResult> {
  const maxBytes = options.maxBytes ?? MAX_TRACE_BYTES;
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch {
    throw new TraceFileError(`Trace file not found: ${file}`);
  }
  if (!stat.isFile()) throw new TraceFileError(`Not a file: ${file}`);
  if (stat.size > maxBytes) {
    throw new TraceFileError(`${file} is ${(stat.size / 1048576).toFixed(0)} MB, over the ${(maxBytes / 1048576).toFixed(0)} MB limit for trace files.`);
  }
  const result: TraceReadResult = { events: 0, invalid: 0, errors: [], script: null, sawHello: false };
  const invalid = (error: string) => {
    result.invalid++;
    if (result.errors.length < MAX_ERRORS_KEPT) result.errors.push(error);
  };
  const splitter = new LineSplitter(
    (line) => {
      const decoded = decodeLine(line);
      if (!decoded.ok) return invalid(decoded.error);
      const event = decoded.event;
      if (event.type === 'hello') {
        result.sawHello = true;
        result.script ??= scriptFromArgv(event.argv);
      }
      result.events++;
      onEvent(event);
    },
    (bytes) => invalid(`a line of ${bytes} bytes is over the limit`),
  );
  const stream = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let read = 0;
  for await (const chunk of stream as AsyncIterable<string>) {
    read += chunk.length;
    // The file may grow while it is read (a run still recording): stop at the limit anyway.
    if (read > maxBytes) {
      stream.destroy();
      throw new TraceFileError(`${file} grew over the ${(maxBytes / 1048576).toFixed(0)} MB limit while it was read.`);
    }
    splitter.push(chunk);
    if (options.isCancelled?.()) {
      stream.destroy();
      break;
    }
  }
  splitter.flush();
  if (!result.sawHello && result.events === 0) {
    throw new TraceFileError(
      result.invalid > 0
        ? `${file} is not a Faultline trace (${result.invalid} invalid line${result.invalid === 1 ? '' : 's'}, first: ${result.errors[0]}).`
        : `${file} is empty.`,
    );
  }
  return result;
}
