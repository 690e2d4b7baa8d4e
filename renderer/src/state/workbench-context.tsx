import { createContext, type ReactNode, useContext } from "react";
import type { Workbench } from "./workbench";

const WorkbenchContext = createContext<Workbench | null>(null);

export function WorkbenchProvider({ workbench, children }: { workbench: Workbench; children: ReactNode }) {
  return <WorkbenchContext.Provider value={workbench}>{children}</WorkbenchContext.Provider>;
}

export function useWorkbench(): Workbench {
  const wb = useContext(WorkbenchContext);
  if (!wb) throw new Error("useWorkbench outside <WorkbenchProvider>");
  return wb;
}
