import { describe, expect, it } from "vitest";
import { MOVIES_COLUMNS } from "../../../../../pipeline/lake/dataset-columns";
import { columnTypes } from "../../../../../pipeline/stages/ingest/csv/column-types";
import { PlainRecords } from "../../../../../pipeline/stages/ingest/csv/plain-records";
import { movieRow } from "./helpers";

/**
 * The WebAssembly counter reads 64 bytes at a time, so every rule is tried with the line that
 * breaks it at 64 different offsets: a rule that only holds at some positions of a block (a field
 * start right after a block's last byte, a byte in one vector lane) fails here. The property test
 * beside this one compares whole reports with the byte machine's.
 */
const encoder = new TextEncoder();
const counter = () => new PlainRecords(columnTypes(MOVIES_COLUMNS));

/** Three plain lines, `line`, then two more; the first title's length moves everything after it. */
function chunkWith(line: string, shift: number) {
  const first = movieRow({ tituloPincipal: "G".repeat(1 + shift) });
  const before = `${first}\n${movieRow()}\n${movieRow()}\n`;
  return {
    bytes: encoder.encode(`${before}${line}\n${movieRow()}\n${movieRow()}\n`),
    at: encoder.encode(before).length,
  };
}

function count(bytes: Uint8Array, from = 0) {
  const plain = counter();
  plain.load(bytes);
  return plain.count(from);
}

const SHIFTS = Array.from({ length: 64 }, (_, shift) => shift);

// Each is a whole line (without its "\n") that the byte machine would warn about.
const NOT_PLAIN: Record<string, string> = {
  "a quoted text field": movieRow({ personagem: '"Ed"' }),
  "a text field starting with a space": movieRow({ personagem: " Ed" }),
  "an empty text field": movieRow({ personagem: "" }),
  "an empty first field": movieRow({ id: "" }),
  "an empty last field": movieRow({ titulosMaisConhecidos: "" }),
  "a stray CR in a field": movieRow({ personagem: "E\rd" }),
  "a CRLF line ending": `${movieRow()}\r`,
  "a missing field and a stray CR (the count of field ends comes out right)": movieRow({
    profissao: "act\ror",
  })
    .split("|")
    .slice(0, -1)
    .join("|"),
  "one field too many": `${movieRow()}|x`,
  "one field too few": movieRow().split("|").slice(1).join("|"),
  "a blank line": "",
  "letters in an integer": movieRow({ anoLancamento: "20a2" }),
  "a lone minus": movieRow({ tempoMinutos: "-" }),
  "a decimal in an integer column": movieRow({ numeroVotos: "1.5" }),
  "two dots": movieRow({ notaMedia: "1.2.3" }),
  "a dot first": movieRow({ notaMedia: ".5" }),
  "a dot last": movieRow({ notaMedia: "5." }),
  "a dot right after the minus": movieRow({ notaMedia: "-.5" }),
  "a plus sign": movieRow({ notaMedia: "+5" }),
  "an exponent": movieRow({ notaMedia: "1e3" }),
  "a backslash that is not \\N": movieRow({ anoFalecimento: "\\n" }),
  "\\N with more after it": movieRow({ anoFalecimento: "\\NN" }),
  "a number over 16 bytes (left to the byte machine)": movieRow({ numeroVotos: "9".repeat(17) }),
  "40 bytes in a numeric column, digits first": movieRow({
    numeroVotos: `${"9".repeat(20)}${"x".repeat(20)}`,
  }),
  "a quoted number": movieRow({ anoLancamento: '"2002"' }),
};

const PLAIN: Record<string, string> = {
  "\\N in every numeric column": movieRow({
    anoLancamento: "\\N",
    tempoMinutos: "\\N",
    notaMedia: "\\N",
    numeroVotos: "\\N",
    anoNascimento: "\\N",
    anoFalecimento: "\\N",
  }),
  "negative and decimal numbers": movieRow({ tempoMinutos: "-3", notaMedia: "-7.25" }),
  "a 16-digit number": movieRow({ numeroVotos: "9".repeat(16) }),
  "a quote and spaces inside a text field": movieRow({ personagem: 'Ed "Big" Falcão ' }),
  "a long text field": movieRow({ titulosMaisConhecidos: "tt0000001,".repeat(30) }),
};

describe("the plain-record counter", () => {
  for (const [name, line] of Object.entries(NOT_PLAIN)) {
    it(`stops at ${name}, wherever it falls in a 64-byte block`, () => {
      for (const shift of SHIFTS) {
        const { bytes, at } = chunkWith(line, shift);
        expect({ shift, ...count(bytes) }).toEqual({ shift, records: 3, end: at });
      }
    });
  }

  for (const [name, line] of Object.entries(PLAIN)) {
    it(`counts a line with ${name}`, () => {
      for (const shift of SHIFTS) {
        const { bytes } = chunkWith(line, shift);
        expect({ shift, ...count(bytes) }).toEqual({ shift, records: 6, end: bytes.length });
      }
    });
  }

  it("leaves out a record the chunk's end cuts, and starts where it is told", () => {
    const line = encoder.encode(`${movieRow()}\n`).length;
    const bytes = encoder.encode(`${movieRow()}\n`.repeat(3));
    for (let cut = 1; cut < line; cut++) {
      expect(count(bytes.subarray(0, 2 * line + cut))).toEqual({ records: 2, end: 2 * line });
    }
    expect(count(bytes, line)).toEqual({ records: 2, end: bytes.length });
  });

  it("reads a chunk loaded after a bigger one as itself", () => {
    const plain = counter();
    plain.load(encoder.encode(`${movieRow()}\n`.repeat(50_000)));
    expect(plain.count(0).records).toBe(50_000);
    const small = encoder.encode(`${movieRow()}\n${movieRow()}`);
    plain.load(small);
    expect(plain.count(0)).toEqual({ records: 1, end: encoder.encode(`${movieRow()}\n`).length });
  });
});
