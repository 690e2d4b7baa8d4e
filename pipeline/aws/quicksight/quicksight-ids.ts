/**
 * Stable QuickSight ids derived from the notebook, so publishing the same notebook again finds and
 * updates what it made the first time instead of creating copies. QuickSight ids allow [\w-]
 * (letters, digits, _ and -) up to 512 characters; ARNs and URLs are built from them.
 */

/** "Horror Subgenres!" → "horror-subgenres"; never empty. */
export function slug(text: string): string {
  const cleaned = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return cleaned || "notebook";
}

/** The ids of everything one publish cell makes. */
export interface PublishIds {
  dataSourceId: string;
  analysisId: string;
  dashboardId: string;
  dataSetId(chartId: string): string;
}

/**
 * `notebook` is the notebook's file name or title, `dashboard` the publish cell's dashboard name.
 * The data source is per notebook (every dashboard of it reads the same workgroup); a dataset is
 * per chart, since each chart has its own SQL.
 */
export function publishIds(notebook: string, dashboard: string): PublishIds {
  const base = `lakebook-${slug(notebook)}`;
  return {
    dataSourceId: `${base}-athena`,
    analysisId: `${base}-${slug(dashboard)}-analysis`,
    dashboardId: `${base}-${slug(dashboard)}`,
    dataSetId: (chartId) => `${base}-${slug(chartId)}`,
  };
}

export function dashboardUrl(region: string, dashboardId: string): string {
  return `https://${region}.quicksight.aws.amazon.com/sn/dashboards/${dashboardId}`;
}

export function analysisUrl(region: string, analysisId: string): string {
  return `https://${region}.quicksight.aws.amazon.com/sn/analyses/${analysisId}`;
}

/** A user's ARN in the `default` namespace; `identityRegion` is where QuickSight keeps its users. */
export function userArn(identityRegion: string, accountId: string, userName: string): string {
  return `arn:aws:quicksight:${identityRegion}:${accountId}:user/default/${userName}`;
}

/** The version number at the end of a dashboard VersionArn (`…:dashboard/<id>/version/<n>`). */
export function versionNumberOf(versionArn: string | undefined): number | undefined {
  const match = /\/version\/(\d+)$/.exec(versionArn ?? "");
  return match?.[1] ? Number(match[1]) : undefined;
}
