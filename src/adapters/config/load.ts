import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import type { Outlet } from '../../core/model/index.js';
import { outletsFileSchema } from './outlets.js';
import { settingsSchema, type Settings } from './settings.js';

/** A config problem a person can fix: which file, which field, what is wrong. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export interface Config {
  settings: Settings;
  outlets: Outlet[];
}

/** Settings from the environment, validated and frozen. */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const known = Object.fromEntries(
    Object.keys(settingsSchema.shape).flatMap((key) => (env[key] === undefined || env[key] === '' ? [] : [[key, env[key]]])),
  );
  const result = settingsSchema.safeParse(known);
  if (!result.success) throw new ConfigError(`environment: ${describe(result.error)}`);
  return Object.freeze(result.data);
}

/** Outlets from a YAML (or JSON) file, validated, with feed ids tied to their outlet. */
export function loadOutlets(file: string): Outlet[] {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message.split('\n')[0];
    throw new ConfigError(`${file}: ${reason}`);
  }
  return parseOutlets(raw, file);
}

/** Validate outlet data from any source (a file, the demo, a test). */
export function parseOutlets(raw: unknown, origin: string): Outlet[] {
  const result = outletsFileSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(`${origin}: ${describe(result.error)}`);
  return result.data.outlets.map((outlet) =>
    Object.freeze({ ...outlet, feeds: outlet.feeds.map((feed) => Object.freeze({ ...feed, outletId: outlet.id })) }),
  );
}

/** The whole config: env settings plus the outlets file they name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const settings = loadSettings(env);
  return Object.freeze({ settings, outlets: loadOutlets(settings.STORYDESK_OUTLETS) });
}

function describe(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`).join('; ');
}
