// A progress bar with ETA on a terminal; nothing at all otherwise (CI logs stay calm).
import cliProgress from 'cli-progress';

export interface Progress {
  tick(label: string): void;
  stop(): void;
}

export function startProgress(total: number, enabled: boolean): Progress {
  if (!enabled || total === 0) return { tick: () => {}, stop: () => {} };
  const bar = new cliProgress.SingleBar(
    { format: '{bar} {value}/{total} reports | ETA {eta_formatted} | {label}', hideCursor: true, clearOnComplete: true, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { label: '' });
  let stopped = false;
  return {
    tick: (label) => bar.increment(1, { label }),
    stop: () => {
      if (!stopped) bar.stop();
      stopped = true;
    },
  };
}
