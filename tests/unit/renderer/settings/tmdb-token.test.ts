// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { createElement as h } from "react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { MethodParams, TmdbCredentialStatus } from "../../../../pipeline/contract";
import { setLocale } from "../../../../renderer/src/i18n";
import { CellOutput } from "../../../../renderer/src/outputs/CellOutput";
import { SettingsMenu } from "../../../../renderer/src/settings/SettingsMenu";
import { WorkbenchProvider } from "../../../../renderer/src/state/workbench-context";
import { notebookOf } from "../helpers/fake-service";
import { harness } from "../helpers/workbench";

beforeEach(() => setLocale("en"));
afterEach(() => cleanup());

const TOKEN = "eyJ-jsdom-token-not-real";

/** The field's "set / not set" line. */
function tokenStatus(): Element {
  const found = document.querySelector("[data-tmdb-token]");
  if (!found) throw new Error("no TMDB token status");
  return found;
}

function renderWith(children: ReturnType<typeof h>[]) {
  const saved: MethodParams<"tmdbCredential.save">[] = [];
  let status: TmdbCredentialStatus = { stored: false, where: "userFile" };
  const { wb } = harness(notebookOf([]), {
    handlers: {
      "tmdbCredential.status": () => status,
      "tmdbCredential.save": (params) => {
        saved.push(params);
        status = { stored: true, kind: params.kind, where: "userFile" };
        return status;
      },
      "tmdbCredential.remove": () => {
        status = { stored: false, where: "userFile" };
        return status;
      },
    },
  });
  render(h(WorkbenchProvider, { workbench: wb, children }));
  return { saved };
}

describe("the TMDB token field", () => {
  it("a TMDB cell that failed for its token offers Set TMDB token, which opens the field", async () => {
    const { saved } = renderWith([
      h(SettingsMenu, { key: "s" }),
      h(CellOutput, {
        key: "o",
        cellId: "tmdb",
        run: {
          status: "error",
          error: { code: "TMDB_UNAUTHORIZED", message: "TMDB refused the credentials", retryable: false },
        } as never,
      }),
    ]);
    await act(async () => screen.getByRole("button", { name: "Set TMDB token" }).click());
    const field = screen.getByLabelText("Token") as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(field));
    expect((await waitFor(() => tokenStatus())).textContent).toBe("TMDB token: Not set");
    fireEvent.change(field, { target: { value: ` ${TOKEN} ` } });
    await act(async () => screen.getByRole("button", { name: "Save token" }).click());
    await waitFor(() => expect(tokenStatus().textContent).toBe("TMDB token: Set"));
    expect(saved).toEqual([{ kind: "readAccessToken", value: ` ${TOKEN} ` }]);
    // What was typed does not stay in the page once the service has it.
    expect(field.value).toBe("");
    expect(document.body.innerHTML).not.toContain(TOKEN);
    await act(async () => screen.getByRole("button", { name: "Remove token" }).click());
    await waitFor(() => expect(tokenStatus().textContent).toBe("TMDB token: Not set"));
  });
});
