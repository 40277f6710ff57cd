// The ConfigError a config text gives (a test fails when it gives none).
import { expect } from 'vitest';
import { parseConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';

export function configErrorOf(text: string): ConfigError {
  try {
    parseConfig(text, 'lagesbild.yaml');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}
