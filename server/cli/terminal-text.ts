/**
 * Markdown of an answer as terminal text: `**gras**` in bold on a terminal (plain elsewhere: a file, a pipe),
 * `*italique*` and `` `code` `` without their marks, headings without their `#`, links as « texte (adresse) ».
 * Answers arrive in pieces that may cut a mark in two, so the text is rendered a line at a time.
 */

const BOLD_ON = "\x1b[1m";
const BOLD_OFF = "\x1b[22m";

/** One line of Markdown as terminal text; `ansi` turns bold into the terminal's bold. */
export function terminalLine(line: string, ansi = false): string {
  return line
    .replace(/^(\s*)#{1,6}\s+/, "$1")
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^)\s]+)\)/g, "$1 ($2)")
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__/g, (_, a?: string, b?: string) =>
      ansi ? `${BOLD_ON}${a ?? b}${BOLD_OFF}` : (a ?? b)!,
    )
    .replace(/(^|[\s(«"])\*(?=\S)([^*\n]+?)(?<=\S)\*(?=$|[\s).,;:!?»"])/g, "$1$2")
    .replace(/`([^`\n]+)`/g, "$1");
}

/**
 * A writer of streamed Markdown: `write` takes the pieces as they come and prints each finished line as terminal
 * text; `end` prints what is left.
 */
export function terminalWriter(out: (text: string) => void, ansi = false) {
  let pending = "";
  return {
    write(piece: string) {
      pending += piece;
      const end = pending.lastIndexOf("\n");
      if (end < 0) return;
      out(
        pending
          .slice(0, end + 1)
          .split("\n")
          .map((l) => terminalLine(l, ansi))
          .join("\n"),
      );
      pending = pending.slice(end + 1);
    },
    end() {
      if (pending) out(terminalLine(pending, ansi));
      pending = "";
    },
  };
}
