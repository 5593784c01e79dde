import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { alertFromJson, readAlertFile, type AlertContext } from '../alerts/alertmanager.js';
import { ConfigurationError, describeError } from '../errors.js';
import type { Logger } from '../logger.js';
import { expandGlobs } from '../workspace.js';

/** Where a file of the bundle came from. */
export type EvidenceSourceKind = 'evidence-dir' | 'paths' | 'alert';

/**
 * One file to put in the bundle. Paths inside the bundle are fixed by source,
 * so that two sources can never collide and an auditor can tell them apart:
 * `evidence/<path under evidence-dir>`, `files/<workspace-relative path>`,
 * `alert.json`.
 */
export interface EvidenceItem {
  bundlePath: string;
  source: EvidenceSourceKind;
  /** Where it came from, for people: a workspace-relative path or `input 'alert'`. */
  origin: string;
  /** The file to read, or the content itself (the inline alert). */
  file?: string;
  data?: Buffer;
}

export interface GatherOptions {
  workspace: string;
  evidenceDir: string;
  paths: string[];
  alert?: string | undefined;
  /** Bundles are written here; nothing under it is ever collected. */
  outputDir: string;
  logger: Logger;
}

export interface Gathered {
  items: EvidenceItem[];
  /** The alert parsed from input `alert`, when it was one. */
  alert: AlertContext | null;
  warnings: string[];
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

/** How a path is shown: workspace-relative when inside the workspace, else absolute. */
export function displayPath(workspace: string, abs: string): string {
  return isInside(workspace, abs) ? toPosix(relative(workspace, abs)) || '.' : abs;
}

/** Whether a relative path is, or is under, a `.git` directory (or is a `.git` file of a worktree). */
export function isGitPath(rel: string): boolean {
  return rel.split(/[\\/]/).some((part) => part.toLowerCase() === '.git');
}

/**
 * Lists a directory tree without following links: regular files, and symbolic
 * links (which the caller judges one by one), sorted, with forward slashes.
 * Files under a `.git` directory are listed apart, to be left out.
 */
async function walk(root: string): Promise<{ files: string[]; links: string[]; gitFiles: string[] }> {
  const files: string[] = [];
  const links: string[] = [];
  const gitFiles: string[] = [];
  const visit = async (dir: string, prefix: string, inGit: boolean): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      const rel = prefix === '' ? e.name : `${prefix}/${e.name}`;
      const git = inGit || e.name.toLowerCase() === '.git';
      if (e.isDirectory()) await visit(join(dir, e.name), rel, git);
      else if (git) gitFiles.push(rel);
      else if (e.isSymbolicLink()) links.push(rel);
      else if (e.isFile()) files.push(rel);
    }
  };
  await visit(root, '', false);
  return { files: files.sort(), links: links.sort(), gitFiles };
}

async function realOrUndefined(p: string): Promise<string | undefined> {
  return realpath(p).catch(() => undefined);
}

/**
 * Lists what goes into the bundle, in a stable order. Nothing is read yet
 * except the alert; problems with the user's inputs (a glob leaving the
 * workspace, an alert file that does not exist) are ConfigurationErrors,
 * while missing evidence is only a warning: an evidence step runs after
 * failures too, and a thin bundle is better than none.
 */
