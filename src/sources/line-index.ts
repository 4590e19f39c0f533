// Offsets to 1-based lines and columns, for sources whose parsers work on offsets (JSON, .env).

export class LineIndex {
  private readonly lineStarts: number[] = [0];
  private readonly bom: boolean;

  constructor(text: string) {
    for (let index = 0; index < text.length; index++) {
      if (text.charCodeAt(index) === 0x0a) this.lineStarts.push(index + 1);
    }
    this.bom = text.charCodeAt(0) === 0xfeff;
  }

  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    // Editors do not show a byte order mark, so it takes no column.
    const column = offset - this.lineStarts[low] + 1 - (low === 0 && this.bom && offset > 0 ? 1 : 0);
    return { line: low + 1, column };
  }
}

