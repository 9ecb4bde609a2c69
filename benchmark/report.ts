/** Writes one benchmark's section into BENCHMARKS.md, replacing the previous one in place. */
import * as fs from 'node:fs';
import * as path from 'node:path';

const FILE = path.resolve(__dirname, '..', 'BENCHMARKS.md');

export function writeSection(key: string, body: string): void {
  const existing = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : '# Benchmarks\n';
  const start = `<!-- ${key}:start -->`;
  const end = `<!-- ${key}:end -->`;
  const section = `${start}\n${body.trim()}\n${end}`;
  const next = existing.includes(start)
    ? existing.slice(0, existing.indexOf(start)) + section + existing.slice(existing.indexOf(end) + end.length)
    : `${existing.trimEnd()}\n\n${section}\n`;
  fs.writeFileSync(FILE, next);
}

export const today = (): string => new Date().toISOString().slice(0, 10);
