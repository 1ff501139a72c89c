/** Where the CLI and the server print: lines, and a progress line that overwrites itself on a TTY. */
export interface Terminal {
  line(text: string): void;
  /** Overwrites the current line on a TTY (progress); prints nothing elsewhere. */
  progress(text: string): void;
}

export const silentTerminal: Terminal = { line: () => {}, progress: () => {} };

export function processTerminal(): Terminal {
  const tty = process.stderr.isTTY;
  return {
    line: (text) => process.stderr.write(`${tty ? "\r\x1b[K" : ""}${text}\n`),
    progress: (text) => {
      if (tty) process.stderr.write(`\r\x1b[K${text}`);
    },
  };
}
