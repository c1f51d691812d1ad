import type { PipelineBenchResult } from '../pipeline.js';

const f = (n: number, digits = 1) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The bench's one table, as printed. */
export function formatReport(r: PipelineBenchResult, redisPeakRssMb: number | null): string {
  const [one, two] = r.pipeline;
  if (!one || !two) throw new Error('formatReport needs the runs with 1 and 2 extract processes');
  const bareRate = r.bare.articles / r.bare.seconds;
  const lines: string[] = [];
  const row = (label: string, ...cells: string[]) => lines.push(`  ${label.padEnd(40)}${cells.map((c) => c.padStart(16)).join('')}`);
  lines.push(
    `bench:pipeline${r.quick ? ' --quick' : ''}: ${r.world.outlets} outlets, ${r.world.feeds} feeds, ${r.world.articles} articles about ${r.world.stories} stories (seed ${r.world.seed}), pages ${f(r.world.meanPageBytes / 1024)} kB`,
  );
  lines.push(`  politeness: maxConcurrent ${r.politeness.maxConcurrent}, minDelayMs ${r.politeness.minDelayMs} (${r.politeness.note})`);
  lines.push(
    `  processes: cluster, story, N × extract, scheduler+poll; concurrency: extract ${r.concurrency.extract} per process, poll ${r.concurrency.poll}, cluster 1 (global), story ${r.concurrency.story} per process; ${r.machine.cpus} cores, node ${r.machine.node}, load average ${f(r.machine.loadAverageAtStart)} → ${f(r.machine.loadAverageAtEnd)}`,
  );
  lines.push('');
  row('', 'pipeline 1×ext', 'pipeline 2×ext', 'bare 1 process');
  row('articles/s end to end', f(one.articlesPerSecond), f(two.articlesPerSecond), f(bareRate));
  row('ratio to bare (wall)', f(one.articlesPerSecond / bareRate, 2), f(two.articlesPerSecond / bareRate, 2), '1.00');
  // The bare run refreshes after every article; the pipeline's story worker skips superseded ones.
  const equalRate = r.bare.articles / r.bareEqualRefreshesSeconds;
  row(
    'ratio to bare, same refreshes as 1×ext',
    f(one.articlesPerSecond / equalRate, 2),
    f(two.articlesPerSecond / equalRate, 2),
    `${f(r.bareEqualRefreshesSeconds)} s`,
  );
  row(
    'CPU ms per article (all processes)',
    f(one.cpuMsPerArticle),
    f(two.cpuMsPerArticle),
    f((r.bare.cpuSeconds * 1000) / r.bare.articles),
  );
  row('  of which Redis', f((one.redisCpuSeconds * 1000) / one.articles), f((two.redisCpuSeconds * 1000) / two.articles), '-');
  row('seconds', f(one.seconds), f(two.seconds), f(r.bare.seconds));
  row('articles stored / clustered', `${one.articles}/${one.clustered}`, `${two.articles}/${two.clustered}`, `${r.bare.articles}`);
  row('story candidates', `${one.stories}`, `${two.stories}`, `${r.bare.stories}`);
  for (const stage of ['poll', 'extract', 'cluster', 'story'] as const) {
    const cell = (run: typeof one) => `${f(run.stages[stage].workMeanMs)} / ${f(run.stages[stage].workP95Ms, 0)}`;
    row(`${stage} job ms mean / p95`, cell(one), cell(two), bareStep(r, stage));
    row(
      `${stage} wait in queue ms mean, busy`,
      `${f(one.stages[stage].waitMeanMs, 0)}, ${f(one.stages[stage].busy, 2)}`,
      `${f(two.stages[stage].waitMeanMs, 0)}, ${f(two.stages[stage].busy, 2)}`,
      '-',
    );
  }
  const jobs = (run: typeof one) => `${run.stages.story.outcomes.refreshed ?? 0} / ${run.stages.story.outcomes.superseded ?? 0}`;
  row('story refreshes done / superseded', jobs(one), jobs(two), `${r.bare.storyJobs.refreshed} / ${r.bare.storyJobs.superseded}`);
  row('speed-up 2 vs 1 extract processes', '', f(r.speedup, 2) + '×', '');
  // No added process can do better than the cores the 1-extract run left idle.
  row(`ceiling on ${r.machine.cpus} cores: cores × wall / CPU s`, '', f(r.speedupCeiling, 2) + '×', '');
  if (r.latency) {
    // Extract then waits on the outlets, not on the cores: what a second process adds shows.
    const [slowOne, slowTwo] = r.latency.pipeline as [typeof one, typeof one];
    row(`outlets answering in ${r.latency.delayMs} ms: articles/s`, f(slowOne.articlesPerSecond), f(slowTwo.articlesPerSecond), '');
    row(
      '  CPU ms per article, extract busy',
      `${f(slowOne.cpuMsPerArticle)}, ${f(slowOne.stages.extract.busy, 2)}`,
      `${f(slowTwo.cpuMsPerArticle)}, ${f(slowTwo.stages.extract.busy, 2)}`,
      '',
    );
    row('  speed-up 2 vs 1 extract processes', '', f(r.latency.speedup, 2) + '×', '');
  }
  row('Redis bytes per article (used_memory)', f(one.redisBytesPerArticle, 0), f(two.redisBytesPerArticle, 0), '-');
  for (const [group, bytes] of Object.entries(one.memoryPerArticle).sort(([, a], [, b]) => b - a)) {
    row(`  ${group}`, f(bytes, 0), f(two.memoryPerArticle[group] ?? 0, 0), '-');
  }
  row('Redis per article, 7 d × 100k/day', f(r.projectedBytesPerArticle, 0), `${f(r.projectedGbFor7Days, 2)} GB`, '-');
  const rss = (run: typeof one) => run.processes.map((p) => `${p.label} ${f(p.peakRssMb, 0)}`).join(', ');
  lines.push(
    `  peak RSS MB (1×ext): ${rss(one)}; bare ${f(r.bare.peakRssMb, 0)}${redisPeakRssMb === null ? '' : `; redis-server ${f(redisPeakRssMb, 0)}`}`,
  );
  lines.push(`  peak RSS MB (2×ext): ${rss(two)}`);
  const cpu = (run: typeof one) =>
    run.processes.map((p) => `${p.label} ${f(p.cpuSeconds)}`).join(', ') + `, redis ${f(run.redisCpuSeconds)}`;
  lines.push(`  CPU s (1×ext): ${cpu(one)}`);
  lines.push(`  CPU s (2×ext): ${cpu(two)}`);
  lines.push('');
  const fd = r.feeds;
  lines.push(`  ${fd.feeds.toLocaleString('en-US')} feeds, one scheduler each, loopback server answering 304:`);
  row('scheduler set-up', `${f(fd.setupSeconds)} s`, `${f((fd.setupSeconds * 1000) / fd.feeds, 2)} ms/feed`, '');
  row('one poll cycle', `${f(fd.cycleSeconds)} s`, `${fd.requests} polls`, JSON.stringify(fd.outcomes).replace(/"/g, ''));
  row('CPU s per 1,000 polls (poll, Redis)', f(fd.cpuSecondsPer1000Polls, 2), f(fd.redisCpuSecondsPer1000Polls, 2), '');
  row('Redis bytes per feed', f(fd.redisBytesPerFeed, 0), '', '');
  for (const [group, bytes] of Object.entries(fd.memoryPerFeed).sort(([, a], [, b]) => b - a)) row(`  ${group}`, f(bytes, 0), '', '');
  row(
    'cores for 10,000 feeds every 900/300/60 s',
    ...['900s', '300s', '60s'].map((k) => f((r.pollCores[k] ?? 0) * (10_000 / fd.feeds), 3)),
  );
  row('poll process peak RSS MB', f(fd.pollPeakRssMb, 0), '', '');
  lines.push('');
  const g = r.storyGrowth;
  row(
    `story refresh CPU ms, 1 story → ${g.articles} articles`,
    `first 10% ${f(g.firstTenthMs, 2)}`,
    `last 10% ${f(g.lastTenthMs, 2)}`,
    `ratio ${f(g.ratio, 2)}`,
  );
  lines.push('');
  lines.push('  goals:');
  for (const [goal, g] of Object.entries(r.goals))
    lines.push(`    ${g.holds ? 'holds ' : 'MISSED'}  ${goal}: ${g.measured} (target ${g.target})`);
  return `${lines.join('\n')}\n`;
}

function bareStep(r: PipelineBenchResult, stage: 'poll' | 'extract' | 'cluster' | 'story'): string {
  const s = r.bare.steps;
  const perArticle = (seconds: number) => f((seconds * 1000) / r.bare.articles, 2);
  if (stage === 'poll') return `${perArticle(s.parse)} parse`;
  if (stage === 'extract') return `${perArticle(s.fetch + s.extract)} f+x`;
  if (stage === 'cluster') return `${perArticle(s.cluster)} cluster`;
  return `${f((s.suggest * 1000) / Math.max(1, r.bare.storyJobs.refreshed), 2)} refresh`;
}
