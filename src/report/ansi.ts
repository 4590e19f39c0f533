// Plain ANSI SGR codes for the human format. No dependency: six colours and two weights are all stylish needs, and
// formatters stay pure (colour is decided by the caller through ReportInput.color, never by sniffing a TTY here).

export type Style = 'bold' | 'dim' | 'underline' | 'red' | 'yellow' | 'cyan' | 'green' | 'gray';

const CODES: Record<Style, [number, number]> = {
  bold: [1, 22],
  dim: [2, 22],
  underline: [4, 24],
  red: [31, 39],
  yellow: [33, 39],
  cyan: [36, 39],
  green: [32, 39],
  gray: [90, 39],
};

export type Paint = (text: string, ...styles: Style[]) => string;

/** A painter that wraps text in the given styles, or leaves it alone when colour is off. */
export function painter(color: boolean): Paint {
  if (!color) return (text) => text;
  return (text, ...styles) =>
    styles.reduce((painted, style) => `\u001b[${CODES[style][0]}m${painted}\u001b[${CODES[style][1]}m`, text);
}
