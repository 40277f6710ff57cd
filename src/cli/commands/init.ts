// Placeholder: replaced by the real command in this change.
import type { Command } from 'commander';
import type { CommandAction } from '../main.js';

export function registerInit(_program: Command, _wrap: <A extends unknown[]>(a: CommandAction<A>) => (...args: A) => Promise<void>): void {}
