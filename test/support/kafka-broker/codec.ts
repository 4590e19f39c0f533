// The classic (non-flexible) Kafka wire types and the size-prefixed framing.
// Big-endian ints; STRING = int16 length + UTF-8 (-1 = null); ARRAY = int32 count (-1 = null); BYTES = int32 length.
// Flexible versions (compact strings, tagged fields) are never advertised, so they are not encoded here.

export class Writer {
  private readonly parts: Buffer[] = [];

  private fixed(size: number, write: (b: Buffer) => void): this {
    const b = Buffer.alloc(size);
    write(b);
    this.parts.push(b);
    return this;
  }

  int8(v: number): this { return this.fixed(1, (b) => b.writeInt8(v)); }
  int16(v: number): this { return this.fixed(2, (b) => b.writeInt16BE(v)); }
  int32(v: number): this { return this.fixed(4, (b) => b.writeInt32BE(v)); }
  int64(v: number | bigint): this { return this.fixed(8, (b) => b.writeBigInt64BE(BigInt(v))); }
  bool(v: boolean): this { return this.int8(v ? 1 : 0); }

  string(s: string | null): this {
    if (s === null) return this.int16(-1);
    const b = Buffer.from(s, 'utf8');
    this.int16(b.length);
    this.parts.push(b);
    return this;
  }

  bytes(b: Buffer | null): this {
    if (b === null) return this.int32(-1);
    this.int32(b.length);
    this.parts.push(b);
    return this;
  }

  array<T>(items: readonly T[] | null, writeItem: (w: this, item: T) => void): this {
    if (items === null) return this.int32(-1);
    this.int32(items.length);
    for (const item of items) writeItem(this, item);
    return this;
  }

  int32s(items: readonly number[]): this { return this.array(items, (w, v) => w.int32(v)); }
  strings(items: readonly string[]): this { return this.array(items, (w, s) => w.string(s)); }

  buffer(): Buffer { return Buffer.concat(this.parts); }
}

export class Reader {
  private offset = 0;
  constructor(private readonly b: Buffer) {}

  int8(): number { const v = this.b.readInt8(this.offset); this.offset += 1; return v; }
  int16(): number { const v = this.b.readInt16BE(this.offset); this.offset += 2; return v; }
  int32(): number { const v = this.b.readInt32BE(this.offset); this.offset += 4; return v; }
  int64(): bigint { const v = this.b.readBigInt64BE(this.offset); this.offset += 8; return v; }
  bool(): boolean { return this.int8() !== 0; }

  string(): string | null {
    const n = this.int16();
    if (n < 0) return null;
    const s = this.b.toString('utf8', this.offset, this.offset + n);
    this.offset += n;
    return s;
  }

  bytes(): Buffer | null {
    const n = this.int32();
    if (n < 0) return null;
    const v = this.b.subarray(this.offset, this.offset + n);
    this.offset += n;
    return v;
  }

  array<T>(readItem: (r: Reader) => T): T[] | null {
    const n = this.int32();
    if (n < 0) return null;
    const items: T[] = [];
    for (let i = 0; i < n; i++) items.push(readItem(this));
    return items;
  }
}

/** Accumulates socket chunks and yields complete frames (the bytes after each int32 size prefix). */
export class FrameSplitter {
  private pending = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    this.pending = Buffer.concat([this.pending, chunk]);
    const frames: Buffer[] = [];
    while (this.pending.length >= 4 && this.pending.length >= 4 + this.pending.readInt32BE(0)) {
      const size = this.pending.readInt32BE(0);
      frames.push(this.pending.subarray(4, 4 + size));
      this.pending = this.pending.subarray(4 + size);
    }
    return frames;
  }
}

/** Size prefix + response header v0 (correlation id only): the only header kafkajs 2.2.4 reads. */
export function responseFrame(correlationId: number, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeInt32BE(body.length + 4, 0);
  head.writeInt32BE(correlationId, 4);
  return Buffer.concat([head, body]);
}
