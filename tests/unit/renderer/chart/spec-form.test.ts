import { describe, expect, it } from "vitest";
import { type ChartForm, withMark } from "../../../../renderer/src/cells/chart/chart-form";
import { fieldType } from "../../../../renderer/src/cells/chart/field-type";
import { formFromSpec } from "../../../../renderer/src/cells/chart/form-from-spec";
import { specFromForm } from "../../../../renderer/src/cells/chart/spec-from-form";
import { parseSpec, specText } from "../../../../renderer/src/cells/chart/vega-spec";

/** The demo's `rating_by_subgenre`: a horizontal bar sorted by value, with titles and a tooltip. */
const ratingBySubgenre = {
  $schema: "https://vega.github.io/schema/vega-lite/v6.json",
  mark: "bar",
  encoding: {
    x: { field: "avg_rating", type: "quantitative", title: "Average rating" },
    y: { field: "subgenre", type: "nominal", sort: "-x" },
    tooltip: [{ field: "subgenre", type: "nominal" }],
  },
};

/** The demo's `releases_by_decade`: an object mark, a count, a colour. */
const releasesByDecade = {
  mark: { type: "area", line: true },
  encoding: {
    x: { field: "decade", type: "ordinal", title: "Decade" },
    y: { aggregate: "count", type: "quantitative", title: "Titles released" },
    color: { field: "kind", type: "nominal", title: "Kind" },
  },
};

const columns = [
  { name: "subgenre", type: "VARCHAR" },
  { name: "titles", type: "BIGINT" },
  { name: "avg_rating", type: "DOUBLE" },
  { name: "released", type: "DATE" },
];

describe("formFromSpec", () => {
  it("reads mark, channels, aggregates and the category axis's sort", () => {
    expect(formFromSpec(ratingBySubgenre)).toEqual({
      mark: "bar",
      x: { field: "avg_rating", aggregate: "none" },
      y: { field: "subgenre", aggregate: "none" },
      color: { field: "", aggregate: "none" },
      facet: { field: "", aggregate: "none" },
      sort: "by-value",
    });
    const form = formFromSpec(releasesByDecade);
    expect(form.mark).toBe("area");
    expect(form.y).toEqual({ field: "", aggregate: "count" });
    expect(form.color.field).toBe("kind");
    expect(form.sort).toBe("none");
  });

  it("reads a pie's theta as y, and a sort it cannot express as 'as-written'", () => {
    expect(
      formFromSpec({ mark: "arc", encoding: { theta: { field: "titles", aggregate: "sum" } } }).y,
    ).toEqual({
      field: "titles",
      aggregate: "sum",
    });
    expect(
      formFromSpec({ mark: "bar", encoding: { x: { field: "a", type: "nominal", sort: ["b", "a"] } } }).sort,
    ).toBe("as-written");
  });

  it("copes with specs that are not charts yet", () => {
    expect(formFromSpec({}).mark).toBe("");
    expect(formFromSpec({ mark: 3, encoding: [] }).x).toEqual({ field: "", aggregate: "none" });
  });
});

