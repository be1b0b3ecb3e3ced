import cliProgress from "cli-progress";

/** Progress of a stage over many articles: a live bar on a terminal, plain counter lines in CI and pipes. */
export interface Progress {
  tick(count?: number): void;
  done(summary: string): void;
}

const seconds = (ms: number): string =>
  ms >= 100_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`;

/**
 * A terminal gets cli-progress's bar (redrawn at most ten times a second, with rate and ETA); anything else gets a
 * line every tenth of the way, so a log shows how far a long build got and how fast it went.
 */
export function progress(stage: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  let count = 0;
  const rate = (): number => count / Math.max((Date.now() - started) / 1000, 0.001);
  if (stream.isTTY === true && !process.env.CI && total > 0) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: `${stage.padEnd(8)} [{bar}] {value}/{total} | {rate}/s | ETA {eta_formatted}`,
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 200,
        fps: 10,
      },
      cliProgress.Presets.legacy,
    );
    bar.start(total, 0, { rate: "0" });
    return {
      tick(n = 1) {
        count += n;
        bar.update(count, { rate: Math.round(rate()).toLocaleString("en") });
      },
      done(summary) {
        bar.stop();
        stream.write(`${stage}: ${summary}\n`);
      },
    };
  }
  const step = Math.max(1, Math.ceil(total / 10));
  let next = step;
  return {
    tick(n = 1) {
      count += n;
      if (count < next && count !== total) return;
      while (next <= count) next += step;
      const left = rate() > 0 ? ((total - count) / rate()) * 1000 : 0;
      stream.write(
        `${stage}: ${count}/${total}${count < total ? ` (${Math.round(rate())}/s, ETA ${seconds(left)})` : ""}\n`,
      );
    },
    done(summary) {
      stream.write(`${stage}: ${summary} (${seconds(Date.now() - started)})\n`);
    },
  };
}
