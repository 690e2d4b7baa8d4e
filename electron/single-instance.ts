import { notebookInArgv } from "./open-requests";

/** The slice of Electron's `app` the single-instance lock needs. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  on(
    event: "second-instance",
    listener: (event: unknown, argv: string[], workingDirectory: string) => void,
  ): unknown;
  quit(): void;
}

/**
 * One Lakebook per user: two would open the same notebooks and lakes from two services. A second
 * launch hands its notebook (if it names one) to the first, which comes to the front, and quits.
 * Returns false in the second launch, which must then stop starting up.
 */
export function claimSingleInstance(
  app: SingleInstanceApp,
  onSecondLaunch: (notebook: string | undefined) => void,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on("second-instance", (_event, argv, workingDirectory) => {
    onSecondLaunch(notebookInArgv(argv, workingDirectory));
  });
  return true;
}
