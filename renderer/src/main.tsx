import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/App";
import { localeStore } from "./i18n";
import { resolveTransport, ServiceClient } from "./service/client";
import { applyTheme } from "./theme/theme";
import "./theme/base.css";
import "./theme/layout.css";
import "./theme/notebook.css";
import "./theme/outputs.css";
import "./theme/panels.css";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root");
applyTheme(document.documentElement);
document.documentElement.lang = localeStore.get();
localeStore.subscribe(() => {
  document.documentElement.lang = localeStore.get();
});
const client = new ServiceClient(resolveTransport(window));
// The transport has the token now; the session cookie covers reloads, so keep it out of the address bar.
const address = new URL(window.location.href);
if (address.searchParams.has("token")) {
  address.searchParams.delete("token");
  window.history.replaceState(null, "", address);
}
createRoot(root).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
