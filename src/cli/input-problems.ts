import type { ProblemHandler } from '../core/model/index.js';

/**
 * Bad lines of a command's JSON Lines input, each reported on stderr as it is met while the run
 * goes on (a backfill or a scored stream of thousands of articles does not stop at one broken
 * record), and a count at the end. With `strict`, no handler: the first bad line stops the run.
 */
export function inputProblems(command: string, strict = false): { handler: ProblemHandler | undefined; summarise: () => void } {
  let count = 0;
  const handler: ProblemHandler = (problem) => {
    count++;
    process.stderr.write(`storydesk ${command}: ${problem.message} (${problem.code})\n`);
  };
  return {
    handler: strict ? undefined : handler,
    summarise: () => {
      if (count > 0) process.stderr.write(`storydesk ${command}: ${count} bad line(s), reported above\n`);
    },
  };
}
