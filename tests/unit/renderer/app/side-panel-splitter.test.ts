// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { createElement as h } from "react";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SidePanelSplitter } from "../../../../renderer/src/app/SidePanelSplitter";
import { SIDE_PANEL } from "../../../../renderer/src/app/side-panel-size";
import { reloadSidePanel, sidePanelStore } from "../../../../renderer/src/app/side-panel-store";
import { setLocale } from "../../../../renderer/src/i18n";

beforeEach(() => {
  setLocale("en");
  localStorage.clear();
  reloadSidePanel();
  window.innerWidth = 1366;
});
afterEach(() => cleanup());

describe("the side panel's splitter", () => {
  it("is a focusable separator with its width, limits and keys, remembered in localStorage", () => {
    render(h(SidePanelSplitter, { panelId: "side" }));
    const splitter = screen.getByRole("separator", { name: "Resize the side panel" });
    expect(splitter.tabIndex).toBe(0);
    expect(splitter.getAttribute("aria-valuenow")).toBe(String(SIDE_PANEL.initial));
    expect(splitter.getAttribute("aria-valuemin")).toBe(String(SIDE_PANEL.min));
    expect(splitter.getAttribute("aria-valuemax")).toBe(String(SIDE_PANEL.max));
    act(() => {
      fireEvent.keyDown(splitter, { key: "ArrowLeft" });
    });
    expect(splitter.getAttribute("aria-valuenow")).toBe(String(SIDE_PANEL.initial + SIDE_PANEL.step));
    expect(JSON.parse(localStorage.getItem("lakebook.sidePanel") ?? "{}")).toEqual({
      width: SIDE_PANEL.initial + SIDE_PANEL.step,
      collapsed: false,
    });
  });

  it("hides and shows the panel with a named button, and Enter on the splitter hides it", () => {
    render(h(SidePanelSplitter, { panelId: "side" }));
    act(() => {
      screen.getByRole("button", { name: "Hide the side panel" }).click();
    });
    expect(sidePanelStore.get().collapsed).toBe(true);
    expect(screen.queryByRole("separator")).toBeNull();
    const show = screen.getByRole("button", { name: "Show the side panel" });
    expect(show.getAttribute("aria-expanded")).toBe("false");
    act(() => show.click());
    act(() => {
      fireEvent.keyDown(screen.getByRole("separator"), { key: "Enter" });
    });
    expect(JSON.parse(localStorage.getItem("lakebook.sidePanel") ?? "{}").collapsed).toBe(true);
  });

  it("speaks Portuguese", () => {
    setLocale("pt-BR");
    render(h(SidePanelSplitter, { panelId: "side" }));
    expect(screen.getByRole("separator", { name: "Redimensionar o painel lateral" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Ocultar o painel lateral" })).toBeTruthy();
  });
});
