/** Wire types of the fields written here. */
const VARINT = 0;
const FIXED64 = 1;
const LENGTH_DELIMITED = 2;

const MIN_CAPACITY = 256;

/**
 * Writes protobuf fields into one growing buffer, with the bytes protobufjs writes for the same values (minimal
 * varints, negative integers as ten-byte varints, little-endian doubles, UTF-8 strings). protobufjs' Writer queues one
 * object per value and copies them all out at the end: for a 10,000-prediction answer that is over half a million
 * short-lived objects. Here a value costs a few byte stores, and an embedded message's length is written in front of it
 * once its content is known (`openMessage` / `closeMessage`).
 */
export class ProtoWriter {
  private buffer: Buffer;
  private position = 0;

  constructor(capacity = MIN_CAPACITY) {
    this.buffer = Buffer.allocUnsafe(Math.max(capacity, MIN_CAPACITY));
  }

  /** The bytes written so far (a view, no copy); the writer must not be used afterwards. */
  finish(): Buffer {
    return this.buffer.subarray(0, this.position);
  }

  string(field: number, value: string): void {
    this.tag(field, LENGTH_DELIMITED);
    this.text(value);
  }

  double(field: number, value: number): void {
    this.tag(field, FIXED64);
    this.reserve(8);
    this.position = this.buffer.writeDoubleLE(value, this.position);
  }

  /**
   * An int64, or an int32 within its range: as protobufjs, truncated towards zero, negative values as 64-bit two's
   * complement, anything not finite as 0.
   */
  integer(field: number, value: number): void {
    this.tag(field, VARINT);
    const whole = Number.isFinite(value) ? Math.trunc(value) : 0;
    if (whole >= 0) this.varint(whole);
    else this.negativeVarint(whole);
  }

  bool(field: number, value: boolean): void {
    this.tag(field, VARINT);
    this.varint(value ? 1 : 0);
  }

  /** A packed repeated double field; nothing when empty, as protobufjs. */
  packedDoubles(field: number, values: readonly number[]): void {
    if (values.length === 0) return;
    this.tag(field, LENGTH_DELIMITED);
    this.varint(values.length * 8);
    this.reserve(values.length * 8);
    for (const value of values) this.position = this.buffer.writeDoubleLE(value, this.position);
  }

  /** Bytes already encoded (whole fields), copied as they are. */
  raw(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.position);
    this.position += bytes.length;
  }

  /** Starts an embedded message (or map entry) in `field`; returns where its content starts, for `closeMessage`. */
  openMessage(field: number): number {
    this.tag(field, LENGTH_DELIMITED);
    this.reserve(1);
    return ++this.position;
  }

  /** Writes the length of the message opened at `start` before it, moving its content when the length takes more than a byte. */
  closeMessage(start: number): void {
    const length = this.position - start;
    const extra = varintSize(length) - 1;
    if (extra > 0) {
      this.reserve(extra);
      this.buffer.copyWithin(start + extra, start, this.position);
      this.position += extra;
    }
    const end = this.position;
    this.position = start - 1;
    this.varint(length);
    this.position = end;
  }

  private tag(field: number, wireType: number): void {
    this.varint((field << 3) | wireType);
  }

  private varint(value: number): void {
    this.reserve(10);
    const buffer = this.buffer;
    while (value > 127) {
      buffer[this.position++] = (value % 128) | 128;
      value = Math.floor(value / 128);
    }
    buffer[this.position++] = value;
  }

  private negativeVarint(value: number): void {
    let bits = BigInt.asUintN(64, BigInt(value));
    this.reserve(10);
    while (bits > 127n) {
      this.buffer[this.position++] = Number(bits & 127n) | 128;
      bits >>= 7n;
    }
    this.buffer[this.position++] = Number(bits);
  }

  /** Length and UTF-8 bytes; ASCII (nearly every string here) is copied a character at a time, the rest by Buffer. */
  private text(value: string): void {
    const length = value.length;
    this.reserve(length + 5);
    const buffer = this.buffer;
    const start = this.position;
    if (length < 128) {
      let at = start + 1;
      let ascii = true;
      for (let i = 0; i < length; i++) {
        const code = value.charCodeAt(i);
        if (code > 127) {
          ascii = false;
          break;
        }
        buffer[at++] = code;
      }
      if (ascii) {
        buffer[start] = length;
        this.position = at;
        return;
      }
    }
    const bytes = Buffer.byteLength(value);
    this.varint(bytes);
    this.reserve(bytes);
    this.position += this.buffer.write(value, this.position);
  }

  private reserve(bytes: number): void {
    if (this.position + bytes <= this.buffer.length) return;
    // by half: a writer started at its answer's likely size overshoots it by little
    const grown = Buffer.allocUnsafe(Math.max(Math.ceil(this.buffer.length * 1.5), this.position + bytes));
    this.buffer.copy(grown, 0, 0, this.position);
    this.buffer = grown;
  }
}

function varintSize(value: number): number {
  let size = 1;
  while (value > 127) {
    value = Math.floor(value / 128);
    size++;
  }
  return size;
}
