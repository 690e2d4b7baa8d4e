// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createElement as h } from "react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { MethodParams } from "../../../../pipeline/contract";
import { writeNotebook } from "../../../../pipeline/document";
import { runCommand } from "../../../../renderer/src/commands/notebook-commands";
import { setLocale } from "../../../../renderer/src/i18n";
import { ServiceCallError } from "../../../../renderer/src/service/transport";
import { SettingsMenu } from "../../../../renderer/src/settings/SettingsMenu";
import { fieldsOf, targetFrom } from "../../../../renderer/src/settings/target-form";
import { WorkbenchProvider } from "../../../../renderer/src/state/workbench-context";
import { notebookOf } from "../helpers/fake-service";
import { harness } from "../helpers/workbench";

beforeEach(() => setLocale("en"));
afterEach(() => cleanup());

describe("the target form's rules", () => {
  it("reads the notebook's target, and writes back only what is set, keeping keys it does not show", () => {
    const previous = {
      kind: "aws",
      bucket: "old",
      region: "eu-west-1",
      prefix: "lakebook/",
      athenaOutput: "s3://x/",
    };
    expect(fieldsOf(previous)).toMatchObject({ kind: "aws", bucket: "old", profile: "" });
    expect(fieldsOf(undefined).kind).toBe("local");
    const fields = { ...fieldsOf(previous), bucket: " my-lake ", profile: "course" };
    expect(targetFrom(fields, previous)).toEqual({
      target: {
        kind: "aws",
        bucket: "my-lake",
        region: "eu-west-1",
        profile: "course",
        prefix: "lakebook/",
        athenaOutput: "s3://x/",
      },
      problems: [],
    });
    expect(targetFrom({ ...fields, kind: "local" }, previous)).toEqual({
      target: { kind: "local" },
      problems: [],
    });
  });

  it("refuses a bucket or region AWS would refuse, naming the field", () => {
    const fields = { ...fieldsOf({ kind: "aws" }), bucket: "My_Lake", region: "Europe" };
    expect(targetFrom(fields, undefined).problems.map((p) => p.field)).toEqual(["bucket", "region"]);
  });
});

function renderSettings(testConnection: (params: MethodParams<"aws.testConnection">) => unknown) {
  const asked: MethodParams<"aws.testConnection">[] = [];
  const harnessed = harness(notebookOf([{ id: "q", kind: "sql", source: "SELECT 1" }]), {
    handlers: {
      "aws.profiles": () => ({ profiles: ["default", "course"] }),
      "aws.testConnection": (params) => {
        asked.push(params);
        return testConnection(params);
      },
    },
  });
  // biome-ignore lint/correctness/noChildrenProp: createElement without JSX takes children in its props
  const view = render(h(WorkbenchProvider, { workbench: harnessed.wb, children: h(SettingsMenu) }));
  return { ...harnessed, asked, view };
}

describe("the target in the toolbar and its form", () => {
  it("shows the target, opens the form from the badge, and saves a validated target into the notebook", async () => {
    const { wb } = renderSettings(() => ({}));
    const badge = screen.getByRole("button", { name: "Target: Local lake" });
    await act(async () => badge.click());
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole("combobox", { name: "Where the notebook runs" })),
    );
    fireEvent.change(screen.getByRole("combobox", { name: "Where the notebook runs" }), {
      target: { value: "aws" },
    });
    fireEvent.change(screen.getByRole("textbox", { name: "S3 bucket" }), { target: { value: "Bad_Bucket" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Target region" }), {
      target: { value: "eu-west-1" },
    });
    await act(async () => screen.getByRole("button", { name: "Save target" }).click());
    expect(screen.getByRole("alert").textContent).toMatch(/bucket name like/);
    expect(wb.doc.get().notebook.meta.target).toEqual({ kind: "local" });

    fireEvent.change(screen.getByRole("textbox", { name: "S3 bucket" }), { target: { value: "my-lake" } });
    await screen.findByRole("option", { name: "course" });
    fireEvent.change(screen.getByRole("combobox", { name: "AWS profile" }), { target: { value: "course" } });
    await act(async () => screen.getByRole("button", { name: "Save target" }).click());
    const target = { kind: "aws", bucket: "my-lake", region: "eu-west-1", profile: "course" };
    expect(wb.doc.get().notebook.meta.target).toEqual(target);
    // Through the document model: the saved file's YAML header says it.
    expect(writeNotebook(wb.doc.get().notebook)).toContain("target:\n  kind: aws\n  bucket: my-lake\n");
    expect(screen.getByRole("button", { name: "Target: AWS · my-lake · eu-west-1 · course" })).toBeTruthy();
  });

  it("tests the connection through the service and says which problem it is", async () => {
    const { asked, wb } = renderSettings(({ bucket }) => {
      if (bucket === "nope")
        throw new ServiceCallError("TARGET_NO_BUCKET", "There is no bucket named nope.", "Create it", false);
      return {
        account: "123456789012",
        arn: "arn:aws:iam::123456789012:user/a",
        bucket,
        region: "eu-west-1",
      };
    });
    wb.doc.dispatch({
      type: "setMeta",
      key: "target",
      value: { kind: "aws", bucket: "nope", region: "eu-west-1" },
    });
    act(() => runCommand(wb, "editTarget"));
    await act(async () => screen.getByRole("button", { name: "Test connection" }).click());
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("There is no bucket named nope.");
    expect(alert.getAttribute("data-connection")).toBe("TARGET_NO_BUCKET");
    fireEvent.change(screen.getByRole("textbox", { name: "S3 bucket" }), { target: { value: "my-lake" } });
    await act(async () => screen.getByRole("button", { name: "Test connection" }).click());
    await waitFor(() =>
      expect(document.querySelector('[data-connection="ok"]')?.textContent).toContain("123456789012"),
    );
    expect(asked).toEqual([
      { bucket: "nope", region: "eu-west-1" },
      { bucket: "my-lake", region: "eu-west-1" },
    ]);
  });
});