describe("specFromForm", () => {
  it("returns the spec unchanged (deep equal) when the form is as read", () => {
    for (const spec of [ratingBySubgenre, releasesByDecade]) {
      expect(specFromForm(spec, formFromSpec(spec), columns)).toEqual(spec);
    }
  });

  it("changes the mark and keeps every field it does not manage", () => {
    const next = specFromForm(
      ratingBySubgenre,
      { ...formFromSpec(ratingBySubgenre), mark: "point" },
      columns,
    );
    expect(next).toEqual({ ...ratingBySubgenre, mark: "point" });
    const area = specFromForm(releasesByDecade, { ...formFromSpec(releasesByDecade), mark: "line" });
    expect(area.mark).toEqual({ type: "line", line: true });
  });

  it("rewrites only the channel that changed, keeping its other settings, typed from the source's columns", () => {
    const form: ChartForm = { ...formFromSpec(ratingBySubgenre), x: { field: "titles", aggregate: "sum" } };
    const next = specFromForm(ratingBySubgenre, form, columns);
    expect(next.encoding).toEqual({
      ...ratingBySubgenre.encoding,
      // The old title named avg_rating; the new field gets Vega-Lite's default.
      x: { field: "titles", type: "quantitative", aggregate: "sum" },
    });
    const dated = specFromForm(
      { mark: "line" },
      { ...formFromSpec({ mark: "line" }), x: { field: "released", aggregate: "none" } },
      columns,
    );
    expect(dated.encoding).toEqual({ x: { field: "released", type: "temporal" } });
  });

  it("adds and removes colour and facet", () => {
    const withColor = specFromForm(
      ratingBySubgenre,
      {
        ...formFromSpec(ratingBySubgenre),
        color: { field: "subgenre", aggregate: "none" },
        facet: { field: "titles", aggregate: "none" },
      },
      columns,
    );
    expect((withColor.encoding as Record<string, unknown>).color).toEqual({
      field: "subgenre",
      type: "nominal",
    });
    expect((withColor.encoding as Record<string, unknown>).facet).toEqual({
      field: "titles",
      type: "quantitative",
    });
    const without = specFromForm(withColor, {
      ...formFromSpec(withColor),
      color: { field: "", aggregate: "none" },
    });
    expect((without.encoding as Record<string, unknown>).color).toBeUndefined();
  });

  it("sorts the category axis: ascending, descending, by value, none", () => {
    const bar = {
      mark: "bar",
      encoding: { x: { field: "subgenre", type: "nominal" }, y: { field: "titles", type: "quantitative" } },
    };
    const sorted = (sort: ChartForm["sort"]) =>
      (specFromForm(bar, { ...formFromSpec(bar), sort }).encoding as Record<string, { sort?: unknown }>).x
        ?.sort;
    expect(sorted("ascending")).toBe("ascending");
    expect(sorted("descending")).toBe("descending");
    expect(sorted("by-value")).toBe("-y");
    expect(sorted("none")).toBeUndefined();
    // A horizontal bar sorts y (by x); "none" removes it.
    const flat = specFromForm(ratingBySubgenre, { ...formFromSpec(ratingBySubgenre), sort: "none" });
    expect((flat.encoding as Record<string, { sort?: unknown }>).y?.sort).toBeUndefined();
  });

  it("turns a bar chart into a pie and back: the measure moves to theta with its settings", () => {
    const bar = {
      mark: "bar",
      encoding: {
        x: { field: "subgenre", type: "nominal" },
        y: { field: "titles", aggregate: "sum", type: "quantitative", title: "Titles" },
      },
    };
    const pieForm = withMark(formFromSpec(bar), "arc");
    expect(pieForm.color.field).toBe("subgenre");
    const pie = specFromForm(bar, pieForm, columns);
    expect(pie).toEqual({
      mark: "arc",
      encoding: {
        theta: { field: "titles", aggregate: "sum", type: "quantitative", title: "Titles" },
        color: { field: "subgenre", type: "nominal" },
      },
    });
    expect(formFromSpec(pie)).toEqual(pieForm);
    const back = specFromForm(
      pie,
      { ...formFromSpec(pie), mark: "bar", x: { field: "subgenre", aggregate: "none" } },
      columns,
    );
    expect((back.encoding as Record<string, unknown>).y).toEqual(bar.encoding.y);
    expect((back.encoding as Record<string, unknown>).theta).toBeUndefined();
  });

  it("keeps channels the form cannot show (a constant colour) unless the user changes them", () => {
    const spec = { mark: "bar", encoding: { x: { field: "a", type: "nominal" }, color: { value: "#c33" } } };
    expect(specFromForm(spec, { ...formFromSpec(spec), mark: "line" }).encoding).toEqual(spec.encoding);
  });

  it("round-trips through the text the builder writes", () => {
    const text = specText(specFromForm(releasesByDecade, { ...formFromSpec(releasesByDecade), mark: "bar" }));
    expect(text).toMatch(/^\{\n {2}"mark": \{\n {4}"type": "bar"/);
    expect(formFromSpec(parseSpec(text) ?? {}).mark).toBe("bar");
    expect(parseSpec("{ not json")).toBeNull();
    expect(parseSpec("[1]")).toBeNull();
  });
});

describe("fieldType", () => {
  it("maps engine types, and guesses by channel for unknown columns", () => {
    expect(fieldType("titles", columns, "x")).toBe("quantitative");
    expect(fieldType("released", columns, "x")).toBe("temporal");
    expect(fieldType("subgenre", columns, "y")).toBe("nominal");
    expect(fieldType("nope", [], "y")).toBe("quantitative");
    expect(fieldType("nope", [], "color")).toBe("nominal");
  });
});
