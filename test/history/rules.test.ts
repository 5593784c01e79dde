/**
 * The rules a history is judged by, on rows built in memory: what counts as
 * a successful drill and as the last drill, the regression threshold, and how
 * the freshness issues follow a plan's reasons.
 */
import { describe, expect, test } from '@jest/globals';
import { MemoryLogger } from '../../src/logger.js';
import { flagRegressions, HISTORY_SCHEMA, judgeFreshness, type History, type HistoryRun } from '../../src/history/history.js';
import { markerOf, syncFreshnessIssues, type IssueTracker } from '../../src/history/issues.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const DAY = 86400;

function row(daysAgo: number, o: Partial<HistoryRun> = {}): HistoryRun {
  const date = new Date(NOW.getTime() - daysAgo * DAY * 1000).toISOString();
  return {
    plan: 'netbox',
    runId: `r${daysAgo}`,
    date,
    mode: 'drill',
    target: 'azure',
    decision: 'allow',
    status: 'succeeded',
    rtoSeconds: 600,
    rpoSeconds: 30,
    rtoObjectiveSeconds: 3600,
    rpoObjectiveSeconds: 300,
    rtoMet: true,
    rpoMet: true,
    runUrl: null,
    bundle: `b${daysAgo}.tar.gz`,
    location: `s3://x/b${daysAgo}.tar.gz`,
    createdAt: date,
    source: 'summary',
    integrity: 'recorded',
    problems: [],
    regression: null,
    ...o,
  };
}

describe('regressions', () => {
  test('flagged above 1.5× the median of the earlier recovery runs, not at it; failbacks and unmeasured runs are left out', () => {
    const runs = [
      row(50, { rtoSeconds: 100 }),
      row(40, { rtoSeconds: 300 }),
      row(35, { mode: 'failback', rtoSeconds: 5000 }),
      row(30, { rtoSeconds: null, status: 'failed' }),
      row(20, { rtoSeconds: 300 }),
      row(10, { rtoSeconds: 301 }),
    ];
    flagRegressions(runs);
    // 300 vs median 100: 3× (flagged); 300 vs median(100, 300) = 200: exactly 1.5× (not); 301 vs median 300: no.
    expect(runs.map((r) => r.regression?.ratio ?? null)).toEqual([null, 3, null, null, null, null]);
  });
});

describe('freshness', () => {
  test('a drill that stopped after validate passed is a success; a dry run (stopped, nothing measured) neither succeeds nor counts as the last drill', () => {
    const v = judgeFreshness(
      [row(20, { status: 'failed', rtoSeconds: null, rtoMet: null }), row(10, { status: 'stopped' }), row(1, { status: 'stopped', rtoSeconds: null, rpoSeconds: null, rtoMet: null, rpoMet: null })],
      30 * DAY,
      NOW,
    );
    expect(v).toMatchObject({ ok: true, newestSuccess: { bundle: 'b10.tar.gz' }, lastDrill: { bundle: 'b10.tar.gz', status: 'stopped' } });
  });

  test('refused runs and failbacks do not refresh a plan; a mismatched bundle is not a success', () => {
    const v = judgeFreshness([row(100), row(5, { status: 'refused', rtoSeconds: null }), row(4, { mode: 'failback' }), row(3, { integrity: 'mismatch', problems: ['changed: x'] })], 30 * DAY, NOW);
    expect(v.ok).toBe(false);
    expect(v.problems).toEqual([
      expect.stringMatching(/^the newest successful drill \(.*b100\.tar\.gz\) is 100 days old, older than the 30d window$/),
      "the last drill's bundle (s3://x/b3.tar.gz) does not verify: changed: x",
    ]);
  });

  test('a plan with no drill at all is stale', () => {
    expect(judgeFreshness([row(1, { mode: null, status: null })], 30 * DAY, NOW).problems).toEqual(['no successful drill on record (freshness window 30d)']);
  });
});

describe('freshness issues', () => {
  function tracker() {
    const issues: { number: number; body: string; open: boolean; comments: string[] }[] = [];
    const t: IssueTracker = {
      listOpen: async () => issues.filter((i) => i.open).map((i) => ({ number: i.number, body: i.body })),
      create: async (_title, body) => issues.push({ number: issues.length + 1, body, open: true, comments: [] }),
      update: async (n, body) => void (issues[n - 1]!.body = body),
      comment: async (n, body) => void issues[n - 1]!.comments.push(body),
      close: async (n) => void (issues[n - 1]!.open = false),
    };
    return { t, issues };
  }
  const history = (plans: { plan: string; problems: string[] }[]): History => ({
    schema: HISTORY_SCHEMA,
    source: 's3://x',
    generatedAt: NOW.toISOString(),
    bundles: 1,
    plans: plans.map((p) => ({
      plan: p.plan,
      runs: [],
      freshness: { ok: p.problems.length === 0, windowSeconds: DAY, newestSuccess: { date: NOW.toISOString(), bundle: 'b.tar.gz', ageSeconds: 0 }, lastDrill: null, problems: p.problems },
    })),
  });

  test('one issue per plan, found again by its marker; a change of reasons adds a comment; fresh closes it; other issues are left alone', async () => {
    const { t, issues } = tracker();
    issues.push({ number: 1, body: 'an unrelated issue with the label', open: true, comments: [] });
    const log = new MemoryLogger();
    expect(
      await syncFreshnessIssues(
        history([
          { plan: 'a b/c', problems: ['old'] },
          { plan: 'd', problems: [] },
        ]),
        t,
        log,
      ),
    ).toEqual([{ plan: 'a b/c', action: 'opened', number: 2 }]);
    expect(issues[1]!.body.startsWith(markerOf('a b/c'))).toBe(true);
    expect(markerOf('a b/c')).toBe('<!-- drloop-freshness plan=a%20b%2Fc -->');
    await syncFreshnessIssues(history([{ plan: 'a b/c', problems: ['old'] }]), t, log);
    expect(issues[1]!.comments).toEqual([]);
    await syncFreshnessIssues(history([{ plan: 'a b/c', problems: ['new reason'] }]), t, log);
    expect(issues[1]!.comments).toEqual(['Still stale, now because:\n\n- new reason']);
    expect(issues[1]!.body).toContain('- new reason');
    expect(await syncFreshnessIssues(history([{ plan: 'a b/c', problems: [] }]), t, log)).toEqual([{ plan: 'a b/c', action: 'closed', number: 2 }]);
    expect(issues.map((i) => i.open)).toEqual([true, false]);
  });
});
