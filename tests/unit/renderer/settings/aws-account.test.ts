// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createElement as h } from "react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { MethodParams } from "../../../../pipeline/contract";
import { setLocale } from "../../../../renderer/src/i18n";
import { ServiceCallError } from "../../../../renderer/src/service/transport";
import { AwsAccount } from "../../../../renderer/src/settings/AwsAccount";
import { WorkbenchProvider } from "../../../../renderer/src/state/workbench-context";
import { notebookOf } from "../helpers/fake-service";
import { harness } from "../helpers/workbench";

beforeEach(() => setLocale("en"));
afterEach(() => cleanup());

function renderAccount(whoAmI: (params: MethodParams<"aws.whoAmI">) => unknown, target?: unknown) {
  const asked: MethodParams<"aws.whoAmI">[] = [];
  const notebook = notebookOf([]);
  if (target) notebook.meta.target = target;
  const { wb } = harness(notebook, {
    handlers: {
      "aws.profiles": () => ({ profiles: ["default", "course"] }),
      "aws.whoAmI": (params) => {
        asked.push(params);
        return whoAmI(params);
      },
    },
  });
  // biome-ignore lint/correctness/noChildrenProp: createElement without JSX takes children in its props
  const view = render(h(WorkbenchProvider, { workbench: wb, children: h(AwsAccount) }));
  return { asked, view };
}

async function open(view: ReturnType<typeof render>) {
  const details = view.container.querySelector("details") as HTMLDetailsElement;
  await act(async () => {
    details.open = true;
    fireEvent(details, new Event("toggle"));
  });
  await screen.findByRole("option", { name: "course" });
}

describe("the AWS account settings", () => {
  it("lists the profiles when opened and shows who the picked profile is in a region", async () => {
    const { asked, view } = renderAccount(({ profile, region }) => ({
      profile,
      region,
      account: "123456789012",
      arn: "arn:aws:sts::123456789012:assumed-role/Student/alice",
    }));
    await open(view);
    fireEvent.change(screen.getByRole("combobox", { name: "Profile" }), { target: { value: "course" } });
    fireEvent.change(screen.getByRole("textbox", { name: "Region" }), { target: { value: " eu-west-1 " } });
    await act(async () => screen.getByRole("button", { name: "Who am I?" }).click());
    await waitFor(() =>
      expect(view.container.querySelector('[data-aws="account"]')?.textContent).toBe("123456789012"),
    );
    expect(view.container.querySelector('[data-aws="arn"]')?.textContent).toBe(
      "arn:aws:sts::123456789012:assumed-role/Student/alice",
    );
    expect(asked).toEqual([{ profile: "course", region: "eu-west-1" }]);
  });

  it("starts from the notebook's target: its profile and region", async () => {
    const { asked, view } = renderAccount(
      ({ profile, region }) => ({
        profile,
        region,
        account: "123456789012",
        arn: "arn:aws:iam::123456789012:user/a",
      }),
      { kind: "aws", bucket: "my-lake", region: "sa-east-1", profile: "course" },
    );
    await open(view);
    expect((screen.getByRole("combobox", { name: "Profile" }) as HTMLSelectElement).value).toBe("course");
    expect((screen.getByRole("textbox", { name: "Region" }) as HTMLInputElement).value).toBe("sa-east-1");
    await act(async () => screen.getByRole("button", { name: "Who am I?" }).click());
    await waitFor(() => expect(asked).toEqual([{ profile: "course", region: "sa-east-1" }]));
  });

  it("says what went wrong, with the hint, and asks the default chain when no profile is picked", async () => {
    const { asked, view } = renderAccount(() => {
      throw new ServiceCallError(
        "AWS_CREDENTIALS",
        "Could not tell who the default profile is",
        "Run aws sso login",
        false,
      );
    });
    await open(view);
    await act(async () => screen.getByRole("button", { name: "Who am I?" }).click());
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Could not tell who the default profile is");
    expect(alert.textContent).toContain("Run aws sso login");
    expect(asked).toEqual([{}]);
  });
});