export async function gatherEvidence(options: GatherOptions): Promise<Gathered> {
  const { logger } = options;
  const workspace = resolve(options.workspace);
  const realWorkspace = (await realOrUndefined(workspace)) ?? workspace;
  const warnings: string[] = [];
  const warn = (m: string) => {
    warnings.push(m);
    logger.warning(m);
  };
  const outputDir = resolve(workspace, options.outputDir);
  const realOutput = (await realOrUndefined(outputDir)) ?? outputDir;
  const inOutput = (real: string) => isInside(realOutput, real) || isInside(outputDir, real);

  const items: EvidenceItem[] = [];
  const seen = new Set<string>();
  const skippedGit = new Set<string>();

  // 1. The evidence directory shared with cost-decision and dr-execute.
  const evidenceDir = resolve(workspace, options.evidenceDir);
  if (isInside(outputDir, evidenceDir) || isInside(outputDir, workspace)) {
    // Nothing under output-dir is collected, so this would bundle nothing at all.
    throw new ConfigurationError(
      `input 'output-dir': '${options.outputDir}' contains the ${isInside(outputDir, workspace) ? 'workspace' : 'evidence directory'}; write bundles to a directory of their own, outside 'evidence-dir'`,
    );
  }
  const realEvidence = await realOrUndefined(evidenceDir);
  if (!realEvidence) {
    warn(`evidence-dir '${options.evidenceDir}' does not exist: no cost decision or run receipts to collect`);
  } else if (!(await stat(realEvidence)).isDirectory()) {
    throw new ConfigurationError(`input 'evidence-dir': '${options.evidenceDir}' is not a directory`);
  } else {
    const { files, links, gitFiles } = await walk(realEvidence);
    for (const g of gitFiles) skippedGit.add(resolve(realEvidence, g));
    for (const f of files) {
      const abs = resolve(realEvidence, f);
      if (inOutput(abs)) continue;
      seen.add(abs);
      items.push({ bundlePath: `evidence/${f}`, source: 'evidence-dir', origin: displayPath(workspace, abs), file: abs });
    }
    // Symbolic links are followed only to a regular file inside the evidence directory or the workspace; every other one is named.
    for (const f of links) {
      const abs = resolve(realEvidence, f);
      const shown = `${options.evidenceDir}/${f}`;
      const real = await realOrUndefined(abs);
      const st = real ? await stat(real).catch(() => undefined) : undefined;
      if (!real || !st) warn(`${shown}: skipped, it is a symbolic link to nothing`);
      else if (!isInside(realEvidence, real) && !isInside(realWorkspace, real)) warn(`${shown}: skipped, it is a symbolic link to a file outside the evidence directory and the workspace`);
      else if (!st.isFile()) warn(`${shown}: skipped, it is a symbolic link to a ${st.isDirectory() ? 'directory (links to directories are not followed)' : 'special file'}`);
      else if (isGitPath(relative(realWorkspace, real)) || isGitPath(relative(realEvidence, real))) skippedGit.add(real);
      else if (!inOutput(real) && !seen.has(real)) {
        seen.add(real);
        items.push({ bundlePath: `evidence/${f}`, source: 'evidence-dir', origin: displayPath(workspace, abs), file: real });
      }
    }
    if (files.length === 0 && links.length === 0) warn(`evidence-dir '${options.evidenceDir}' is empty`);
  }

  // 2. The user's globs: logs, plans, anything else worth keeping.
  if (options.paths.length > 0) {
    const matches = await expandGlobs(options.paths, workspace, "input 'paths'");
    for (const m of matches) {
      if (m.files.length === 0 && !m.pattern.startsWith('!')) warn(`input 'paths': '${m.pattern}' matches no file`);
      for (const f of m.files) {
        const real = await realOrUndefined(resolve(realWorkspace, f));
        if (!real || inOutput(real) || seen.has(real)) continue;
        if (isGitPath(f) || isGitPath(relative(realWorkspace, real))) {
          skippedGit.add(real);
          continue;
        }
        seen.add(real);
        items.push({ bundlePath: `files/${f}`, source: 'paths', origin: f, file: real });
      }
    }
  }

  // 3. The alert that started it all, inline JSON or a file (e.g. the event payload).
  let alert: AlertContext | null = null;
  const alertInput = options.alert?.trim();
  if (alertInput) {
    let text: string;
    let origin: string;
    let where: string;
    if (alertInput.startsWith('{')) {
      text = alertInput;
      origin = "input 'alert'";
      where = "input 'alert'";
    } else {
      const file = await readAlertFile(alertInput, workspace);
      text = file.text;
      origin = displayPath(realWorkspace, file.path);
      where = alertInput;
    }
    // The payload is kept whatever its shape: evidence records what came in,
    // and a malformed alert is exactly what an auditor would want to see.
    try {
      alert = alertFromJson(JSON.parse(text), where);
    } catch (err) {
      warn(`input 'alert': kept as received but not understood as an alert: ${describeError(err)}`);
    }
    items.push({ bundlePath: 'alert.json', source: 'alert', origin, data: Buffer.from(text, 'utf8') });
  }

  if (skippedGit.size > 0) {
    warn(`skipped ${skippedGit.size} file(s) under .git/: a checkout's .git holds credentials (its config can carry the token it was cloned with), so drloop never bundles it`);
  }
  items.sort((a, b) => (a.bundlePath < b.bundlePath ? -1 : a.bundlePath > b.bundlePath ? 1 : 0));
  return { items, alert, warnings };
}
