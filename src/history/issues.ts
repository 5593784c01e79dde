import type { Logger } from '../logger.js';
import type { History } from './history.js';

/** The label every freshness issue carries; open issues are found by it and by the marker in their body. */
export const FRESHNESS_LABEL = 'drloop-freshness';

/** What the freshness check needs from an issue tracker; the action backs it with GitHub's REST API. */
export interface IssueTracker {
  /** Open issues with the label (all pages). */
  listOpen(label: string): Promise<{ number: number; body: string }[]>;
  create(title: string, body: string, labels: string[]): Promise<number>;
  update(number: number, body: string): Promise<void>;
  comment(number: number, body: string): Promise<void>;
  close(number: number): Promise<void>;
}

export interface IssueAction {
  plan: string;
  action: 'opened' | 'updated' | 'closed';
  number: number;
}

/** The hidden line that ties an issue to one plan (plan names are data: only safe characters go into it). */
export function markerOf(plan: string): string {
  return `<!-- drloop-freshness plan=${encodeURIComponent(plan)} -->`;
}

function planOf(body: string): string | null {
  const m = /<!-- drloop-freshness plan=([^\s>]+) -->/.exec(body);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return null;
  }
}

const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

function staleBody(plan: string, problems: string[], h: History, runUrl: string | null): string {
  return [
    markerOf(plan),
    `The DR plan ${code(plan)} has no fresh proof that it works.`,
    '',
    ...problems.map((p) => `- ${p.replace(/\r?\n/g, ' ')}`),
    '',
    `Checked ${h.generatedAt} against ${code(h.source)}${runUrl ? ` by [this run](${runUrl})` : ''}. drloop updates this issue while the plan stays stale and closes it once a good drill lands.`,
  ].join('\n');
}

/**
 * Opens an issue for each plan that went stale, updates it (body and a
 * comment when the reasons change) while the plan stays stale, and closes it
 * with a comment once the plan is fresh again. Only plans the history judged
 * are touched; an issue for a plan no longer under the prefix stays as it is.
 */
export async function syncFreshnessIssues(h: History, tracker: IssueTracker, logger: Logger, runUrl: string | null = null): Promise<IssueAction[]> {
  const open = new Map<string, { number: number; body: string }>();
  for (const issue of await tracker.listOpen(FRESHNESS_LABEL)) {
    const plan = planOf(issue.body);
    if (plan !== null && !open.has(plan)) open.set(plan, issue);
  }
  const actions: IssueAction[] = [];
  for (const p of h.plans) {
    if (p.plan === null || !p.freshness) continue;
    const existing = open.get(p.plan);
    if (!p.freshness.ok) {
      const body = staleBody(p.plan, p.freshness.problems, h, runUrl);
      if (!existing) {
        const number = await tracker.create(`DR plan ${p.plan} is stale: no fresh proof it works`, body, [FRESHNESS_LABEL]);
        logger.info(`opened issue #${number} for plan ${p.plan}`);
        actions.push({ plan: p.plan, action: 'opened', number });
      } else {
        const reasons = (b: string) =>
          b
            .split('\n')
            .filter((l) => l.startsWith('- '))
            .join('\n');
        const changed = reasons(existing.body) !== reasons(body);
        await tracker.update(existing.number, body);
        if (changed) await tracker.comment(existing.number, ['Still stale, now because:', '', ...p.freshness.problems.map((x) => `- ${x}`)].join('\n'));
        logger.info(`updated issue #${existing.number} for plan ${p.plan} (still stale)`);
        actions.push({ plan: p.plan, action: 'updated', number: existing.number });
      }
    } else if (existing) {
      const s = p.freshness.newestSuccess!;
      await tracker.comment(existing.number, `Fresh again: a good drill of ${code(p.plan)} ran ${s.date} (${code(s.bundle)}). Closing.`);
      await tracker.close(existing.number);
      logger.info(`closed issue #${existing.number} for plan ${p.plan} (fresh again)`);
      actions.push({ plan: p.plan, action: 'closed', number: existing.number });
    }
  }
  return actions;
}
