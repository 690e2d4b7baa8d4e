import { describe, expect, it } from "vitest";
import { MOVIES_COLUMNS, SERIES_COLUMNS } from "../../../../pipeline/lake/dataset-columns";
import {
  datasetFromHeader,
  datasetOfFile,
  HEADER_BYTES,
} from "../../../../renderer/src/cells/ingest/dataset-from-header";

// The renderer keeps only the rule that tells the files apart; these tests hold it to the real column lists.
const movies = MOVIES_COLUMNS.join("|");
const series = SERIES_COLUMNS.join("|");

describe("the dataset from a CSV's first line", () => {
  it("tells movies from series by anoTermino after anoLancamento", () => {
    expect(datasetFromHeader(`${movies}\ntt1|A|A|1999|90|Horror|5|10|actor|\\N|X|1950|\\N|actor|tt2\n`)).toBe(
      "movies",
    );
    expect(datasetFromHeader(`${series}\r\ntt1|…`)).toBe("series");
  });

  it("ignores a BOM and reads a header cut short by the 1 KB slice", () => {
    expect(datasetFromHeader(`\uFEFF${series}`)).toBe("series");
    expect(datasetFromHeader("id|tituloPincipal|tituloOriginal|anoLancamento|anoTer")).toBe("movies");
  });

  it("recognises a re-saved file (comma, tab or quoted) so the stage can say what is wrong with it", () => {
    expect(datasetFromHeader(SERIES_COLUMNS.join(","))).toBe("series");
    expect(datasetFromHeader(SERIES_COLUMNS.map((c) => `"${c}"`).join("\t"))).toBe("series");
  });

  it("says nothing about a file that is neither", () => {
    expect(datasetFromHeader("a,b,c\n1,2,3")).toBeUndefined();
    expect(datasetFromHeader("")).toBeUndefined();
    expect(datasetFromHeader("anoTermino|anoLancamento")).toBe("movies");
  });

  it("reads only the first KB of a file", async () => {
    const body = `${series}\n${"tt1|x|x|2000|2001|30|Drama|5|1|actor|\\N|X|1950|\\N|actor|tt2\n".repeat(5000)}`;
    const file = new Blob([body]);
    let sliced: [number | undefined, number | undefined] | undefined;
    const spy = Object.assign(Object.create(file) as Blob, {
      slice: (start?: number, end?: number) => {
        sliced = [start, end];
        return file.slice(start, end);
      },
    });
    await expect(datasetOfFile(spy)).resolves.toBe("series");
    expect(sliced).toEqual([0, HEADER_BYTES]);
    await expect(datasetOfFile(new Blob([movies]))).resolves.toBe("movies");
  });
});
