export { listProfileNames, profileNamesIn, sharedProfileFiles } from "./profiles";
export { type WhoAmI, whoAmI } from "./who-am-i";
