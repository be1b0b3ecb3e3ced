/** Progress on a terminal (one line redrawn), plain lines in CI and pipes. */
export interface Progress {
  tick(label: string): void;
  done(summary: string): void;
}

export function progress(stage: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const live = stream.isTTY === true && !process.env.CI;
  let count = 0;
  const step = Math.max(1, Math.ceil(total / 10));
  return {
    tick(label) {
      count++;
      if (live) {
        const width = 24;
        const filled = Math.round((count / Math.max(total, 1)) * width);
        stream.write(`\r${stage.padEnd(10)} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${count}/${total} ${label.slice(0, 40).padEnd(40)}`);
      } else if (count % step === 0 || count === total) {
        stream.write(`${stage}: ${count}/${total}\n`);
      }
    },
    done(summary) {
      if (live) stream.write(`\r${" ".repeat(90)}\r`);
      stream.write(`${stage}: ${summary}\n`);
    },
  };
}
