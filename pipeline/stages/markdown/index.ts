import type { Stage } from "../stage";

/** Prose has nothing to run; it succeeds so that "every cell ok" means the notebook ran. */
export const markdownStage: Stage = {
  run: async () => ({ summary: "Markdown" }),
};
