/**
 * fast-check generators for valid notebooks. They deliberately include the hard cases: backtick runs in
 * bodies, quotes and backslashes in attribute values, unknown kinds, and Markdown code blocks in prose
 * that contain markers and cell fences.
 */
import fc from "fast-check";
import {
  type Cell,
  type CellAttribute,
  isSecretKey,
  KNOWN_CELL_KINDS,
  type Notebook,
} from "../../../pipeline/document";

const noLineBreak = (s: string) => !/[\r\n]/.test(s);
const graphemes = (maxLength: number) => fc.string({ unit: "grapheme", maxLength }).filter(noLineBreak);

export const cellId = fc.stringMatching(/^[A-Za-z][\w-]{0,8}$/);

const codeKind = fc.oneof(
  fc.constantFrom(...KNOWN_CELL_KINDS.filter((k) => k !== "markdown")),
  fc.stringMatching(/^[A-Za-z][\w-]{0,8}$/).filter((k) => k !== "markdown"),
);

const attrKey = fc.stringMatching(/^[A-Za-z_][\w.:-]{0,8}$/).filter((k) => !isSecretKey(k));
const attrValue = fc.oneof(
  fc.string({
    unit: fc.constantFrom(
      '"',
      "\\",
      " ",
      "{",
      "}",
      "=",
      "`",
      "~",
      "#",
      "'",
      "\t",
      "é",
      "🎃",
      "a",
      "1",
      "\u00a0",
      "\u2028",
    ),
    maxLength: 10,
  }),
  fc.stringMatching(/^[A-Za-z0-9_.:/@+,-]{1,10}$/),
  graphemes(10),
);
const attribute: fc.Arbitrary<CellAttribute> = fc.record(
  { key: attrKey, value: attrValue },
  { requiredKeys: ["key"] },
);

/** Lines that are hard for a fenced body: fences, markers, front-matter dashes, unicode. */
const trickyLine = fc.oneof(
  fc.constantFrom(
    "",
    "SELECT 1",
    "```",
    "````",
    "`````",
    "```sql {#x}",
    "~~~",
    "~~~~ ",
    "  ```",
    "   ````",
    "    ```",
  ),
  fc.constantFrom(
    "<!-- #x -->",
    "---",
    "...",
    "-- ``` ticks",
    "é 🎃 ∑",
    " \t ",
    "{#id}",
    "\\",
    "```\u2028",
    "\u00a0```",
  ),
  fc.string({
    unit: fc.constantFrom("`", "~", " ", "a", "#", "{", "}", '"', "\\", "<", "!", "-", ">"),
    maxLength: 8,
  }),
  graphemes(12),
);
export const codeBody = fc.array(trickyLine, { maxLength: 8 }).map((lines) => lines.join("\n"));

/** Prose lines that can sit at the top level of a markdown cell. */
const proseLine = fc.oneof(
  fc.constantFrom(
    "# Heading",
    "Some *prose*.",
    "- list item",
    "> quote",
    "<!-- a comment -->",
    "`inline` code",
  ),
  fc.constantFrom(
    " <!-- #indented -->",
    "<!-- #x --> and more",
    "    ```sql {#indented_code}",
    "trailing spaces  ",
  ),
  fc.constantFrom(
    "```js` is inline code, not a fence",
    "| a | b |",
    "é 🎃 ∑",
    "---",
    "~~ strike ~~",
    "<!-- #x\u00a0-->",
  ),
  fc
    .string({
      unit: fc.constantFrom("a", "b", " ", "*", "_", "é", "🎃", "#", "<", "!", "-", ">", "{", "}", '"'),
      maxLength: 12,
    })
    .filter((line) => /\S/.test(line) && !line.startsWith("<!--")),
);

