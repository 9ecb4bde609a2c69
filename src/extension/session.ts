/**
 * One run's results as the editor keeps them: the RunState fed by the trace, the text every
 * position refers to, and what was published from it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Finding, Report } from '../analysis/findings';
import { RunState } from '../analysis/run-state';
import type { SourceSite } from '../analysis/trace';
import { SCRIPT_EXTENSIONS } from '../runner/launch';
import type { ResolvedRun } from './run-config';
import { Anchors, type TextSource } from './view-model';

/** Sources larger than this are not read for fixes (generated or bundled code). */
const MAX_SOURCE_BYTES = 5 * 1024 * 1024;

export function fileKey(file: string): string {
  const abs = path.resolve(file);
  return process.platform === 'win32' || process.platform === 'darwin' ? abs.toLowerCase() : abs;
}

export function sameFile(a: string, b: string): boolean {
  return fileKey(a) === fileKey(b);
}

function isSourceFile(file: string): boolean {
  return path.isAbsolute(file) && SCRIPT_EXTENSIONS.includes(path.extname(file).toLowerCase());
}

function openDocument(file: string): vscode.TextDocument | undefined {
  const key = fileKey(file);
  return vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && fileKey(d.uri.fsPath) === key);
}

function readDisk(file: string): string | undefined {
  try {
    const st = fs.statSync(file);
    if (!st.isFile() || st.size > MAX_SOURCE_BYTES) return undefined;
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The text of a source file now: the open document (unsaved edits included), else the disk. */
export function currentText(file: string): string | undefined {
  if (!isSourceFile(file)) return undefined;
  const doc = openDocument(file);
  return doc ? doc.getText() : readDisk(file);
}

export interface PublishedEntry {
  code: string;
  message: string;
  finding: Finding | null;
}

export class Session {
  readonly state: RunState;
  /** Text each file had when the run started (open documents first, then disk). */
  private readonly runTexts = new Map<string, string | undefined>();
  report: Report | null = null;
  runError: { message: string; site: SourceSite | null } | null = null;
  /** Diagnostics last published per document URI, to find the finding a diagnostic shows. */
  published = new Map<string, PublishedEntry[]>();
  ended = false;
  notifiedFault = false;

  constructor(
    readonly kind: 'live' | 'replay',
    readonly script: string | null,
    /** Settings the run used (live runs), for Verify fix. */
    readonly config: ResolvedRun | null,
  ) {
    // Positions in the trace refer to the text the run started from. Open documents are
    // snapshotted now, so edits made while training runs do not shift them.
    for (const doc of vscode.workspace.textDocuments) {
      if (doc.uri.scheme === 'file' && isSourceFile(doc.uri.fsPath)) this.runTexts.set(fileKey(doc.uri.fsPath), doc.getText());
    }
    this.state = new RunState(script, { readSource: (file: string) => this.runText(file) });
  }

  /** The engine's source reader: the run's text of a file, read once. */
  runText(file: string): string | undefined {
    if (!isSourceFile(file)) return undefined;
    const key = fileKey(file);
    if (!this.runTexts.has(key)) this.runTexts.set(key, readDisk(file));
    return this.runTexts.get(key);
  }

  /** Maps run positions to the editor's current text; make a new one after edits. */
  anchors(): Anchors {
    const source: TextSource = { runText: (f) => this.runText(f), currentText };
    return new Anchors(source);
  }

  findingById(id: string): Finding | undefined {
    return this.state.engine.findings().find((f) => f.id === id);
  }
}
