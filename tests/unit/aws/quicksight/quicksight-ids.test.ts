import { describe, expect, it } from "vitest";
import {
  dashboardUrl,
  publishIds,
  slug,
  userArn,
  versionNumberOf,
} from "../../../../pipeline/aws/quicksight";

describe("stable ids, ARNs and URLs", () => {
  it("derives every id from the notebook and the dashboard name, so republishing finds them", () => {
    const ids = publishIds("horror-subgenres", "Horror Subgenres!");
    expect(ids.dataSourceId).toBe("lakebook-horror-subgenres-athena");
    expect(ids.analysisId).toBe("lakebook-horror-subgenres-horror-subgenres-analysis");
    expect(ids.dashboardId).toBe("lakebook-horror-subgenres-horror-subgenres");
    expect(ids.dataSetId("rating_by_subgenre")).toBe("lakebook-horror-subgenres-rating_by_subgenre");
    expect(publishIds("horror-subgenres", "Horror Subgenres!").dashboardId).toBe(ids.dashboardId);
  });

  it("slugs keep QuickSight's id alphabet and are never empty", () => {
    expect(slug("Which horror subgenres do audiences prefer?")).toBe(
      "which-horror-subgenres-do-audiences-prefer",
    );
    expect(slug("Épouvante & co")).toBe("epouvante-co");
    expect(slug("!!!")).toBe("notebook");
  });

  it("the dashboard URL, a user's ARN and the version in a VersionArn", () => {
    expect(dashboardUrl("eu-west-1", "d-1")).toBe(
      "https://eu-west-1.quicksight.aws.amazon.com/sn/dashboards/d-1",
    );
    expect(userArn("us-east-1", "123456789012", "student")).toBe(
      "arn:aws:quicksight:us-east-1:123456789012:user/default/student",
    );
    expect(versionNumberOf("arn:aws:quicksight:eu-west-1:123456789012:dashboard/d-1/version/12")).toBe(12);
    expect(versionNumberOf(undefined)).toBeUndefined();
  });
});
