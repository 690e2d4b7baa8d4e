import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { COMMANDS, findCommand } from "../../../pipeline/cli/commands";
import { commandHelp, lakebookVersion, usage } from "../../../pipeline/cli/help";

describe("the command table", () => {
  it("has one entry per name, each with a summary, a usage line and an example of itself", () => {
    const names = COMMANDS.map((command) => command.name);
    expect(new Set(names).size).toBe(names.length);
    for (const command of COMMANDS) {
      expect(command.summary).not.toBe("");
      expect(command.help.startsWith(`Usage: lakebook ${command.name}`)).toBe(true);
      expect(command.example.startsWith(`lakebook ${command.name}`)).toBe(true);
      expect(findCommand(command.name)).toBe(command);
    }
    expect(findCommand("nope")).toBeUndefined();
  });

  it("draws the help from the table, so a registered command is listed everywhere", () => {
    const extra = {
      name: "doctor",
      summary: "check this machine",
      example: "lakebook doctor",
      help: "Usage: lakebook doctor",
      run: async () => 0,
    };
    const table = [...COMMANDS, extra];
    expect(usage(table)).toContain("doctor   check this machine\n           lakebook doctor");
    for (const command of COMMANDS) expect(commandHelp(command, table)).toContain("  lakebook doctor");
    expect(commandHelp(extra, table)).toContain("Example:\n  lakebook doctor\n");
  });

  it("is the one the README's command table documents", async () => {
    const readme = await readFile(new URL("../../../README.md", import.meta.url), "utf8");
    for (const command of COMMANDS) expect(readme).toContain(`| \`lakebook ${command.name}`);
  });

  it("reports package.json's version", async () => {
    const manifest = JSON.parse(await readFile(new URL("../../../package.json", import.meta.url), "utf8"));
    expect(lakebookVersion()).toBe(manifest.version);
  });
});
