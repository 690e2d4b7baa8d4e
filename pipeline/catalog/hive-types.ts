import { LakebookError } from "../contract/errors";
import { quoteIdentifier } from "../engine";

/**
 * A Glue/Athena (Hive) column type as DuckDB spells it, so the local engine reads a JSON table with
 * the columns the catalog declares, as Athena's JSON SerDe does: a key the file lacks is NULL, a
 * nested key is found by name. `array<struct<id:bigint,name:string>>` → `STRUCT("id" BIGINT, "name" VARCHAR)[]`.
 */
export function duckdbTypeOfHive(type: string): string {
  const tokens = type.match(/[A-Za-z_][A-Za-z0-9_]*|\d+|[<>(),:]/g) ?? [];
  if (tokens.join("") !== type.replace(/\s+/g, "")) throw invalid(type, "unexpected characters");
  let at = 0;
  const next = (): string => {
    const token = tokens[at++];
    if (token === undefined) throw invalid(type, "it ends too early");
    return token;
  };
  const expect = (token: string) => {
    const found = next();
    if (found !== token) throw invalid(type, `"${token}" expected, "${found}" found`);
  };
  const parse = (): string => {
    const name = next().toLowerCase();
    if (name === "array") {
      expect("<");
      const element = parse();
      expect(">");
      return `${element}[]`;
    }
    if (name === "map") {
      expect("<");
      const key = parse();
      expect(",");
      const value = parse();
      expect(">");
      return `MAP(${key}, ${value})`;
    }
    if (name === "struct") {
      expect("<");
      const fields: string[] = [];
      for (;;) {
        const field = next();
        expect(":");
        fields.push(`${quoteIdentifier(field)} ${parse()}`);
        const after = next();
        if (after === ">") break;
        if (after !== ",") throw invalid(type, `"," or ">" expected, "${after}" found`);
      }
      return `STRUCT(${fields.join(", ")})`;
    }
    if (tokens[at] === "(") {
      // decimal(p,s), varchar(n), char(n)
      const args: string[] = [];
      expect("(");
      for (;;) {
        args.push(next());
        const after = next();
        if (after === ")") break;
        if (after !== ",") throw invalid(type, `"," or ")" expected, "${after}" found`);
      }
      if (name === "decimal") return `DECIMAL(${args.join(",")})`;
      if (name === "varchar" || name === "char") return "VARCHAR";
      throw invalid(type, `${name} takes no arguments`);
    }
    const primitive = PRIMITIVES[name];
    if (!primitive) throw invalid(type, `unknown type ${name}`);
    return primitive;
  };
  const result = parse();
  if (at !== tokens.length) throw invalid(type, "text after the type");
  return result;
}

const PRIMITIVES: Record<string, string> = {
  string: "VARCHAR",
  varchar: "VARCHAR",
  char: "VARCHAR",
  tinyint: "TINYINT",
  smallint: "SMALLINT",
  int: "INTEGER",
  integer: "INTEGER",
  bigint: "BIGINT",
  float: "FLOAT",
  double: "DOUBLE",
  decimal: "DECIMAL(10,0)",
  boolean: "BOOLEAN",
  date: "DATE",
  timestamp: "TIMESTAMP",
  binary: "BLOB",
};

function invalid(type: string, reason: string): LakebookError {
  return new LakebookError(
    "CATALOG_TYPE_INVALID",
    `The column type "${type}" is not a Glue type: ${reason}.`,
    {
      hint: "Write Glue (Hive) types: string, bigint, double, array<…>, struct<name:type,…>, map<…,…>.",
    },
  );
}