/** A Markdown code block inside prose; its content may hold markers and cell fences. */
const proseCodeBlock = fc
  .record({
    char: fc.constantFrom("`", "~"),
    length: fc.integer({ min: 3, max: 5 }),
    indent: fc.constantFrom("", " ", "   "),
    info: fc.constantFrom("", "sql", "python", "js title=x", "sql {#inside}"),
    content: fc.array(trickyLine, { maxLength: 5 }),
    closeIndent: fc.constantFrom("", "  "),
    closeExtra: fc.integer({ min: 0, max: 1 }),
  })
  .filter(({ indent, info }) => indent !== "" || !info.includes("{")) // at column 1 that would be a cell
  .map(({ char, length, indent, info, content, closeIndent, closeExtra }) => {
    const closes = (line: string) => {
      const m = /^ {0,3}(`+|~+)[ \t]*$/.exec(line);
      return m?.[1]?.startsWith(char) && m[1].length >= length;
    };
    const fence = char.repeat(length);
    const body = content.filter((line) => !closes(line));
    return [`${indent}${fence}${info}`, ...body, `${closeIndent}${char.repeat(length + closeExtra)}`];
  });

export const markdownBody = fc
  .array(fc.oneof(fc.array(proseLine, { minLength: 1, maxLength: 3 }), proseCodeBlock), { maxLength: 4 })
  .chain((blocks) =>
    fc
      .array(fc.constantFrom("\n", "\n\n", "\n\n\n", "\n \n"), {
        minLength: blocks.length,
        maxLength: blocks.length,
      })
      .map((separators) =>
        blocks.map((lines, i) => (i === 0 ? "" : separators[i]) + lines.join("\n")).join(""),
      ),
  );

const codeCell = fc.record({
  kind: codeKind,
  attrs: fc.array(attribute, { maxLength: 4 }),
  source: codeBody,
});
const markdownCell = fc.record({
  kind: fc.constant("markdown"),
  attrs: fc.constant<CellAttribute[]>([]),
  source: markdownBody,
});

export const cells: fc.Arbitrary<Cell[]> = fc
  .uniqueArray(fc.tuple(cellId, fc.oneof(codeCell, markdownCell)), { selector: ([id]) => id, maxLength: 6 })
  .map((pairs) => pairs.map(([id, cell]) => ({ id, ...cell })));

const text = graphemes(16).filter((s) => s.length > 0);
const target = fc.oneof(
  fc.record({ kind: fc.constant("local"), lake: text }, { requiredKeys: ["kind"] }),
  fc.record(
    {
      kind: fc.constant("aws"),
      bucket: text,
      region: text,
      profile: text,
      prefix: graphemes(8),
      workgroup: text,
    },
    { requiredKeys: ["kind", "bucket", "region"] },
  ),
);

/** Strings that YAML has to quote, fold or block-scalar to keep exact. */
const trickyYamlString = fc.constantFrom(
  "line one\nline two",
  "trailing newline\n",
  "two trailing\n\n",
  "  leading spaces",
  "trailing spaces  ",
  "---",
  "...",
  "a: b",
  "# not a comment",
  "'single' and \"double\"",
  "1984",
  "true",
  "null",
  "~",
  "0o17",
  "tab\there",
  "",
  "\\ back\\slash",
  "---\n...\n---",
);

const metaKey = fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/).filter((k) => !isSecretKey(k));
const scalar = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 12 }),
  trickyYamlString,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => !Object.is(d, -0)),
  fc.boolean(),
  fc.constant(null),
);
const { value: metaValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    scalar,
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(metaKey, tie("value"), { maxKeys: 3 }),
  ),
}));

export const meta = fc
  .record(
    {
      title: fc.oneof(fc.string({ unit: "grapheme", maxLength: 30 }), trickyYamlString),
      target,
      extra: fc.dictionary(
        metaKey.map((k) => `x_${k}`),
        metaValue,
        { maxKeys: 3 },
      ),
    },
    { requiredKeys: ["extra"] },
  )
  .map(({ title, target, extra }) => ({
    lakebook: 1,
    ...(title !== undefined ? { title } : {}),
    ...(target !== undefined ? { target } : {}),
    ...extra,
  }));

/** Through JSON: the model must be plain data, and fc.record builds null-prototype objects. */
export const notebook: fc.Arbitrary<Notebook> = fc
  .record({ meta, cells })
  .map((nb) => JSON.parse(JSON.stringify(nb)) as Notebook);
