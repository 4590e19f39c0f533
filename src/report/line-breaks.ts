// Formats that promise one line per item (compact for problem matchers, stylish's finding line, plain log lines in
// the github format) fold a message's line breaks, with the blanks around them, into a single space.

export function foldLineBreaks(text: string): string {
  return text.replace(/\s*(\r\n|\r|\n)\s*/g, ' ').trim();
}
