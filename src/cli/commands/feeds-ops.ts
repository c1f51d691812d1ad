import type { Command } from 'commander';

/** Placeholder until the operations subcommands (status, add, pause, …) land here. */
export function registerFeedOps(_feeds: Command): void {}
