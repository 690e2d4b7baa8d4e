// One scenario per process, so one measurement's memory never leaks into the next.
import { scenarios } from "./scenarios";

const name = process.argv[2] ?? "";
const scenario = scenarios[name];
if (!scenario) {
  process.stderr.write(`unknown scenario ${name}\n`);
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(await scenario())}\n`);
